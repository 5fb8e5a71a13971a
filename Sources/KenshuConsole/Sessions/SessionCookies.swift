import Hummingbird

/// The console's cookies: `kenshu_session` (the session id) and `kenshu_login` (the login
/// form's CSRF token, before there is a session). Both HttpOnly, SameSite=Strict, path `/`,
/// and Secure when the console is behind TLS (`console.secureCookies`).
struct SessionCookies: Sendable {
    static let sessionName = "kenshu_session"
    static let loginName = "kenshu_login"
    let secure: Bool

    func session(_ id: String) -> Cookie { cookie(Self.sessionName, id) }

    func login(_ token: String) -> Cookie { cookie(Self.loginName, token) }

    /// A cookie that removes `name` from the browser.
    func expired(_ name: String) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    private func cookie(_ name: String, _ value: String) -> Cookie {
        Cookie(name: name, value: value, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
