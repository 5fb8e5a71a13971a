import Foundation
import Hummingbird
import HummingbirdTesting
import KenshuConsole
import NIOCore
import Testing

/// The refusals of issue 18 that apply to the console's foundation: no session, no CSRF
/// token, a viewer on an admin page, too many wrong passwords, paths that step out, bodies
/// over the limit.
@Suite(.serialized)
struct ConsoleRefusalTests {
    @Test func withoutASessionEveryPageSendsTheBrowserToTheLoginPage() async throws {
        try await ConsoleFixture().test { client in
            var browser = Browser(client)
            for path in ["/", "/week", "/staff", "/staff?q=10028", "/staff/10028", "/staff/10028/mail", "/audit"] {
                let response = try await browser.get(path)
                #expect(response.status == .seeOther, "\(path)")
                #expect(response.headers[.location] == "/login", "\(path)")
            }
            let login = try await browser.get("/login")
            #expect(login.status == .ok)
            #expect(login.text.contains("ログイン"))
        }
    }

    @Test func aPostWithoutTheCSRFTokenOrWithAWrongOneIsRefused() async throws {
        try await ConsoleFixture().test { client in
            var browser = Browser(client)
            // The login form's own token.
            _ = try await browser.get("/login")
            let noToken = try await browser.post("/login", [("name", "kanri"), ("password", ConsoleFixture.password)])
            #expect(noToken.status == .forbidden)
            #expect(noToken.text.contains("送信を受け付けられません"))
            let wrong = try await browser.post("/login", [("csrf", "0123"), ("name", "kanri"), ("password", ConsoleFixture.password)])
            #expect(wrong.status == .forbidden)
            #expect(browser.cookies["kenshu_session"] == nil)
            // A session's token.
            #expect(try await browser.logIn("kanri").status == .seeOther)
            #expect(try await browser.post("/logout", []).status == .forbidden)
            #expect(try await browser.post("/logout", [("csrf", String(repeating: "0", count: 64))]).status == .forbidden)
            #expect(try await browser.get("/week").status == .ok, "still logged in")
        }
    }

    @Test func aViewerMayNotOpenTheAuditLog() async throws {
        try await ConsoleFixture().test { client in
            var viewer = Browser(client)
            #expect(try await viewer.logIn("etsuran").status == .seeOther)
            let refused = try await viewer.get("/audit")
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("権限がありません"))
            #expect(!(try await viewer.get("/week")).text.contains("href=\"/audit\""))
            var admin = Browser(client)
            #expect(try await admin.logIn("kanri").status == .seeOther)
            #expect(try await admin.get("/audit").status == .ok)
        }
    }

    @Test func theSixthWrongPasswordWithinTheWindowIsThrottled() async throws {
        try await ConsoleFixture().test { client in
            var browser = Browser(client)
            for _ in 1...5 {
                let wrong = try await browser.logIn("kanri", password: "not-the-password")
                #expect(wrong.status == .unauthorized)
                #expect(wrong.text.contains("アカウント名かパスワードが違います"))
            }
            let sixth = try await browser.logIn("kanri", password: "not-the-password")
            #expect(sixth.status == .tooManyRequests)
            #expect(sixth.text.contains("ログインを一時的に止めています"))
            #expect(sixth.text.contains("以降にもう一度試してください"))
            // The right password too, until the window passes.
            #expect(try await browser.logIn("kanri").status == .tooManyRequests)
            #expect(browser.cookies["kenshu_session"] == nil)
        }
    }

    /// Behind the office's proxy (`trustedProxies`), failures count per forwarded address:
    /// one PC's wrong passwords do not lock out the others; without the setting the header is
    /// ignored (a client could otherwise name any address and escape the throttle).
    @Test func behindATrustedProxyTheThrottleCountsPerForwardedAddress() async throws {
        try await ConsoleFixture(console: "  trustedProxies: [\"127.0.0.1\"]\n").test(.live) { client in
            var first = Browser(client)
            first.extraHeaders[ConsoleFixture.forwardedFor] = "192.0.2.10, 10.1.2.3"
            for index in 1...5 { _ = try await first.logIn("nobody\(index)", password: "not-the-password") }
            #expect(try await first.logIn("nobody6", password: "not-the-password").status == .tooManyRequests)
            var second = Browser(client)
            second.extraHeaders[ConsoleFixture.forwardedFor] = "10.1.2.4"
            #expect(try await second.logIn("kanri").status == .seeOther)
            let audit = try await second.get("/audit").text
            #expect(audit.contains("10.1.2.3") && audit.contains("10.1.2.4") && !audit.contains("192.0.2.10"))
        }
        try await ConsoleFixture().test(.live) { client in
            var first = Browser(client)
            for index in 1...5 {
                first.extraHeaders[ConsoleFixture.forwardedFor] = "10.1.2.\(index)"
                _ = try await first.logIn("nobody\(index)", password: "not-the-password")
            }
            #expect(try await first.logIn("kanri").status == .tooManyRequests, "the header of an untrusted peer is ignored")
        }
    }

    @Test func pathsThatStepOutOrAreEncodedAreNotFound() async throws {
        try await ConsoleFixture().test { client in
            var browser = Browser(client)
            #expect(try await browser.logIn("kanri").status == .seeOther)
            for path in ["/../etc/passwd", "/static/../login", "/static/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e/week",
                         "/%2E%2E%2Fetc%2Fpasswd", "/staff/..%2f..%2fetc%2fpasswd", "/staff/%2e%2e", "/staff/10028/..",
                         "/static//console.css", "/static/..%5cconsole.css", "/.%2e/week", "/week/.", "/static/console.css/..",
                         "/etc/passwd", "/static/kenshu.sqlite", "/week%00"] {
                let response = try await browser.get(path)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.text.contains("ページが見つかりません"), "\(path)")
            }
            #expect(try await browser.get("/static/console.css").status == .ok)
        }
    }

    @Test func aBodyOverTheLimitIsRefusedWithAClearMessageAndChangesNothing() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.test { client in
            let before = try fixture.environment.reading.store.consoleAudit(limit: 100).count
            let big = String(repeating: "x", count: 3 * 1024 * 1024)
            var browser = Browser(client)
            _ = try await browser.get("/login")
            let response = try await browser.post("/login", [("csrf", "x"), ("name", "kanri"), ("password", big)])
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("送信されたデータが大きすぎます"))
            #expect(response.text.contains("何も変更していません"))
            #expect(try fixture.environment.reading.store.consoleAudit(limit: 100).count == before)
        }
    }
}
