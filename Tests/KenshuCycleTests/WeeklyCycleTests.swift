import Foundation
import KenshuConfig
import KenshuCore
import KenshuCycle
import KenshuMail
import KenshuTesting
import Testing

/// The shell on the whole example city, in process: one session, one store, every step.
@Suite(.serialized)
struct WeeklyCycleTests {
    /// The example city's exports and feeds, with the HR office's address, in a temporary folder.
    func exampleCity() throws -> TemporaryCity {
        let city = try TemporaryCity()
        var config = try String(contentsOfFile: city.config, encoding: .utf8)
        config += "\n" + TemporaryCity.exampleData(feeds: ["academy.xml", "jichi-kenshujo.xml", "xcri-niigata.xml"])
            + "hr:\n  addresses: [jinji@example.jp]\n"
        try config.write(toFile: city.config, atomically: true, encoding: .utf8)
        return city
    }

    /// Counts the spool protocol's steps the cycle reports.
    final class StepCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [MailSpooling.Step: Int] = [:]

        func note(_ step: MailSpooling.Step) {
            lock.lock()
            defer { lock.unlock() }
            counts[step, default: 0] += 1
        }

        func count(_ step: MailSpooling.Step) -> Int {
            lock.lock()
            defer { lock.unlock() }
            return counts[step] ?? 0
        }
    }

    @Test func spoolsEachMailOnceAndASecondRunOfTheWeekWritesNone() throws {
        let city = try exampleCity()
        defer { city.remove() }
        let session = try Session.open(try Setup.load(configPath: city.config))
        let counter = StepCounter()
        let options = WeeklyCycle.Options(date: "2026-11-25", spoolObserver: { step, _ in counter.note(step) })
        let first = try WeeklyCycle.run(session: session, options: options)
        #expect(first.exitCode == 0)
        let rendered = first.mail?.rendered.values.reduce(0, +) ?? 0
        #expect(rendered > 500)
        #expect(first.mail?.spooled == rendered)
        // Every mail passed both points of the protocol, in this one run.
        #expect(counter.count(.claimed) == rendered)
        #expect(counter.count(.inSpool) == rendered)
        #expect(first.status.lastWeeklyRun == nil, "the status is read before the run is recorded")
        for folder in ["", "/imported", "/rejected"] {
            #expect(FileManager.default.fileExists(atPath: session.configuration.inboxDirectory + folder), "inbox\(folder)")
        }

        let second = try WeeklyCycle.run(session: session, options: WeeklyCycle.Options(date: "2026-11-25"))
        #expect(second.mail?.spooled == 0)
        #expect(second.mail?.alreadySpooled == rendered)
        #expect(second.status.lastWeeklyRun?.week == "2026-W48")
    }

    @Test func aDryRunImportsRecordsAndSpoolsNothing() throws {
        let city = try exampleCity()
        defer { city.remove() }
        let session = try Session.open(try Setup.load(configPath: city.config))
        let report = try WeeklyCycle.run(session: session, options: WeeklyCycle.Options(date: "2026-11-25", dryRun: true))
        #expect(report.steps.allSatisfy { $0.outcome == .skipped })
        #expect(report.feeds.isEmpty)
        #expect(report.mail?.spooled == 0)
        let status = try StatusReport.gather(session: session)
        #expect(status.staff.active == 0)
        #expect(status.lastWeeklyRun == nil)
    }

    @Test func theSameRulesOnBothSidesOfADiffChangeNothing() throws {
        let city = try exampleCity()
        defer { city.remove() }
        let session = try Session.open(try Setup.load(configPath: city.config))
        _ = try WeeklyCycle.run(session: session, options: WeeklyCycle.Options(date: "2026-11-25"))
        let day = try #require(LocalDate(parsing: "2026-11-25"))
        #expect(try RulesDiff.run(old: session, new: session, on: day).isEmpty)
    }

    @Test func aMissingConfigIsBadInputNamingTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)/kenshu.yaml").path
        let error = try #require(throws: KenshuError.self) { _ = try Setup.load(configPath: path) }
        #expect(error.kind == .badInput)
        #expect(error.message.contains(path))
    }

    @Test func aWeekAndADateOfAnotherWeekAreRefused() throws {
        let city = try exampleCity()
        defer { city.remove() }
        let session = try Session.open(try Setup.load(configPath: city.config))
        let error = try #require(throws: KenshuError.self) {
            _ = try WeeklyCycle.run(session: session, options: WeeklyCycle.Options(date: "2026-11-25", week: "2026-W50"))
        }
        #expect(error.kind == .badInput)
        #expect(error.message.contains("--date 2026-11-25 is not in --week 2026-W50"))
    }
}
