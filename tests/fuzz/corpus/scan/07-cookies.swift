import Foundation

func store(token: String) {
    // expect: cookie
    let cookie = HTTPCookie(properties: [.name: "session", .value: token, .domain: "app.acme.io", .path: "/"])!
    // expect: cookie
    HTTPCookieStorage.shared.setCookie(cookie)
}
