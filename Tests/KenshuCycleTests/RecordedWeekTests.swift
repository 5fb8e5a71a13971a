import Foundation
import KenshuConfig
import KenshuCore
@testable import KenshuCycle
import KenshuMail
import KenshuMatch
import KenshuStore
import KenshuTesting
import Testing

/// `explain`, `recommend --staff` and `preview` reuse the week's run while nothing it was
/// computed from has changed: over everyone of the example city, what they show is exactly
/// what matching everyone again shows; any change, and they match everyone again and say why.
struct RecordedWeekTests {
    @Test func everyonesResultFromTheRecordedWeekIsTheResultOfMatchingEveryoneAgain() throws {
        let example = try ExampleCityWeek()
        defer { example.city.remove() }
        let ids = example.week.staff.map(\.id)
        let reused = try CourseRecommendations.forStaff(ids: ids, date: "2026-11-25", session: example.session, explain: true)
        guard case .weeklyRun(let day, _) = reused.basis else {
            Issue.record("the week's run was not reused: \(reused.basis)")
            return
        }
        #expect(day == example.day)
        let again = try CourseRecommendations.run(ids: ids, on: example.day, session: example.session, explain: true)
        #expect(reused.entries.count == again.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var differing: [String] = []
        for (one, other) in zip(reused.entries, again) where try encoder.encode(one.result) != encoder.encode(other.result) {
            differing.append(one.staff.id)
        }
        #expect(differing.isEmpty, "\(differing.count) of \(ids.count) differ: \(differing.prefix(5))")
        // And what the week's run recorded and mailed.
        let plain = try CourseRecommendations.forStaff(ids: ids, date: "2026-11-25", session: example.session, explain: false)
        let mailed = Dictionary(uniqueKeysWithValues: example.week.entries.map { ($0.staff.id, $0.result.recommendations) })
        #expect(plain.entries.allSatisfy { mailed[$0.staff.id] == $0.result.recommendations })
        #expect(plain.entries.reduce(0) { $0 + $1.result.recommendations.count } > 1_000)
    }

    @Test func previewOfEveryStaffMailAndDigestIsTheMailOfMatchingEveryoneAgain() throws {
        let example = try ExampleCityWeek()
        defer { example.city.remove() }
        let session = example.session
        let mentors = try MentorRun.run(on: example.day, dryRun: true, session: session)
        let inputs = try MailInputs.gather(on: example.day, match: example.week, mentors: mentors, session: session)
        let templates = try WeeklyMails.templates(setup: session.setup)
        let managers = Set(example.week.staff.compactMap(\.managerID))
        var compared = 0
        var differing: [String] = []
        // What `preview` makes from the recorded week (`MailPreview.render` checked below), for everyone.
        guard case .reusable(let recorded) = try RecordedWeek.find(requested: example.day, today: example.day, session: session) else {
            Issue.record("the week's run is not reusable")
            return
        }
        for member in example.week.staff {
            for kind in managers.contains(member.id) ? [MailKind.staff, .manager] : [.staff] {
                let only = (kind: kind, recipient: member.id)
                let mail = WeeklyMails.compose(inputs, templates: templates, setup: session.setup, only: only).mails.first
                let fromRecord = try #require(try recorded.mailInputs(kind: kind, recipient: member.id, session: session))
                let preview = WeeklyMails.compose(fromRecord, templates: templates, setup: session.setup, only: only).mails.first
                compared += 1
                if mail?.html != preview?.html || mail?.text != preview?.text { differing.append("\(kind) \(member.id)") }
            }
        }
        let someone = try #require(example.week.entries.first { !$0.staff.optedOut && $0.staff.email != nil }?.staff.id)
        let preview = try MailPreview.render(kind: .staff, staffID: someone, date: "2026-11-25", format: .html, session: session)
        #expect(preview.basis == recorded.basis)
        #expect(preview.text == WeeklyMails.compose(inputs, templates: templates, setup: session.setup, only: (.staff, someone)).mails.first?.html)
        #expect(compared > example.week.staff.count)
        #expect(differing.isEmpty, "\(differing.count) of \(compared) differ: \(differing.prefix(5))")
    }

    @Test func aChangeSinceTheRunIsMatchedAgainAndSaidSo() throws {
        let example = try ExampleCityWeek()
        defer { example.city.remove() }
        let session = example.session
        let person = try #require(example.week.staff.first?.id)
        func basis(_ date: String?, _ session: Session) throws -> RecommendationBasis {
            try CourseRecommendations.forStaff(ids: [person], date: date, session: session, explain: true).basis
        }
        #expect(try basis("2026-11-26", session) == .recomputed(.otherDay))
        #expect(try basis("2026-12-02", session) == .recomputed(.noWeeklyRun))
        #expect(try MailPreview.render(kind: .staff, staffID: person, date: "2026-11-26", format: .text, session: session).basis
                == .recomputed(.otherDay))

        // The same run again (nothing changed) keeps the record usable.
        let rerun = try WeeklyCycle.run(session: session, options: WeeklyCycle.Options(date: "2026-11-25", dryRun: false))
        #expect(rerun.reusedFrom != nil)
        guard case .weeklyRun = try basis("2026-11-25", session) else {
            Issue.record("an unchanged re-run made the week's record unusable")
            return
        }

        // Other rules: the same store read with a changed rules file.
        let rules = try example.city.write("rules.yaml", try String(contentsOfFile: session.configuration.rulesFile, encoding: .utf8)
                                            + "\n# 変更\n")
        let config = try example.city.write("changed.yaml", try String(contentsOfFile: example.city.config, encoding: .utf8)
            .replacingOccurrences(of: "rules: \(session.configuration.rulesFile)", with: "rules: \(rules)"))
        let changedRules = session.with(try Setup.load(configPath: config))
        #expect(try basis("2026-11-25", changedRules) == .recomputed(.rulesChanged))

        // Changed data: one more completed training.
        let version = try session.store.dataVersion()
        let training = TrainingRecord(staffID: person, provider: "jamp", courseID: "extra", title: "追加の研修",
                                      completedOn: LocalDate(year: 2026, month: 11, day: 20) ?? example.day, reportFiledOn: nil)
        _ = try session.store.mergeHistory([training], run: ImportRun(kind: "history", source: "test", encoding: nil, rows: 1,
                                                                       summary: "", succeeded: true, finishedAt: Date()))
        #expect(try session.store.dataVersion() > version)
        #expect(try basis("2026-11-25", session) == .recomputed(.dataChanged))
        #expect(try basis(nil, session) != .recomputed(.otherDay))
    }

    @Test func titleSearchOnBytesAnswersAsStringContains() {
        let texts = ["新任課長研修", "ＤＸ推進リーダー研修（後期）", "Café 研修", "が研修", "か\u{3099}研修", "ｶﾞｲﾀﾞﾝｽ", "税務・徴収", "", "abcABC"]
        let words = ["課長", "新任", "研修", "ＤＸ", "Cafe", "Café", "が", "か\u{3099}", "ｶ", "ｶﾞ", "徴収", "abc", "C", ""]
        for text in texts {
            for word in words {
                #expect(TextSearch.contains(text, word) == text.contains(word), "\(text) ∋ \(word)")
            }
        }
    }
}
