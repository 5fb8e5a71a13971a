import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import KenshuCore

/// `kenshu-bench cycle`: a city of N staff written to a folder, and the real `kenshu`
/// commands timed on it end to end: the first weekly run, an unchanged re-run, and the
/// commands an admin runs for one person.
struct CycleBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cycle",
        abstract: "Time the real kenshu run and the admin commands on a city of N staff.",
        discussion: """
            Writes the example city's generator scaled to N staff (copies of the 456-staff city, each \
            with its departments, managers and mentees, ~34 ratings and ~2 trainings a person), the three \
            example feeds and a generated XCRI-CAP feed of --presentations presentations, and a kenshu.yaml \
            with the example rules; then runs the kenshu binary beside this one (build it with \
            swift build -c release --product kenshu) and prints each command's time and peak RSS. \
            Every mail is rendered and spooled, synced to disk, as on the HR server.
            """)

    @Option(help: "Members of staff (rounded to whole copies of the 456-staff example city).")
    var staff = 18_240

    @Option(help: "Presentations in the generated feed (two per course).")
    var presentations = 20_000

    @OptionGroup var options: CityRunOptions

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 2026

    func run() throws {
        let day = try options.day()
        let asOf = options.asOf
        let workspace = try options.workspace(name: "kenshu-cycle")
        defer { workspace.removeUnlessKept() }
        let (catalogPath, program, folder) = (workspace.catalog, workspace.kenshu, workspace.folder)

        let city = try CityWriter(folder: folder, catalog: catalogPath, day: day, staff: staff, presentations: presentations, seed: seed)
            .write()
        print("city: \(city.staff) staff, \(city.ratings) ratings, \(city.trainings) trainings, "
              + "\(presentations) generated presentations + the example feeds, in \(folder.path)")
        let config = folder.appendingPathComponent("kenshu.yaml").path
        let log = folder.appendingPathComponent("commands.log").path
        let rules = catalogPath + "/example/rules.yaml"
        let phases: [(name: String, arguments: [String])] = [
            ("kenshu run (first of the week)", ["run", "--date", asOf]),
            ("kenshu run (again, nothing new)", ["run", "--date", asOf]),
            ("kenshu recommend --staff", ["recommend", "--staff", city.person, "--date", asOf]),
            ("kenshu explain --staff", ["explain", "--staff", city.person, "--date", asOf]),
            ("kenshu preview --staff", ["preview", "--staff", city.person, "--date", asOf]),
            ("kenshu recommend --all", ["recommend", "--all", "--date", asOf]),
            ("kenshu mentors --dry-run", ["mentors", "--dry-run", "--date", asOf]),
            ("kenshu rules diff (same rules)", ["rules", "diff", rules, rules, "--date", asOf]),
            ("kenshu status", ["status"]),
        ]
        // Linux counts a spawned child's peak from this process's (the city was made here,
        // and posix_spawn shares its memory until exec): a figure at that floor is "at most".
        var own = rusage()
        getrusage(RUSAGE_SELF.rawValue, &own)
        let floor = Double(own.ru_maxrss) / 1024
        print("command                              time     peak RSS  exit")
        for phase in phases {
            try "\n$ kenshu \(phase.arguments.joined(separator: " "))\n".appendLine(to: log)
            let measured = try MeasuredRun.run(program, phase.arguments + ["--config", config], log: log)
            let peak = measured.peakMB <= floor + 1 ? String(format: "≤%5.0f MB", floor) : String(format: "%7.0f MB", measured.peakMB)
            print(phase.name.padding(toLength: 36, withPad: " ", startingAt: 0)
                  + String(format: " %7.2f s ", measured.seconds) + peak + "  \(measured.status)")
        }
        print("(output of each command: \(log)\(workspace.kept ? "" : ", removed with the folder"))")
    }
}

extension String {
    /// Appends this text to the file at `path` (created when missing).
    func appendLine(to path: String) throws {
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(utf8))
    }
}
