import ArgumentParser
import Foundation
import KenshuApp
import KenshuConfig

/// `kenshu rules check`.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "The matching rules (rules.yaml).", subcommands: [RulesCheck.self])
}

struct RulesCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a rules file: exit 0 when it is valid, 2 with the line and key of each problem.")

    @Argument(help: ArgumentHelp("The rules file (default: the config's).", valueName: "FILE"))
    var file: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let context = try common.context()
        let path = file.map { FilePaths.resolve($0, relativeTo: FileManager.default.currentDirectoryPath) } ?? context.configuration.rulesFile
        do {
            _ = try RulesLoader.load(path: path, catalog: context.catalog)
        } catch {
            throw AppError(.badInput, error.description)
        }
        Console.print(common.json ? try JSONOutput.render(["file": path, "result": "valid"]) : "\(path): ok")
    }
}
