import Foundation
import Hummingbird
import HummingbirdTesting
import KenshuConfig
import KenshuConsole
import KenshuCore
import KenshuMail
import Testing

/// 講座: the providers' catalogues, the untagged courses with their suggestions, and the
/// confirmation that hands a candidate rules.yaml to the rules page; its refusals.
@Suite(.serialized)
struct CoursesPageTests {
    /// The example city's untagged courses, as the HR report lists them.
    static func untagged(_ fixture: ConsoleFixture) throws -> [UntaggedCourse] {
        let session = fixture.environment.reading
        return UntaggedCourse.list(try session.store.courseListings(), rules: session.rules.courseTags, catalog: session.catalog)
    }

    static func unescaped(_ html: String) -> String {
        html.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func confirmFields(_ course: UntaggedCourse, token: String, abilities: [String]) -> [(String, String)] {
        [("csrf", token), ("provider", course.provider.id), ("course", course.courseID)] + abilities.map { ("ability", $0) }
    }

    @Test func providersCoursesAndUntaggedSuggestionsAreShownAndAViewerGetsNoForm() async throws {
        let fixture = try ConsoleFixture()
        let untagged = try Self.untagged(fixture)
        let first = try #require(untagged.first { !$0.suggestions.isEmpty }, "the example city has an untagged course with a suggestion")
        let providers = try fixture.environment.reading.store.providerCatalogs()
        try await fixture.test { client in
            var viewer = Browser(client)
            #expect(try await viewer.logIn("etsuran").status == .seeOther)
            let page = try await viewer.get("/courses")
            #expect(page.status == .ok)
            let html = Self.unescaped(page.text)
            for provider in providers {
                #expect(html.contains("<h3>\(provider.name)</h3>"), "\(provider.name)")
            }
            #expect(html.contains("href=\"/courses\" aria-current=\"page\""))
            #expect(html.contains("能力タグのない講座（\(untagged.count) 件）"))
            #expect(html.contains(first.title))
            #expect(html.contains("候補: \(first.suggestionText)"))
            #expect(!html.contains("action=\"/courses/confirm\""))
            #expect(html.contains("確定は管理者（admin）が行います"))
            let one = try await viewer.get("/courses?provider=" + Browser.encode(first.provider.id))
            #expect(one.status == .ok)
            #expect(one.text.contains("すべての提供元へ"))
        }
    }

    @Test func anAdminConfirmsASuggestionAndGetsTheCandidateRulesForTheRulesPage() async throws {
        let fixture = try ConsoleFixture()
        let course = try #require(try Self.untagged(fixture).first { !$0.suggestions.isEmpty })
        let session = fixture.environment.reading
        try await fixture.test { client in
            var admin = Browser(client)
            #expect(try await admin.logIn("kanri").status == .seeOther)
            let page = try await admin.get("/courses")
            #expect(page.text.contains("action=\"/courses/confirm\""))
            let suggested = course.suggestions.map(\.ability)
            #expect(page.text.contains("name=\"ability\" value=\"\(suggested[0])\" checked"))
            let token = try #require(Browser.csrfToken(in: page))
            let confirm = try await admin.post("/courses/confirm",
                                               Self.confirmFields(course, token: token, abilities: suggested.map(String.init)))
            #expect(confirm.status == .ok)
            #expect(confirm.text.contains("<form method=\"post\" action=\"/rules/check\">"))
            #expect(confirm.text.contains("<textarea id=\"text\" name=\"text\" rows=\"24\" cols=\"100\" readonly>"))
            #expect(confirm.text.contains("規則の編集で確認する"))
            let html = Self.unescaped(confirm.text)
            let start = try #require(html.range(of: "readonly>"))
            let end = try #require(html.range(of: "</textarea>"))
            let text = String(html[start.upperBound..<end.lowerBound])
            let rules = try RulesLoader.parse(text, file: "rules.yaml", catalog: session.catalog)
            let key = CourseTagRules.courseKey(provider: course.provider.id, courseID: course.courseID)
            #expect(rules.courseTags.courses == [key: suggested.sorted()])
            #expect(html.contains("<pre>" + CourseAbilityRuleEdit.quoted(key) + ": ["))
            // Nothing was written: the rules file is as it was.
            let onDisk = try String(contentsOfFile: session.configuration.rulesFile, encoding: .utf8)
            #expect(!onDisk.contains(key))
            // On through the rules page, as the button sends it: checked, simulated, applied;
            // then the course is tagged for the pages.
            let checked = try await admin.post("/rules/check", [("csrf", token), ("text", text)])
            #expect(checked.status == .ok)
            #expect(checked.text.contains("誤りはありません"))
            #expect(try await admin.post("/rules/simulate", [("csrf", token), ("text", text)]).text.contains("id=\"apply\""))
            #expect(try await admin.post("/rules/apply", [("csrf", token), ("text", text)]).status == .seeOther)
            #expect(try String(contentsOfFile: session.configuration.rulesFile, encoding: .utf8) == text)
            #expect(fixture.environment.reading.rules.courseTags.courses[key] == suggested.sorted())
        }
    }

    @Test func aViewerMayNotConfirmAndAPostWithoutTheTokenIsRefused() async throws {
        let fixture = try ConsoleFixture()
        let course = try #require(try Self.untagged(fixture).first)
        try await fixture.test { client in
            var viewer = Browser(client)
            #expect(try await viewer.logIn("etsuran").status == .seeOther)
            let token = try #require(Browser.csrfToken(in: try await viewer.get("/courses")))
            let refused = try await viewer.post("/courses/confirm", Self.confirmFields(course, token: token, abilities: ["4"]))
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("権限がありません"))
            var admin = Browser(client)
            #expect(try await admin.logIn("kanri").status == .seeOther)
            let noToken = try await admin.post("/courses/confirm", Array(Self.confirmFields(course, token: "", abilities: ["4"]).dropFirst()))
            #expect(noToken.status == .forbidden)
            #expect(noToken.text.contains("送信を受け付けられません"))
            let wrongToken = try await admin.post("/courses/confirm",
                                                  Self.confirmFields(course, token: String(repeating: "0", count: 64), abilities: ["4"]))
            #expect(wrongToken.status == .forbidden)
        }
    }

