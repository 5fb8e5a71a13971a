import ArgumentParser
import KenshuApp

/// `kenshu run`: one full cycle now.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one full cycle now: import the HR exports and course feeds, record the week's recommendations.",
        discussion: """
            Imports data.roster, data.evaluations and data.history in that order, each all or nothing,
            then the feeds under feeds.sources and those waiting in the inbox; then matches everyone and
            records the ISO week's recommendations (a second run of the same week replaces them). A
            rejected file is reported and the next one still runs. Exit 0 when every input imported, 2
            when one was rejected, 1 on a runtime failure. Mails join the cycle as they are built.
            """)

    @OptionGroup var common: CommonOptions

    func run() throws {
        let context = try common.context()
        let report = try WeeklyCycle.run(context: context)
        try common.emit(report, text: RunText.render)
        for step in report.steps where step.outcome == .rejected || step.outcome == .failed {
            Console.error(step.detail)
        }
        for feed in report.feeds where feed.outcome == .rejected || feed.outcome == .failed {
            Console.error(feed.detail)
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
