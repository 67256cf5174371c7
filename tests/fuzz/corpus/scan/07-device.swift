import UIKit

func vendorId() -> String? {
    // expect: device-info user.device.device_id
    return UIDevice.current.identifierForVendor?.uuidString
}