    @Test func aBadAbilityAnUnknownCourseNoAbilityOrABadPageIsA400PageNamingIt() async throws {
        let fixture = try ConsoleFixture()
        let course = try #require(try Self.untagged(fixture).first)
        try await fixture.test { client in
            var admin = Browser(client)
            #expect(try await admin.logIn("kanri").status == .seeOther)
            let token = try #require(Browser.csrfToken(in: try await admin.get("/courses")))
            for (abilities, named) in [(["11"], "「11」"), (["4", "0"], "「0」"), (["④"], "「④」"), ([], "一つも選ばれていません")] {
                let response = try await admin.post("/courses/confirm", Self.confirmFields(course, token: token, abilities: abilities))
                #expect(response.status == .badRequest, "\(abilities)")
                #expect(response.text.contains("入力を確かめてください"))
                #expect(Self.unescaped(response.text).contains(named), "\(abilities)")
                #expect(response.text.contains("何も変更していません"))
            }
            let unknown = try await admin.post("/courses/confirm",
                                               [("csrf", token), ("provider", "no-such"), ("course", "X-1"), ("ability", "4")])
            #expect(unknown.status == .badRequest)
            #expect(unknown.text.contains("no-such/X-1"))
            for path in ["/courses?untagged=0", "/courses?untagged=abc", "/courses?provider=no-such",
                         "/courses?provider=" + Browser.encode(course.provider.id) + "&page=999"] {
                let response = try await admin.get(path)
                #expect(response.status == .badRequest, "\(path)")
                #expect(response.text.contains("入力を確かめてください"), "\(path)")
            }
        }
    }

    /// The edit over every untagged course of the example city: the candidate parses to the
    /// example rules plus that one entry, which then tags the course.
    @Test func everyUntaggedCourseOfTheExampleCityCanBeAddedToTheExampleRules() throws {
        let fixture = try ConsoleFixture()
        defer { fixture.city.remove() }
        let session = fixture.environment.reading
        let text = try String(contentsOfFile: session.configuration.rulesFile, encoding: .utf8)
        let listings = try session.store.courseListings()
        let untagged = try Self.untagged(fixture)
        #expect(!untagged.isEmpty)
        for course in untagged {
            let abilities = course.suggestions.isEmpty ? [10] : course.suggestions.map(\.ability)
            let candidate = try CourseAbilityRuleEdit.apply(to: text, provider: course.provider.id, courseID: course.courseID,
                                                            abilities: abilities, title: course.title, catalog: session.catalog,
                                                            file: "rules.yaml")
            let rules = try RulesLoader.parse(candidate, file: "rules.yaml", catalog: session.catalog)
            var expected = session.rules
            let key = CourseTagRules.courseKey(provider: course.provider.id, courseID: course.courseID)
            expected.courseTags.courses[key] = abilities.sorted()
            #expect(rules == expected, "\(key)")
            let listing = try #require(listings.first {
                $0.sources.first?.provider.id == course.provider.id && $0.sources.first?.courseID == course.courseID
            })
            #expect(AbilityTagger(rules: rules.courseTags, catalog: session.catalog).isTagged(listing.course), "\(key)")
        }
    }
}
