import ArgumentParser
import Foundation
import KenshuCore

/// `kenshu-bench example-city`: writes the example city's HR exports for a given day.
struct ExampleCityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "example-city",
        abstract: "Write the example city's roster, evaluations and history CSV files.",
        discussion: """
            Dates (hiring, promotions, trainings, evaluation years) are relative to --as-of, so \
            refreshing the example keeps it meaningful: recent promotions stay recent.
              swift run kenshu-bench example-city --as-of $(date +%F) --out Catalog/example
            The same --as-of and --seed always give the same files.
            """
    )

    @Option(help: "The day the exports are taken, as YYYY-MM-DD.")
    var asOf: String

    @Option(help: "The folder to write roster.csv, roster-cp932.csv, evaluations.csv and history.csv into.")
    var out: String

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 2026

    func validate() throws {
        guard LocalDate(parsing: asOf) != nil else {
            throw ValidationError("--as-of '\(asOf)' is not a date: use YYYY-MM-DD, e.g. 2026-11-25")
        }
    }

    func run() throws {
        guard let day = LocalDate(parsing: asOf) else { throw ExitCode.validationFailure }
        let files = ExampleCityFiles(asOf: day, seed: seed)
        try files.write(to: URL(fileURLWithPath: out))
        let hiredRecently = files.people.filter { $0.hiredOn.months(until: day) < 24 }.count
        print("""
            wrote \(out): \(files.people.count) staff (\(hiredRecently) hired in the last two years), \
            \(files.evaluations.count) ratings, \(files.history.count) training records, as of \(day)
            """)
    }
}
