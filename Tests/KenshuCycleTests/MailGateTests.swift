import Foundation
import KenshuConfig
import KenshuCore
import KenshuImport
import KenshuMail
import KenshuStore
import KenshuTesting
import Testing
@testable import KenshuCycle

/// The pre-mail gate: a week whose data is not fit to mail spools no staff or manager mail,
/// the HR office gets a notice saying why, `status` says so, and the next run tries again.
@Suite(.serialized)
struct MailGateTests {
    /// The example city with its evaluations file replaced by `evaluations` (a path), its
    /// feeds, and the HR office's address.
    func city(evaluations: String? = nil, feeds: [String] = ["academy.xml"]) throws -> TemporaryCity {
        let city = try TemporaryCity()
        var data = TemporaryCity.exampleData(feeds: feeds)
        if let evaluations {
            data = data.replacingOccurrences(of: TemporaryCity.example("evaluations.csv"), with: evaluations)
        }
        try city.appendConfig(data + "hr:\n  addresses: [jinji@example.jp]\n")
        return city
    }

    func spooled(_ session: Session) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: session.configuration.spoolDirectory + "/new")
    }

    @Test func theExampleCityPassesTheGate() throws {
        let city = try city()
        defer { city.remove() }
        let session = try Session.open(try Setup.load(configPath: city.config))
        let report = try WeeklyCycle.run(session: session, options: WeeklyCycle.Options(date: "2026-11-25"))
        #expect(report.gate?.passed == true)
        #expect(report.gate?.readiness.activeStaff == 456)
        #expect(report.exitCode == 0)
    }

    @Test func aRejectedEvaluationsFileHoldsTheWeekAndTheNextGoodRunMailsIt() throws {
        let city = try city(evaluations: "evaluations.csv")
        defer { city.remove() }
        let bad = try city.write("evaluations.csv", "職員番号,能力,評価,評価者,年度\n10001,④,9,一次,2025\n")
        let session = try Session.open(try Setup.load(configPath: city.config))
        let held = try WeeklyCycle.run(session: session, options: WeeklyCycle.Options(date: "2026-11-25"))
        #expect(held.exitCode == 2)
        #expect(held.steps.first { $0.kind == .evaluations }?.outcome == .rejected)
        let problems = try #require(held.gate?.problems)
        #expect(problems.contains { $0.contains("人事評価（evaluations.csv）の取込が却下された") }, "\(problems)")
        #expect(problems.contains { $0.contains("人事評価が 1 件も取り込まれていません") }, "\(problems)")
        #expect(held.recommendations == nil && held.mentors == nil)
        // Only the HR office's notice, in Japanese, naming the file by its name alone.
        let files = try spooled(session)
        #expect(files.count == 1)
        if let parsed = try MailParser.parse(files.map { session.configuration.spoolDirectory + "/new/" + $0 })?.first {
            #expect(parsed.kind == "hold")
            #expect(parsed.toAddress == "jinji@example.jp")
            #expect(parsed.subject.hasPrefix("【配信保留】"))
            #expect(parsed.text.contains("人事評価（evaluations.csv）"))
            #expect(!parsed.text.contains(city.folder.path))
            #expect(parsed.defects.isEmpty)
        }
        #expect(held.status.mailHold?.problems == problems)
        #expect(try session.store.completedWeeks().isEmpty)
        #expect(try session.store.allStaff().count == 456, "the roster itself imported")

        // The same week again: the notice is not sent twice.
        let again = try WeeklyCycle.run(session: session, options: WeeklyCycle.Options(date: "2026-11-25"))
        #expect(again.gate?.passed == false)
        #expect(try spooled(session).count == 1)

        // Fixed at the source: the next run passes, mails the week and clears the hold.
        try FileManager.default.removeItem(atPath: bad)
        try FileManager.default.copyItem(atPath: TemporaryCity.example("evaluations.csv"), toPath: bad)
        let fixed = try WeeklyCycle.run(session: session, options: WeeklyCycle.Options(date: "2026-11-25"))
        #expect(fixed.gate?.passed == true)
        #expect(fixed.exitCode == 0)
        #expect((fixed.mail?.spooled ?? 0) > 100)
        #expect(try StatusReport.gather(session: session).mailHold == nil)
        #expect(try session.store.completedWeeks() == ["2026-W48"])
    }

    @Test func anEmptyCatalogueHoldsTheWeek() throws {
        let city = try city(feeds: [])
        defer { city.remove() }
        // No feed sources: `exampleData` lists none; the catalogue stays empty.
        let session = try Session.open(try Setup.load(configPath: city.config))
        let report = try WeeklyCycle.run(session: session, options: WeeklyCycle.Options(date: "2026-11-25"))
        #expect(report.gate?.problems == ["研修カタログの受付中の研修が 0 件で、基準の 1 件に届きません。"])
        let kinds = try MailParser.parse(try spooled(session).map { session.configuration.spoolDirectory + "/new/" + $0 })?.map(\.kind)
        #expect(kinds == nil || kinds == ["hold"])
    }

    @Test func theEvaluatedShareIsWeighedAgainstTheConfig() {
        let readiness = MailReadiness(latestPeriod: 2025, activeStaff: 456, evaluatedStaff: 300, activeCourses: 12)
        let strict = MailGate.verdict(steps: [], readiness: readiness, settings: MailGateSettings(evaluatedShare: 0.8))
        #expect(strict.problems == ["最新の人事評価（2025年度）があるのは在職者 456 人中 300 人（65%）で、基準の 80% に届きません。"])
        let lenient = MailGate.verdict(steps: [], readiness: readiness, settings: MailGateSettings(evaluatedShare: 0.6))
        #expect(lenient.passed)
        let heldRoster = WeeklyCycle.Step(kind: .roster, file: "/srv/hr/roster.csv", outcome: .held, detail: "held back")
        let verdict = MailGate.verdict(steps: [heldRoster], readiness: readiness, settings: MailGateSettings(evaluatedShare: 0.6))
        #expect(verdict.problems == ["職員名簿（roster.csv）の取込が保留された（変更が多すぎる）ため、今週のデータが揃っていません。"])
    }
}
