import ArgumentParser
import Foundation
import KenshuImport
import KenshuCore
import KenshuStore

/// `kenshu-bench staff-import`: times the CSV imports (decode, parse, check, store) on a city
/// made of `--copies` example cities, into a fresh on-disk store, as `kenshu … import` does.
struct StaffImportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff-import",
        abstract: "Time the roster, evaluations and history imports on a large synthetic city."
    )

    @Option(help: "How many example cities (about 456 staff each) make up the benchmark city.")
    var copies = 10

    @Option(help: "The folder that holds policy/ (the policy catalogue).")
    var catalog = "Catalog"

    @Option(help: "The day the synthetic exports are taken, as YYYY-MM-DD.")
    var asOf = "2026-11-25"

    func validate() throws {
        guard LocalDate(parsing: asOf) != nil else { throw ValidationError("--as-of '\(asOf)' is not a date: use YYYY-MM-DD") }
        guard copies >= 1 else { throw ValidationError("--copies must be at least 1") }
    }

    func run() throws {
        guard let day = LocalDate(parsing: asOf) else { throw ExitCode.validationFailure }
        let policy = try PolicyCatalogLoader.load(catalogDirectory: catalog)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = ExampleCityFiles(asOf: day, seed: 2026, copies: copies)
        try files.write(to: folder)
        let store = try KenshuStore.open(path: folder.appendingPathComponent("kenshu.sqlite").path)
        let importer = StaffDataImporter(store: store, catalog: policy)

        print("staff-import: \(files.people.count) staff (\(copies) example cities), as of \(day)")
        let steps: [(StaffDataKind, String, String)] = [
            (.roster, "roster.csv", "roster (new store)"),
            (.evaluations, "evaluations.csv", "evaluations"),
            (.history, "history.csv", "history (new)"),
            (.roster, "roster-cp932.csv", "roster CP932 (unchanged)"),
            (.evaluations, "evaluations.csv", "evaluations (unchanged)"),
            (.history, "history.csv", "history (unchanged)"),
        ]
        for (kind, name, label) in steps {
            let path = folder.appendingPathComponent(name).path
            let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            var rows = 0
            let elapsed = try ContinuousClock().measure { rows = try importer.importFile(kind, path: path).rows }
            let seconds = elapsed.inSeconds
            print("  \(label.padding(toLength: 26, withPad: " ", startingAt: 0))"
                  + String(format: "%8d rows %7.2f MB %8.0f ms %10.0f rows/s", rows, Double(bytes) / 1e6,
                           seconds * 1000, Double(rows) / max(seconds, 1e-9)))
        }
    }
}
