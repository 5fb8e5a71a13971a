import Foundation
import KenshuTesting
import Testing

/// `kenshu-bench example-city` writes the same city for the same day and seed, and what it
/// writes for any day imports cleanly.
@Suite(.serialized)
struct ExampleCityGeneratorTests {
    func generate(asOf: String, into city: TemporaryCity, _ name: String) throws -> URL {
        let folder = city.folder.appendingPathComponent(name)
        let result = try KenshuBinary.run(["example-city", "--as-of", asOf, "--out", folder.path], product: "kenshu-bench")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("staff"))
        return folder
    }

    @Test func theSameDayAndSeedGiveTheSameFiles() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let first = try generate(asOf: "2031-06-15", into: city, "first")
        let second = try generate(asOf: "2031-06-15", into: city, "second")
        for name in ["roster.csv", "roster-cp932.csv", "evaluations.csv", "history.csv"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between runs")
            #expect(!a.isEmpty)
        }
    }

    @Test func aCityForAnotherDayImportsCleanly() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let folder = try generate(asOf: "2029-04-02", into: city, "city")
        for (command, file) in [("roster", "roster.csv"), ("evaluations", "evaluations.csv"),
                                ("history", "history.csv"), ("roster", "roster-cp932.csv")] {
            let result = try city.kenshu(command, "import", folder.appendingPathComponent(file).path)
            #expect(result.status == 0, "\(file): \(result.stderr)")
        }
    }

    @Test func aBadDayIsAUsageError() throws {
        let result = try KenshuBinary.run(["example-city", "--as-of", "yesterday", "--out", "/tmp/unused"],
                                          product: "kenshu-bench")
        #expect(result.status != 0)
        #expect(result.stderr.contains("yesterday"))
        #expect(result.stderr.contains("YYYY-MM-DD"))
    }
}
