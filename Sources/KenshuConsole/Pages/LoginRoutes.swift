import Foundation
import Hummingbird

/// ログイン and ログアウト: the login form (with its own CSRF token in a `kenshu_login`
/// cookie, as there is no session yet), the login itself (throttled per account and per
/// address, every attempt audited), and logout (a POST with the session's token).
struct LoginRoutes: Sendable {
    let environment: ConsoleEnvironment

    func add(to router: Router<ConsoleRequestContext>) {
        router.get("/login") { _, context in try await formPage(context: context) }
        router.post("/login") { request, context in try await login(request, context: context) }
        router.post("/logout") { request, context in try await logout(request, context: context) }
    }

    private func formPage(context: ConsoleRequestContext, message: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        if context.session != nil, message == nil { return Redirect.to("/week") }
        let token = RandomTokens.make()
        var response = environment.pages.response("login", frame: PageFrame(title: "ログイン", session: nil),
                                                  page: LoginView(csrfToken: token, message: message), status: status)
        response.setCookie(environment.cookies.login(token))
        return response
    }

    private func login(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let form = try await PostForm.read(request, context: context, expecting: request.cookies[SessionCookies.loginName]?.value)
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        let address = context.address
        if let until = await environment.throttle.refusedUntil(account: name, address: address) {
            try environment.audit.record(.loginThrottled, account: name, address: address)
            throw ConsoleRefusal.throttled(until: until)
        }
        let accounts = try environment.accounts.read()
        let account = accounts.first { $0.name == name }
        // An unknown name is checked against a hash too, so it takes as long as a wrong password.
        let matches = Passwords.verify(password, hash: account?.hash ?? Passwords.unmatchable)
        guard let account, matches else {
            await environment.throttle.recordFailure(account: name, address: address)
            try environment.audit.record(.loginFailed, account: name, address: address,
                                         detail: account == nil ? "アカウントがありません" : "パスワードが違います")
            return try await formPage(context: context, message: "アカウント名かパスワードが違います。", status: .unauthorized)
        }
        let session = await environment.sessions.start(account: account.name, role: account.role)
        try environment.audit.record(.login, account: account.name, address: address, detail: account.role.japaneseName)
        var response = Redirect.to("/week")
        response.setCookie(environment.cookies.session(session.id))
        response.setCookie(environment.cookies.expired(SessionCookies.loginName))
        return response
    }

    private func logout(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let (_, session) = try await PostForm.read(request, context: context)
        await environment.sessions.end(session.id)
        try environment.audit.record(.logout, account: session.account, address: context.address)
        var response = Redirect.to("/login")
        response.setCookie(environment.cookies.expired(SessionCookies.sessionName))
        return response
    }
}

/// The login page.
struct LoginView: Sendable {
    var csrfToken: String
    var message: String?
}

/// 303 See Other: after a POST, and to the login page.
enum Redirect {
    static func to(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path, .cacheControl: "no-store"])
    }
}
