import Foundation
import KenshuCore
import Testing
@testable import KenshuConfig

/// kenshu.yaml: paths relative to the file, defaults, and errors with line and column.
struct ConfigurationTests {
    let file = "/srv/city/kenshu.yaml"

    @Test func resolvesPathsRelativeToTheConfigFile() throws {
        let config = try ConfigurationLoader.parse("""
            catalog: ..
            state: state
            rules: /etc/kenshu/rules.yaml
            data:
              roster: exports/roster.csv
            """, file: file)
        #expect(config.catalogDirectory == "/srv")
        #expect(config.stateDirectory == "/srv/city/state")
        #expect(config.databasePath == "/srv/city/state/kenshu.sqlite")
        #expect(config.rulesFile == "/etc/kenshu/rules.yaml")
        #expect(config.data.roster == "/srv/city/exports/roster.csv")
        #expect(config.data.encoding == "auto")
    }

    @Test func anEmptyConfigUsesTheServerDefaults() throws {
        let config = try ConfigurationLoader.parse("", file: file)
        #expect(config.catalogDirectory == "/usr/local/share/kenshu")
        #expect(config.stateDirectory == "/var/lib/kenshu")
        #expect(config.timeZone == "Asia/Tokyo")
    }

    @Test func namesTheLineAndKeyOfATypo() throws {
        let error = try #require(throws: InputError.self) {
            try ConfigurationLoader.parse("catalog: ..\nstae: state\n", file: file)
        }
        #expect(error.location.line == 2)
        #expect(error.location.column == 1)
        #expect(error.description.contains("'stae' というキーはありません"))
        #expect(error.description.contains("'state' の書き間違いではありませんか"))
    }

    @Test func namesTheLineOfAWrongType() throws {
        let error = try #require(throws: InputError.self) {
            try ConfigurationLoader.parse("data:\n  roster: [a, b]\n", file: file)
        }
        #expect(error.location.line == 2)
        #expect(error.field == "data.roster")
    }

    @Test func rejectsAnUnknownTimeZoneAndEncoding() throws {
        #expect(throws: InputError.self) { try ConfigurationLoader.parse("timezone: Asia/Edo\n", file: file) }
        let error = try #require(throws: InputError.self) {
            try ConfigurationLoader.parse("data:\n  encoding: sjis\n", file: file)
        }
        #expect(error.location.line == 2)
    }

    @Test func rejectsABadHRAddress() throws {
        let error = try #require(throws: InputError.self) {
            try ConfigurationLoader.parse("hr:\n  addresses:\n    - jinji@example.jp\n    - not an address\n", file: file)
        }
        #expect(error.location.line == 4)
    }

    @Test(arguments: ["[[[", "key: [unclosed", "a: b\n  c: d\n", "\t- tab", "*undefined_alias"])
    func malformedYAMLIsAnErrorWithALineNeverACrash(text: String) throws {
        let error = try #require(throws: InputError.self) { try ConfigurationLoader.parse(text, file: file) }
        #expect(error.location.file == file)
    }

    @Test func anAliasBombIsRefused() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let items = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(items)]\n"
        }
        #expect(throws: InputError.self) { try ConfigurationLoader.parse(text, file: file) }
    }

    /// Found by hand beside fuzz-rules: a key built of nested aliases made the composer's
    /// duplicate-key check hash 2^depth nodes before any size check could run.
    @Test(arguments: ["- {*a30: 1}\n", "- *a30\n", "? *a30\n: 1\n"])
    func anAliasBombInAMappingKeyIsRefusedAtOnce(tail: String) throws {
        var text = "- &a0 [x, x]\n"
        for level in 1...30 { text += "- &a\(level) [*a\(level - 1), *a\(level - 1)]\n" }
        let clock = ContinuousClock()
        let started = clock.now
        let error = try #require(throws: InputError.self) { try YAMLValue.parse(text + tail, file: "rules.yaml") }
        #expect(clock.now - started < .seconds(1))
        #expect(error.message.contains("100000"))
        #expect(error.location.line != nil)
    }

    @Test func anchorsWithinTheLimitStillRead() throws {
        let value = try YAMLValue.parse("base: &base {x: 1, y: 2}\nother: *base\n", file: file)
        let entries = try value.mapping(allowed: ["base", "other"])
        #expect(try entries["other"]?.mapping(allowed: ["x", "y"])["y"]?.string() == "2")
    }

    @Test func reportsAMissingConfigFileWithWhatToDo() {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(path: "/nonexistent/kenshu.yaml")
        }
        #expect(error?.description.contains("--config") == true)
    }
}

/// `data.review`, `data.absentColumns` and `gate`: the import guards' and the pre-mail gate's settings.
struct DataSafetySettingsTests {
    let file = "/etc/kenshu/kenshu.yaml"

    @Test func defaultsAreTenPercentAndNoAbsentColumns() throws {
        let config = try ConfigurationLoader.parse("", file: file)
        #expect(config.data.review == ImportReviewSettings(threshold: 0.1, acceptScheduled: false, absentColumns: [:]))
        #expect(config.gate == MailGateSettings(evaluatedShare: 0.8, minimumCourses: 1))
    }

    @Test func readsPercentagesSharesListsAndFlags() throws {
        let config = try ConfigurationLoader.parse("""
            data:
              review:
                threshold: 25%
                acceptScheduled: true
              absentColumns:
                roster: [採用日, opted_out]
            gate:
              evaluatedShare: 0.5
              minimumCourses: 10
            """, file: file)
        #expect(config.data.review == ImportReviewSettings(threshold: 0.25, acceptScheduled: true,
                                                           absentColumns: ["roster": ["採用日", "opted_out"]]))
        #expect(config.gate == MailGateSettings(evaluatedShare: 0.5, minimumCourses: 10))
    }

    @Test(arguments: [
        ("data:\n  review:\n    threshold: 150%\n", "150%"),
        ("data:\n  review:\n    threshold: 2\n", "'2'"),
        ("data:\n  review:\n    treshold: 10%\n", "threshold"),
        ("data:\n  absentColumns:\n    rooster: [採用日]\n", "roster"),
        ("gate:\n  evaluatedShare: lots\n", "lots"),
    ])
    func namesTheLineOfABadSetting(_ text: String, _ mention: String) throws {
        do {
            _ = try ConfigurationLoader.parse(text, file: file)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.contains(mention), "\(error)")
            #expect(error.location.line != nil)
        }
    }
}
