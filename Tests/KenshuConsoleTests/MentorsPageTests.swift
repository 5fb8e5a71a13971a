import Foundation
import Hummingbird
import HummingbirdTesting
import KenshuConsole
import KenshuCore
import KenshuCycle
import KenshuMatch
import Testing

/// メンター: the running pairs with their reasons, the unmatched with the rule why, the peer
/// groups, and a dry run that records nothing.
@Suite(.serialized)
struct MentorsPageTests {
    @Test func pairsWithReasonsUnmatchedWithTheRuleAndGroupsAreShown() async throws {
        let fixture = try ConsoleFixture()
        let session = fixture.environment.reading
        let running = try session.store.runningMentorPairs()
        let pair = try #require(running.first { !$0.reasons.isEmpty }, "the example week made pairs")
        let names = try session.store.staff(ids: [pair.mentor, pair.mentee])
        let lastRun = try MentorRun.run(on: try #require(LocalDate(parsing: "2026-11-25")), dryRun: true, session: session)
        try await fixture.test { client in
            var viewer = Browser(client)
            #expect(try await viewer.logIn("etsuran").status == .seeOther)
            let page = try await viewer.get("/mentors")
            #expect(page.status == .ok)
            #expect(page.text.contains("href=\"/mentors\" aria-current=\"page\""))
            #expect(page.text.contains("続いているペア（\(running.count) 組）"))
            #expect(page.text.contains("<li>\(pair.reasons[0])</li>"))
            #expect(page.text.contains("<a href=\"/staff/\(pair.mentee)\">\(pair.mentee)</a>"))
            for member in names { #expect(page.text.contains(member.name)) }
            #expect(page.text.contains("\(MentorWording.unmatched)（2026-11-25 時点）"))
            for mentee in lastRun.unmatched {
                #expect(page.text.contains("<a href=\"/staff/\(mentee.mentee)\">\(mentee.mentee)</a>"))
                #expect(page.text.contains(mentee.reason))
            }
            #expect(page.text.contains(MentorWording.groups))
            #expect(page.text.contains("name=\"dryRun\" value=\"1\""))
            #expect(!page.text.contains(MentorWording.dryRun))
        }
    }

    @Test func aDryRunShowsTheNextRunAndRecordsNothing() async throws {
        let fixture = try ConsoleFixture()
        let store = fixture.environment.reading.store
        let before = try store.mentorPairsSignature()
        let groups = try store.mentorGroups()
        try await fixture.test { client in
            var viewer = Browser(client)
            #expect(try await viewer.logIn("etsuran").status == .seeOther)
            let page = try await viewer.get("/mentors?dryRun=1")
            #expect(page.status == .ok)
            #expect(page.text.contains(MentorWording.dryRun))
            for status in [MentorPair.Status.new, .kept, .ended] { #expect(page.text.contains("<h3>\(status.japaneseName)（")) }
            #expect(try store.mentorPairsSignature() == before)
            #expect(try store.mentorGroups() == groups)
            let bad = try await viewer.get("/mentors?dryRun=yes")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("dryRun=「yes」"))
        }
    }

    @Test func withoutASessionTheNewPagesSendTheBrowserToTheLoginPage() async throws {
        try await ConsoleFixture().test { client in
            var browser = Browser(client)
            for path in ["/mentors", "/mentors?dryRun=1", "/courses", "/courses?provider=x"] {
                let response = try await browser.get(path)
                #expect(response.status == .seeOther, "\(path)")
                #expect(response.headers[.location] == "/login", "\(path)")
            }
            _ = try await browser.get("/login")
            let post = try await browser.post("/courses/confirm", [("provider", "x")])
            #expect(post.status == .seeOther)
        }
    }
}
