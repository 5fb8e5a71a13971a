import Foundation
import Hummingbird
import HummingbirdTesting
import KenshuConfig
import KenshuConsole
import KenshuCycle
import KenshuTesting
import NIOCore

/// The example city after the weekly run of 2026-11-25, with the console on and two
/// accounts (`kanri`, admin; `etsuran`, viewer), and the console's application over it.
struct ConsoleFixture {
    static let password = "kenshu-test-pass"
    static let forwardedFor = HTTPFields.Element.Name("X-Forwarded-For")!
    let city: TemporaryCity
    let environment: ConsoleEnvironment

    init(console: String = "") throws {
        city = try TemporaryCity()
        // The console's rule changes go to the city's own copy, never the repository's example.
        try city.useOwnRules()
        try city.appendConfig(TemporaryCity.exampleData(feeds: ["academy.xml", "jichi-kenshujo.xml", "xcri-niigata.xml"]))
        try city.appendConfig("console:\n  listen: \"127.0.0.1:8470\"\n" + console)
        let setup = try Setup.load(configPath: city.config)
        let session = try Session.open(setup)
        _ = try WeeklyCycle.run(session: session, options: WeeklyCycle.Options(date: "2026-11-25", dryRun: false))
        let accounts = AccountsFile(path: setup.configuration.console.accountsFile)
        try accounts.write([
            ConsoleAccount(name: "kanri", role: .admin, hash: try Passwords.hash(Self.password, cost: 4)),
            ConsoleAccount(name: "etsuran", role: .viewer, hash: try Passwords.hash(Self.password, cost: 4)),
        ])
        environment = try ConsoleEnvironment.open(setup: setup)
    }

    var application: some ApplicationProtocol {
        Application(router: ConsoleApplication.router(environment))
    }

    /// Runs `body` against the router, then removes the city.
    /// `.live` serves on a loopback socket (the client's address is 127.0.0.1); `.router` calls the router directly.
    func test<Value: Sendable>(_ mode: TestingSetup = .router, _ body: @Sendable (any TestClientProtocol) async throws -> Value)
        async throws -> Value
    {
        defer { city.remove() }
        return try await application.test(mode) { client in try await body(client) }
    }
}

/// A browser's side of a conversation with the console: its cookies, and the forms' tokens.
struct Browser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    var cookieHeader: HTTPFields {
        var headers = extraHeaders
        if !cookies.isEmpty { headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        return headers
    }

    /// Headers every request of this browser carries (e.g. a proxy's `X-Forwarded-For`).
    var extraHeaders: HTTPFields = [:]

    mutating func get(_ path: String) async throws -> TestResponse {
        let response = try await client.executeRequest(uri: path, method: .get, headers: cookieHeader, body: nil)
        keepCookies(response)
        return response
    }

    mutating func post(_ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = cookieHeader
        headers[.contentType] = "application/x-www-form-urlencoded"
        let response = try await client.executeRequest(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
        keepCookies(response)
        return response
    }

    /// Opens the login page and logs in; the response of the POST.
    mutating func logIn(_ name: String, password: String = ConsoleFixture.password) async throws -> TestResponse {
        let page = try await get("/login")
        return try await post("/login", [("csrf", Self.csrfToken(in: page) ?? ""), ("name", name), ("password", password)])
    }

    /// The token of the page's first form.
    static func csrfToken(in response: TestResponse) -> String? {
        let html = String(buffer: response.body)
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    private mutating func keepCookies(_ response: TestResponse) {
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            if pair[1].isEmpty { cookies[String(pair[0])] = nil } else { cookies[String(pair[0])] = String(pair[1]) }
        }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
