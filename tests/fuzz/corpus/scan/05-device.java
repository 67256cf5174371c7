import android.provider.Settings;

class Ids {
    String id(android.content.Context ctx) {
        // expect: device-info user.device.device_id
        return Settings.Secure.getString(ctx.getContentResolver(), Settings.Secure.ANDROID_ID);
    }
}
