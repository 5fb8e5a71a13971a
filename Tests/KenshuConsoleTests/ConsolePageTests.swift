import Foundation
import Hummingbird
import HummingbirdTesting
import KenshuConsole
import Testing

/// The pages after logging in: 今週, 職員 (search, a person, the mail), 監査ログ, ログアウト,
/// and the headers and cookies every response carries.
@Suite(.serialized)
struct ConsolePageTests {
    @Test func loggingInSetsAStrictHttpOnlySessionCookieAndOpensThisWeek() async throws {
        try await ConsoleFixture().test { client in
            var browser = Browser(client)
            let login = try await browser.logIn("kanri")
            #expect(login.status == .seeOther)
            #expect(login.headers[.location] == "/week")
            let cookie = try #require(login.headers[values: .setCookie].first { $0.hasPrefix("kenshu_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains("Secure"))
            #expect(browser.cookies["kenshu_session"]?.count == 64)
            let week = try await browser.get("/week")
            #expect(week.status == .ok)
            #expect(week.text.contains("2026-W48"))
            #expect(week.text.contains("研修フィードの取込"))
            #expect(week.text.contains("kanri（管理者）"))
            #expect(!week.text.contains("class=\"failed\""), "nothing failed in the example week")
        }
    }

    @Test func withSecureCookiesTheSessionCookieIsSecure() async throws {
        try await ConsoleFixture(console: "  secureCookies: true\n").test { client in
            var browser = Browser(client)
            let login = try await browser.logIn("kanri")
            let cookie = try #require(login.headers[values: .setCookie].first { $0.hasPrefix("kenshu_session=") })
            #expect(cookie.contains("Secure"))
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await ConsoleFixture().test { client in
            var browser = Browser(client)
            for path in ["/login", "/week", "/nowhere"] {
                let response = try await browser.get(path)
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("default-src 'self'"), "\(path)")
                #expect(policy.contains("script-src 'none'"), "\(path)")
                #expect(policy.contains("frame-ancestors 'none'"), "\(path)")
                #expect(response.headers[HTTPFields.Element.Name("X-Frame-Options")!] == "DENY", "\(path)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(path)")
                #expect(response.headers[HTTPFields.Element.Name("Referrer-Policy")!] == "no-referrer", "\(path)")
            }
            #expect(try await browser.logIn("kanri").status == .seeOther)
            #expect(try await browser.get("/week").headers[.cacheControl] == "no-store")
        }
    }

    @Test func staffAreFoundByIdOrNameAndAPersonShowsTheirRecommendationsAndMail() async throws {
        try await ConsoleFixture().test { client in
            var browser = Browser(client)
            #expect(try await browser.logIn("etsuran").status == .seeOther)
            let byID = try await browser.get("/staff?q=10028")
            #expect(byID.text.contains("href=\"/staff/10028\""))
            let person = try await browser.get("/staff/10028")
            #expect(person.status == .ok)
            #expect(person.headers[.cacheControl] == "no-store")
            #expect(person.text.contains("能力のギャップ"))
            #expect(person.text.contains("対象外の研修（理由ごと）"))
            #expect(person.text.contains(" 件）: "), "each reason with its count and first titles")
            #expect(person.text.contains("定期実行"))
            #expect(person.text.contains("<iframe class=\"mail\" sandbox src=\"/staff/10028/mail\""))
            let name = try #require(person.text.range(of: "<h1>").map { person.text[$0.upperBound...].prefix { $0 != "（" } })
            let byName = try await browser.get("/staff?q=" + Browser.encode(String(name.prefix(2))))
            #expect(byName.text.contains("href=\"/staff/10028\""), "searching \(name.prefix(2))")
            #expect(try await browser.get("/staff?q=nobody-here").text.contains("当てはまる職員はいません"))
            #expect(try await browser.get("/staff/99999999").status == .notFound)
            let mail = try await browser.get("/staff/10028/mail")
            #expect(mail.status == .ok)
            #expect(mail.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'self'") == true)
            #expect(mail.headers[.contentSecurityPolicy]?.contains("script-src") == false)
            #expect(mail.headers[HTTPFields.Element.Name("X-Frame-Options")!] == "SAMEORIGIN")
            #expect(mail.text.contains("<html"))
        }
    }

    @Test func theAuditLogShowsLoginsFailuresAndLogouts() async throws {
        try await ConsoleFixture().test { client in
            var browser = Browser(client)
            #expect(try await browser.logIn("kanri", password: "wrong-password").status == .unauthorized)
            #expect(try await browser.logIn("kanri").status == .seeOther)
            let token = try #require(Browser.csrfToken(in: try await browser.get("/week")))
            let logout = try await browser.post("/logout", [("csrf", token)])
            #expect(logout.status == .seeOther)
            #expect(logout.headers[.location] == "/login")
            #expect(try await browser.get("/week").status == .seeOther, "the session ended")
            #expect(try await browser.logIn("kanri").status == .seeOther)
            let audit = try await browser.get("/audit")
            for action in ["ログイン失敗", "ログアウト", "ログイン"] {
                #expect(audit.text.contains("<td>\(action)</td>"), "\(action)")
            }
            #expect(audit.text.contains("パスワードが違います"))
        }
    }
}
