import ArgumentParser
import Foundation
import KenshuConfig
import KenshuCore
import KenshuCycle
import KenshuStore

/// `kenshu rules check` and `kenshu rules diff`.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "The matching rules (rules.yaml).", subcommands: [RulesCheck.self, RulesDiffCommand.self])
}

struct RulesDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Run two rule sets on today's data and show what would change: totals first.",
        discussion: """
            Nothing is stored: the dry-run to look at before applying a change to rules.yaml. It leads with \
            the recommendations gained and lost in all, per course and per department, and the mentor pairs that \
            would be made or unmade; --details lists each member of staff, --json everything for tools.
            """)

    @Argument(help: ArgumentHelp("The current rules.", valueName: "OLD"))
    var old: String

    @Argument(help: ArgumentHelp("The proposed rules.", valueName: "NEW"))
    var new: String

    @Flag(help: "Also list each member of staff's gains and losses.")
    var details = false

    @OptionGroup var day: DayOption

    @OptionGroup var common: CommonOptions

    func run() throws {
        let session = try common.session(.readOnly)
        let here = FileManager.default.currentDirectoryPath
        let oldPath = FilePaths.resolve(old, relativeTo: here)
        let newPath = FilePaths.resolve(new, relativeTo: here)
        let day = try self.day.day(session)
        let report = try RulesDiff.report(old: session.with(try session.setup.withRules(at: oldPath)),
                                          new: session.with(try session.setup.withRules(at: newPath)), on: day)
        try common.emit(report) { RulesDiffText.render($0, old: oldPath, new: newPath, details: details) }
    }
}

struct RulesCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a rules file: exit 0 when it is valid, 2 with the line and key of each problem.")

    @Argument(help: ArgumentHelp("The rules file (default: the config's).", valueName: "FILE"))
    var file: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let setup = try common.setup()
        let path = file.map { FilePaths.resolve($0, relativeTo: FileManager.default.currentDirectoryPath) } ?? setup.configuration.rulesFile
        let rules: Rules
        do {
            rules = try RulesLoader.load(path: path, catalog: setup.catalog)
        } catch {
            throw KenshuError(.badInput, error.description)
        }
        // The work map is checked against the roster and the catalogue, when the store has them.
        var warnings: [String] = []
        if !rules.matching.work.isEmpty, let session = try? Session.open(setup, access: .readOnly) {
            warnings = try WorkRulesCheck.warnings(rules.matching.work, store: session.store)
        }
        if common.json {
            Console.print(try JSONOutput.render(RulesCheckResult(file: path, result: "valid", warnings: warnings)))
        } else {
            Console.print((["\(path): ok"] + warnings.map { "  注意: " + $0 }).joined(separator: "\n"))
        }
    }
}

/// `kenshu rules check --json`.
struct RulesCheckResult: Encodable {
    var file: String
    var result: String
    var warnings: [String]
}
