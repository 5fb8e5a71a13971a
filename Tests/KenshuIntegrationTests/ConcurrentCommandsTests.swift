import Foundation
import KenshuTesting
import Testing

/// Two kenshu processes on one state folder: writers take turns (the store is created and
/// migrated once; a cycle holds the writer lock from its first import to its last mail), and
/// a command that only reads never creates or migrates the store.
@Suite(.serialized)
struct ConcurrentCommandsTests {
    /// A city whose config names the example city's exports.
    func exampleCity() throws -> TemporaryCity {
        let city = try TemporaryCity()
        var config = try String(contentsOfFile: city.config, encoding: .utf8)
        config += "\n" + TemporaryCity.exampleData(feeds: ["academy.xml"])
        try config.write(toFile: city.config, atomically: true, encoding: .utf8)
        return city
    }

    func spooled(_ city: TemporaryCity) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: city.folder.appendingPathComponent("state/outgoing/new").path)
    }

    func atOnce(_ city: TemporaryCity, _ commands: [[String]]) throws -> [KenshuBinary.Result] {
        try KenshuBinary.runAtOnce(commands.map { $0 + ["--config", city.config] })
    }

    @Test func twoRunsAtOnceOnANewStateFolderSpoolTheWeekOnce() throws {
        let single = try exampleCity()
        defer { single.remove() }
        let alone = try single.kenshu("run", "--date", "2026-12-01")
        try #require(alone.status == 0, "\(alone.stderr)")
        let expected = try spooled(single).count
        #expect(expected > 100)

        for _ in 0..<2 {
            let city = try exampleCity()
            defer { city.remove() }
            let results = try atOnce(city, [["run", "--date", "2026-12-01"], ["run", "--date", "2026-12-01"]])
            for result in results {
                #expect(result.status == 0, "\(result.stderr)")
                #expect(result.stdout.contains("職員名簿  取込済み"), "\(result.stdout)")
            }
            // One of the two found the other's week spooled; the mails are the single run's.
            #expect(try spooled(city).count == expected)
            #expect(results.contains { $0.stdout.contains("\(expected) 通を送信待ちに（今週すでに入れたもの 0 通）") })
            #expect(results.contains { $0.stdout.contains("0 通を送信待ちに（今週すでに入れたもの \(expected) 通）") })
            #expect(results.contains { $0.stderr.contains("waiting for it to finish") })
        }
    }

    @Test func importsAtOnceOnANewStateFolderNeverRaceOnTheSchema() throws {
        for _ in 0..<5 {
            let city = try TemporaryCity()
            defer { city.remove() }
            let roster = TemporaryCity.example("roster.csv")
            let results = try atOnce(city, [["roster", "import", roster], ["roster", "import", roster],
                                                  ["import", TemporaryCity.example("feeds/academy.xml")]])
            for result in results {
                #expect(result.status == 0, "\(result.stderr)")
                #expect(!result.stderr.contains("already exists"), "\(result.stderr)")
            }
        }
    }

    @Test func aCommandThatOnlyReadsCreatesNoStore() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        for command in [["status"], ["recommend", "--all"], ["explain", "--staff", "10001"], ["mentors", "--dry-run"]] {
            let result = try KenshuBinary.run(command + ["--config", city.config])
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("there is no store yet"), "\(command): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: city.folder.appendingPathComponent("state/kenshu.sqlite").path))
    }
}
