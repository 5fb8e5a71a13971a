import ArgumentParser
import Foundation
import KenshuCore

/// Where a benchmark that runs the real `kenshu` works: the shipped catalogue (checked), the
/// binary to time, and a folder for its city (`--out`, kept; else a new temporary folder,
/// removed by `removeUnlessKept`).
struct BenchWorkspace {
    let catalog: String
    let kenshu: String
    let folder: URL
    let kept: Bool

    /// From the options `--catalog`, `--kenshu` (default: the kenshu beside kenshu-bench) and
    /// `--out`; `name` starts the temporary folder's name.
    init(catalog: String, kenshu: String?, out: String?, name: String) throws {
        self.catalog = URL(fileURLWithPath: catalog, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardized.path
        guard FileManager.default.fileExists(atPath: self.catalog + "/example/rules.yaml") else {
            throw ValidationError("\(self.catalog) is not the shipped catalogue (no example/rules.yaml): pass --catalog")
        }
        self.kenshu = kenshu
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kenshu").path
        folder = URL(fileURLWithPath: out ?? NSTemporaryDirectory() + "\(name)-\(UUID().uuidString)")
        kept = out != nil
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Removes the folder when it was a temporary one.
    func removeUnlessKept() {
        if !kept { try? FileManager.default.removeItem(at: folder) }
    }
}

/// The options of a benchmark that writes a city and runs the real `kenshu` on it.
struct CityRunOptions: ParsableArguments {
    @Option(help: "The day the city's exports are taken and the week is run, as YYYY-MM-DD.")
    var asOf = "2026-11-25"

    @Option(help: "The folder to write the city into (default: a new temporary folder, removed at the end).")
    var out: String?

    @Option(help: "The folder that holds the shipped catalogue (policy/, profiles/, templates/, example/).")
    var catalog = "Catalog"

    @Option(help: "The kenshu binary to time (default: the one beside kenshu-bench).")
    var kenshu: String?

    /// `--as-of`, or a usage error.
    func day() throws -> LocalDate {
        guard let day = LocalDate(parsing: asOf) else { throw ValidationError("--as-of '\(asOf)' is not a date: use YYYY-MM-DD") }
        return day
    }

    /// The workspace these options name; `name` starts a temporary folder's name.
    func workspace(name: String) throws -> BenchWorkspace {
        try BenchWorkspace(catalog: catalog, kenshu: kenshu, out: out, name: name)
    }
}
