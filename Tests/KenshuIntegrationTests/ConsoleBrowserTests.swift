import Foundation
import KenshuTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The console as an office PC's browser uses it: `Tests/Browser/console_flow.py` drives a
/// headless Chromium (Debian's `chromium` and `chromium-driver`, Selenium from PyPI; `.ci/run`
/// installs them) against the real `kenshu console serve`, with `kenshu serve` beside it so an
/// applied rule change is seen reloaded. Skipped without them, except on CI (`CI=true`).
@Suite(.serialized, .enabled(if: BrowserTools.missing == nil || TestPostfix.isRequired))
struct ConsoleBrowserTests {
    static let password = "browser-test-pass"

    @Test func anAdminLogsInFindsAPersonEditsChecksSimulatesAndAppliesTheRulesAndLogsOut() throws {
        if let missing = BrowserTools.missing {
            Issue.record("CI=true, but \(missing)")
            return
        }
        let port = Int.random(in: 20_000...40_000)
        let city = try TemporaryCity.example(extraConfig: "console:\n  listen: \"127.0.0.1:\(port)\"\n")
        defer { city.remove() }
        try city.useOwnRules()
        let run = try city.kenshu("run", "--date", "2026-11-25")
        #expect(run.status == 0, "\(run.stderr)")
        let added = try KenshuBinary.run(["console", "user", "add", "kanri", "--role", "admin", "--config", city.config],
                                         input: Self.password + "\n")
        #expect(added.status == 0, "\(added.stderr)")
        // The daemon's clock is after the week's slot, so it only waits (and reloads on request).
        let daemon = try DaemonProcess(city: city, environment: ["KENSHU_TEST_NOW": "2026-11-25T12:00:00+09:00"])
        #expect(daemon.notify.wait(line: "READY=1") != nil, "log: \(daemon.log)")
        let console = try ConsoleProcess(city: city)
        defer { console.stop() }
        let flow = try KenshuBinary.run(
            program: "/usr/bin/env",
            ["python3", KenshuBinary.repository.appendingPathComponent("Tests/Browser/console_flow.py").path,
             "--base", "http://127.0.0.1:\(port)", "--user", "kanri", "--password", Self.password])
        #expect(flow.status == 0, "\(flow.stdout)\n\(flow.stderr)\nconsole log: \(console.log)\ndaemon log: \(daemon.log)")
        #expect(daemon.log.contains("(the console's request)"), "log: \(daemon.log)")
        #expect(daemon.stop().status == 0)
    }
}

/// What the browser test needs, or nil when all is there.
enum BrowserTools {
    static let missing: String? = {
        for path in ["/usr/bin/chromium", "/usr/bin/chromedriver"]
        where !FileManager.default.isExecutableFile(atPath: path) {
            return "no \(path) (apt-get install chromium chromium-driver python3)"
        }
        // The python3 on PATH, as .ci/run installs Selenium with `python3 -m pip`.
        let probe = try? KenshuBinary.run(program: "/usr/bin/env", ["python3", "-c", "import selenium"])
        return probe?.status == 0 ? nil : "no python3 with selenium on PATH (python3 -m pip install selenium)"
    }()
}

/// A `kenshu console serve` of a city, its log in a file; stopped with SIGTERM.
final class ConsoleProcess {
    let process = Process()
    let logPath: String

    init(city: TemporaryCity) throws {
        logPath = city.folder.appendingPathComponent("console.log").path
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: KenshuBinary.path(of: "kenshu"))
        process.arguments = ["console", "serve", "--config", city.config]
        process.standardOutput = FileHandle(forWritingAtPath: logPath)
        process.standardError = FileHandle(forWritingAtPath: logPath)
        try process.run()
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }
}
