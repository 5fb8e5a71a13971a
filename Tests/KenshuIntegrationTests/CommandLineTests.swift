import Foundation
import KenshuTesting
import Testing

/// The command line as a user meets it: help, usage errors, config errors, catalogue, rules.
@Suite(.serialized)
struct CommandLineTests {
    @Test func helpListsEveryCommand() throws {
        let result = try KenshuBinary.run(["--help"])
        #expect(result.status == 0)
        for command in ["status", "roster", "evaluations", "history", "rules", "catalog"] {
            #expect(result.stdout.contains(command), "\(command) missing from --help")
        }
    }

    /// The parser wraps the help text: no paragraph of prose breaks a line early (a hard
    /// line break inside a help string does), and no line but the usage is wider than 80 columns.
    @Test(arguments: [[], ["run"], ["preview"], ["deliver"], ["import"], ["serve"], ["roster", "import"],
                      ["evaluations", "import"], ["history", "import"], ["status"], ["mentors"]])
    func helpTextIsWrappedByTheParser(_ command: [String]) throws {
        let result = try KenshuBinary.run(["help"] + command)
        #expect(result.status == 0)
        let paragraphs = result.stdout.components(separatedBy: "\n\n")
        for paragraph in paragraphs {
            let lines = paragraph.split(separator: "\n").map(String.init)
            // (ArgumentParser writes the usage line whole.)
            if !(lines.first ?? "").hasPrefix("USAGE") {
                #expect(lines.allSatisfy { $0.count <= 80 }, "\(command): \(paragraph)")
            }
            // Prose: not a section of options, usage or subcommands (those are indented or headed).
            guard let first = lines.first, !first.hasPrefix(" "), !first.hasSuffix(":"), !first.hasPrefix("USAGE") else { continue }
            for line in lines.dropLast() {
                #expect(line.count >= 50, "\(command): a line broken early: '\(line)'")
            }
        }
    }

    @Test func aUsageErrorExitsTwo() throws {
        let result = try KenshuBinary.run(["roster", "import"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("FILE") || result.stderr.contains("file"))
    }

    @Test func aMissingConfigExitsTwoAndSaysWhatToDo() throws {
        let result = try KenshuBinary.run(["status", "--config", "/nonexistent/kenshu.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/kenshu.yaml"))
        #expect(result.stderr.contains("--config"))
    }

    @Test func aConfigTypoExitsTwoWithLineAndColumn() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let config = try city.write("typo.yaml", "state: state\nrulez: rules.yaml\n")
        let result = try KenshuBinary.run(["status", "--config", config])
        #expect(result.status == 2)
        #expect(result.stderr.contains("typo.yaml:2:1:"))
        #expect(result.stderr.contains("'rules' の書き間違いではありませんか"))
    }

    @Test func catalogShowPrintsTheWholePolicyAsJSON() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let result = try city.kenshu("catalog", "show", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let abilities = try #require(json["abilities"] as? [[String: Any]])
        #expect(abilities.count == 10)
        #expect(abilities.first?["name"] as? String == "課題発見・解決能力")
        let maps = try #require(json["skillMaps"] as? [[String: Any]])
        #expect(maps.count == 6)
        let bands = try #require(maps.first?["bands"] as? [[String: Any]])
        #expect(bands.first?["titles"] as? [String] == ["課長", "局長"])
        let behaviours = try #require(bands.first?["behaviours"] as? [String: [String]])
        #expect(behaviours["D"]?.count == 3)
        let staffBands = try #require(maps[1]["bands"] as? [[String: Any]])
        #expect((staffBands.first?["behaviours"] as? [String: [String]])?["D"] == nil)
    }

    @Test func catalogShowAsText() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let result = try city.kenshu("catalog", "show")
        #expect(result.status == 0)
        #expect(result.stdout.contains("④政策形成能力"))
        #expect(result.stdout.contains("現場管理スキル"))
    }

    @Test func rulesCheckNamesTheLineOfABadKey() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        #expect(try city.kenshu("rules", "check").status == 0)
        let bad = try city.write("rules.yaml", "titles:\n  aliases:\n    一般職:\n      主事補: 主事\n  weights: 3\n")
        let result = try city.kenshu("rules", "check", bad)
        #expect(result.status == 2)
        #expect(result.stderr.contains("rules.yaml:5:3:"))
        #expect(result.stderr.contains("'weights' というキーはありません"))
    }
}
