import ArgumentParser
import Foundation
import KenshuCore
import KenshuCycle

/// The `kenshu` command: one binary, one subcommand per job.
struct Kenshu: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kenshu",
        abstract: "Kenshu (研修): training recommendations and mentor matching for the HR development office.",
        discussion: """
            Every command takes --config FILE (default /etc/kenshu/kenshu.yaml); paths in the config are \
            relative to it. Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage.
            """,
        subcommands: [
            ServeCommand.self,
            RunCommand.self,
            ImportCommand.self,
            RecommendCommand.self,
            ExplainCommand.self,
            MentorsCommand.self,
            PreviewCommand.self,
            DeliverCommand.self,
            StatusCommand.self,
            RosterCommand.self,
            EvaluationsCommand.self,
            HistoryCommand.self,
            RulesCommand.self,
            CatalogCommand.self,
            ConsoleCommand.self,
        ]
    )
}

/// Entry point: runs the command and maps failures to the exit codes of the design
/// (usage errors exit 2, like bad input, rather than ArgumentParser's 64).
@main
enum KenshuMain {
    static func main() async {
        do {
            var command = try Kenshu.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as KenshuError {
            Console.error(error.message)
            exit(error.exitCode)
        } catch {
            if Kenshu.exitCode(for: error) == .validationFailure {
                Console.error(Kenshu.fullMessage(for: error))
                exit(2)
            }
            Kenshu.exit(withError: error)
        }
    }
}
