import ArgumentParser
import Foundation
import KenshuCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `kenshu-bench console`: the HR console's pages timed as a browser meets them — the real
/// `kenshu console serve` of a city whose week has run, a logged-in session, each page asked
/// for several times over HTTP.
struct ConsoleBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Time the HR console's pages on a city of N staff whose week has run.",
        discussion: """
            Writes the example city's generator scaled to --staff (as kenshu-bench cycle does) with its week run \\
            as of --as-of (default today, so the pages find this week's run, as during a working week), or uses \\
            --city, a folder kenshu-bench cycle --out wrote. Turns the console on (a loopback port), adds an admin \\
            account, starts kenshu console serve, logs in, and asks for each page --rounds times: the first \\
            answer and the median of the rest, client-side wall time.
            """)

    @Option(help: "Members of staff of the generated city.")
    var staff = 18_240

    @Option(help: "Presentations in the generated feed.")
    var presentations = 20_000

    @Option(help: "A city written by kenshu-bench cycle --out (its week run) instead of generating one.")
    var city: String?

    @Option(help: "The member of staff whose pages are timed (with --city; a generated city picks a 係長).")
    var person: String?

    @Option(help: "How many times each page is asked for.")
    var rounds = 5

    @Option(help: "The day the generated city's exports are taken and its week is run (default: today).")
    var asOf: String?

    @Option(help: "The folder to write the city into (default: a new temporary folder, removed at the end).")
    var out: String?

    @Option(help: "The folder that holds the shipped catalogue.")
    var catalog = "Catalog"

    @Option(help: "The kenshu binary (default: the one beside kenshu-bench).")
    var kenshu: String?

    func validate() throws {
        guard rounds >= 2 else { throw ValidationError("--rounds must be at least 2") }
        guard city == nil || person != nil else { throw ValidationError("--city needs --person: a staff id of that city") }
    }

    func run() throws {
        let workspace = try BenchWorkspace(catalog: catalog, kenshu: kenshu, out: city ?? out, name: "kenshu-console")
        defer { if city == nil { workspace.removeUnlessKept() } }
        let folder = workspace.folder
        let log = folder.appendingPathComponent("console-bench.log").path
        let config = folder.appendingPathComponent("kenshu.yaml").path
        var person = self.person ?? ""
        if city == nil {
            let dayText = asOf ?? Self.today()
            guard let day = LocalDate(parsing: dayText) else { throw ValidationError("--as-of '\(dayText)' is not a date: use YYYY-MM-DD") }
            let written = try CityWriter(folder: folder, catalog: workspace.catalog, day: day, staff: staff,
                                         presentations: presentations, seed: 2026).write()
            person = written.person
            let week = try MeasuredRun.run(workspace.kenshu, ["run", "--date", dayText, "--config", config], log: log)
            guard week.status == 0 else { throw ValidationFailure("kenshu run failed (exit \(week.status)); see \(log)") }
            print("city: \(written.staff) staff, week run as of \(dayText) in \(String(format: "%.1f", week.seconds)) s")
        }
        // The city's config with the console on a loopback port, as a file of its own (the
        // city's kenshu.yaml stays as it was, so the benchmark runs again on it).
        let port = Int.random(in: 30_000...40_000)
        let consoleConfig = folder.appendingPathComponent("console-bench.yaml").path
        try (String(contentsOfFile: config, encoding: .utf8) + "\nconsole:\n  listen: \"127.0.0.1:\(port)\"\n")
            .write(toFile: consoleConfig, atomically: true, encoding: .utf8)
        let password = "bench-password-\(UInt32.random(in: 0...UInt32.max))"
        let added = try ServerProcess.run(workspace.kenshu, ["console", "user", "add", "bench-\(port)", "--role", "admin", "--config", consoleConfig],
                                          input: password + "\n", log: log)
        guard added == 0 else { throw ValidationFailure("kenshu console user add failed (exit \(added)); see \(log)") }
        let server = try ServerProcess(workspace.kenshu, ["console", "serve", "--config", consoleConfig], log: log)
        defer { server.stop() }
        let client = ConsoleHTTPClient(base: "http://127.0.0.1:\(port)")
        try client.waitUntilAnswering(seconds: 60)
        try client.logIn(account: "bench-\(port)", password: password)
        let pages = ["/week", "/staff?q=\(person.prefix(3))", "/staff/\(person)", "/staff/\(person)/mail", "/rules", "/uploads",
                     "/courses", "/mentors", "/mentors?dryRun=1", "/audit"]
        print("console: \(rounds) rounds a page, first and median of the rest (client wall time)")
        print("page                          status    first   median     KB")
        for page in pages {
            var times: [Double] = []
            var status = 0
            var bytes = 0
            for _ in 0..<rounds {
                let started = ContinuousClock.now
                (status, bytes) = try client.get(page)
                times.append((ContinuousClock.now - started).inSeconds)
            }
            let rest = times.dropFirst().sorted()
            print(page.padding(toLength: 30, withPad: " ", startingAt: 0)
                  + String(format: "%6d %6.0f ms %6.0f ms %6.0f", status, times[0] * 1000, rest[rest.count / 2] * 1000, Double(bytes) / 1024))
        }
        print("(console log: \(log)\(workspace.kept || city != nil ? "" : ", removed with the folder"))")
    }

    static func today() -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Tokyo") ?? .current, from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
