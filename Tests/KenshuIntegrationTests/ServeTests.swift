import Foundation
import KenshuTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kenshu serve` as systemd runs it: the notify protocol, the inbox, reload, the weekly
/// schedule through a clock override, the single-instance lock and a clean stop.
@Suite(.serialized)
struct ServeTests {
    /// A city with its own rules file (so a test can break it) and a short inbox settle time.
    func city(extraConfig: String = "") throws -> TemporaryCity {
        let city = try TemporaryCity()
        try city.useOwnRules()
        try city.appendConfig("watch:\n  interval: 1s\n  settle: 1s\n" + extraConfig)
        return city
    }

    /// The example city's data, feeds and sender, for a weekly run.
    static let exampleData = TemporaryCity.exampleData(feeds: ["xcri-niigata.xml"]) + """
        hr:
          addresses: [jinji@example.jp]

        """

    func spooled(_ city: TemporaryCity) -> Int {
        let path = city.folder.appendingPathComponent("state/outgoing/new").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".eml") }.count
    }

    @Test func tellsSystemdReadyFeedsTheWatchdogAndStopsWithExitZeroWithinTenSeconds() throws {
        let city = try city()
        defer { city.remove() }
        let daemon = try DaemonProcess(city: city)
        let ready = daemon.notify.wait(line: "READY=1")
        #expect(ready?.contains("STATUS=") == true, "log: \(daemon.log)")
        #expect(daemon.notify.wait(line: "WATCHDOG=1") != nil)
        let stop = daemon.stop()
        #expect(stop.status == 0, "log: \(daemon.log)")
        #expect(stop.seconds < 10)
        #expect(daemon.notify.wait(line: "STOPPING=1", timeout: 2) != nil)
    }

    @Test func aSecondServeOnTheSameStateExitsTwoNamingTheFirst() throws {
        let city = try city()
        defer { city.remove() }
        let daemon = try DaemonProcess(city: city)
        #expect(daemon.notify.wait(line: "READY=1") != nil)
        let second = try city.kenshu("serve")
        #expect(second.status == 2)
        #expect(second.stderr.contains("another kenshu serve (pid \(daemon.process.processIdentifier))"), "\(second.stderr)")
        #expect(daemon.stop().status == 0)
    }

    @Test func aBadSetupAtStartExitsTwoNamingTheFileAndLine() throws {
        let city = try city()
        defer { city.remove() }
        let rules = city.folder.appendingPathComponent("rules.yaml").path
        try (try String(contentsOfFile: rules, encoding: .utf8) + "\nmentorz: {}\n").write(toFile: rules, atomically: true, encoding: .utf8)
        let result = try city.kenshu("serve")
        #expect(result.status == 2)
        #expect(result.stderr.contains("rules.yaml:"), "\(result.stderr)")
        #expect(result.stderr.contains("mentorz"))
    }

    @Test func importsAFeedDroppedIntoTheInboxOnceItIsComplete() throws {
        let city = try city()
        defer { city.remove() }
        let daemon = try DaemonProcess(city: city)
        #expect(daemon.notify.wait(line: "READY=1") != nil)
        let inbox = city.folder.appendingPathComponent("state/incoming")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        // An upload in progress (.part) is left alone; the renamed file is imported.
        let partial = inbox.appendingPathComponent("academy.xml.part")
        try FileManager.default.copyItem(atPath: TemporaryCity.example("feeds/academy.xml"), toPath: partial.path)
        _ = try city.write("state/incoming/.hidden.xml", "<not-a-feed")
        // A complete feed beside them: once it is imported, the watcher has passed the others by.
        try FileManager.default.copyItem(atPath: TemporaryCity.example("feeds/xcri-niigata.xml"),
                                         toPath: inbox.appendingPathComponent("xcri-niigata.xml").path)
        #expect(daemon.waitForLog("inbox: imported xcri-niigata.xml", timeout: 30), "log: \(daemon.log)")
        #expect(FileManager.default.fileExists(atPath: partial.path))
        try FileManager.default.moveItem(at: partial, to: inbox.appendingPathComponent("academy.xml"))
        #expect(daemon.waitForLog("inbox: imported academy.xml", timeout: 30),
                "log: \(daemon.log) inbox: \((try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? []) running: \(daemon.process.isRunning)")
        #expect(daemon.notify.wait(containing: "last import: academy.xml imported") != nil)
        #expect(FileManager.default.fileExists(atPath: inbox.appendingPathComponent("imported/academy.xml").path))
        #expect(FileManager.default.fileExists(atPath: inbox.appendingPathComponent(".hidden.xml").path))
        #expect(try city.kenshu("status").stdout.contains("市町村職員中央研修所"))
        #expect(daemon.stop().status == 0)
    }

    @Test func aBrokenRulesFileOnSIGHUPKeepsTheOldRulesServing() throws {
        // The clock starts just before Monday 07:00, so the weekly run comes after the reload.
        let city = try city(extraConfig: Self.exampleData)
        defer { city.remove() }
        let daemon = try DaemonProcess(city: city, environment: ["KENSHU_TEST_NOW": "2026-11-30T06:59:50+09:00"])
        #expect(daemon.notify.wait(line: "READY=1") != nil)
        let rules = city.folder.appendingPathComponent("rules.yaml").path
        let good = try String(contentsOfFile: rules, encoding: .utf8)
        try (good + "\nrecommendatons:\n  topK: 3\n").write(toFile: rules, atomically: true, encoding: .utf8)
        let seen = daemon.notify.messages.count
        daemon.signal(SIGHUP)
        let reloading = daemon.notify.wait(line: "RELOADING=1", after: seen)
        #expect(reloading?.contains("MONOTONIC_USEC=") == true)
        let failed = daemon.notify.wait(containing: "RELOAD FAILED", after: seen)
        #expect(failed?.contains("recommendatons") == true)
        #expect(daemon.waitForLog("reload failed, the previous setup keeps serving"))
        #expect(daemon.log.contains("rules.yaml:"), "the log names the file and line: \(daemon.log)")
        // Still serving, with the old rules: the weekly run comes and writes the mails.
        #expect(daemon.waitForLog("weekly run of 2026-W49 done", timeout: 120), "log: \(daemon.log)")
        #expect(spooled(city) > 100)
        // A fixed file reloads.
        try good.write(toFile: rules, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(daemon.waitForLog("reloaded"))
        #expect(daemon.stop().status == 0)
    }

    /// The console (its own unit, which cannot signal the daemon) asks for a reload with the
    /// state folder's `reload-request`; `daemon-setup.json` tells it which rules are in force.
    @Test func theConsolesReloadRequestReloadsAndRecordsTheRulesInForce() throws {
        let city = try city()
        defer { city.remove() }
        let daemon = try DaemonProcess(city: city)
        #expect(daemon.notify.wait(line: "READY=1") != nil)
        let state = city.folder.appendingPathComponent("state").path
        let recorded = { () -> [String: Any]? in
            guard let data = FileManager.default.contents(atPath: state + "/daemon-setup.json") else { return nil }
            return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        }
        #expect(Waiting.until(timeout: .seconds(10)) { recorded()?["rulesFingerprint"] != nil }, "log: \(daemon.log)")
        let before = recorded()?["rulesFingerprint"] as? String
        let rules = city.folder.appendingPathComponent("rules.yaml").path
        let good = try String(contentsOfFile: rules, encoding: .utf8)
        try good.replacingOccurrences(of: "  perPerson: 5\n", with: "  perPerson: 6\n").write(toFile: rules, atomically: true, encoding: .utf8)
        try "kanri\n".write(toFile: state + "/reload-request", atomically: true, encoding: .utf8)
        #expect(daemon.waitForLog("reloaded"), "log: \(daemon.log)")
        #expect(daemon.log.contains("(the console's request)"))
        #expect(Waiting.until(timeout: .seconds(10)) { (recorded()?["rulesFingerprint"] as? String).map { $0 != before } ?? false })
        #expect(!FileManager.default.fileExists(atPath: state + "/reload-request"), "the request is taken")
        // A broken file: the request is answered with the problem, the previous rules serve.
        try (good + "\nrecommendatons:\n  topK: 3\n").write(toFile: rules, atomically: true, encoding: .utf8)
        try "kanri\n".write(toFile: state + "/reload-request", atomically: true, encoding: .utf8)
        #expect(Waiting.until(timeout: .seconds(10)) { (recorded()?["reloadProblem"] as? String)?.contains("recommendatons") ?? false })
        #expect(daemon.stop().status == 0)
    }

    @Test func theWeeklyRunWritesTheWeeksMailsOnceAndNothingAfterARestart() throws {
        let city = try city(extraConfig: Self.exampleData)
        defer { city.remove() }
        let clock = ["KENSHU_TEST_NOW": "2026-11-30T06:59:57+09:00"]
        let first = try DaemonProcess(city: city, environment: clock)
        #expect(first.notify.wait(containing: "next weekly run: 2026-W49 on 2026-11-30 07:00 Asia/Tokyo") != nil)
        #expect(first.waitForLog("weekly run of 2026-W49 done", timeout: 120), "log: \(first.log)")
        let mails = spooled(city)
        #expect(mails > 100)
        #expect(first.notify.wait(containing: "next weekly run: 2026-W50 on 2026-12-07 07:00") != nil)
        #expect(first.stop().status == 0)
        // Restarted the same morning: the week has run, so nothing runs and nothing is written.
        let second = try DaemonProcess(city: city, environment: clock, name: "restart")
        #expect(second.notify.wait(containing: "next weekly run: 2026-W50") != nil, "log: \(second.log)")
        #expect(!second.log.contains("weekly run of"))
        #expect(spooled(city) == mails)
        #expect(second.stop().status == 0)
    }

    @Test func aStopDuringTheWeeklyRunExitsZeroAndTheNextStartFinishesTheWeekExactlyOnce() throws {
        let city = try city(extraConfig: Self.exampleData)
        defer { city.remove() }
        let clock = ["KENSHU_TEST_NOW": "2026-11-30T07:00:01+09:00"]
        let first = try DaemonProcess(city: city, environment: clock)
        #expect(first.waitForLog("weekly run of 2026-W49 (as of 2026-11-30) starts"))
        // Stopped while the week's mails are being spooled.
        #expect(Waiting.until(timeout: .seconds(60)) { spooled(city) > 0 }, "log: \(first.log)")
        let stop = first.stop()
        #expect(stop.status == 0, "log: \(first.log)")
        #expect(stop.seconds < 10)
        // Whether the stop came mid-run or just after, the next start leaves the week complete.
        let second = try DaemonProcess(city: city, environment: clock, name: "restart")
        #expect(second.notify.wait(containing: "next weekly run: 2026-W50", timeout: 120) != nil, "log: \(first.log)\n\(second.log)")
        #expect(second.stop().status == 0)
        // Every mail of the week exactly once: as many files as the week renders.
        let dryRun = try city.kenshu("run", "--dry-run", "--date", "2026-11-30", "--json")
        #expect(dryRun.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(dryRun.stdout.utf8)) as? [String: Any]
        let rendered = ((report?["mail"] as? [String: Any])?["rendered"] as? [String: Int])?.values.reduce(0, +) ?? -1
        #expect(spooled(city) == rendered)
        #expect(rendered > 100)
    }

    @Test func pollsFeedsByURLWithAConditionalGetAndOneFailingFeedStopsNoOther() throws {
        let city = try city()
        defer { city.remove() }
        let server = try FeedServer(folder: city.folder, feed: TemporaryCity.example("feeds/academy.xml"))
        var config = try String(contentsOfFile: city.config, encoding: .utf8)
        config += """
            feeds:
              poll: {interval: 1h, timeout: 5s}
              sources:
                - url: \(server.url("slow.xml"))
                - url: \(server.url("missing.xml"))
                - url: \(server.url("academy.xml"))
                  provider: jamp

            """
        try config.write(toFile: city.config, atomically: true, encoding: .utf8)
        let first = try DaemonProcess(city: city)
        #expect(first.waitForLog("poll: imported \(server.url("academy.xml"))", timeout: 60), "log: \(first.log)")
        #expect(first.log.contains("poll: \(server.url("slow.xml")) failed: "), "log: \(first.log)")
        #expect(first.log.contains("poll: \(server.url("missing.xml")) failed: \(server.url("missing.xml")): HTTP 404"))
        #expect(first.stop().status == 0)
        // A restart within the interval fetches nothing; two hours later, a conditional GET gets a 304.
        let requests = server.log.split(separator: "\n").count
        let restart = try DaemonProcess(city: city, name: "restart")
        #expect(restart.notify.wait(line: "READY=1") != nil)
        #expect(restart.waitForLog("poll: next fetch due at"), "log: \(restart.log)")
        #expect(server.log.split(separator: "\n").count == requests)
        #expect(restart.stop().status == 0)
        let later = ISO8601DateFormatter().string(from: Date().addingTimeInterval(2 * 3600))
        let third = try DaemonProcess(city: city, environment: ["KENSHU_TEST_NOW": later], name: "later")
        #expect(Waiting.until(timeout: .seconds(60)) { server.log.contains("/academy.xml 304 \"v1\"") },
                "server log: \(server.log)")
        #expect(third.stop().status == 0)
        let status = try city.kenshu("status")
        #expect(status.stdout.contains("\(server.url("academy.xml"))\n    確認"), "\(status.stdout)")
        #expect(status.stdout.contains("unchanged"))
        #expect(status.stdout.contains("jamp: 研修"), "the provider the config names")
    }
}
