import ArgumentParser
import KenshuCycle

/// `kenshu run`: one full cycle now.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one full cycle now: import, match, mentors, and spool the week's mails.",
        discussion: """
            Imports data.roster, data.evaluations and data.history in that order, each all or nothing, \
            then the feeds under feeds.sources and those waiting in the inbox; then matches everyone and \
            records the ISO week's recommendations, runs the mentor matching, and writes the week's staff \
            mails, manager digests and HR report into the spool's new/. Each mail is spooled once per \
            (ISO week, kind, recipient): a second run of the same week writes nothing (--force writes \
            again). A rejected file is reported and the next one still runs. Exit 0 when every input \
            imported, 2 when one was rejected, 1 on a runtime failure.
            """)

    @OptionGroup var common: CommonOptions
    @Option(help: "The day to evaluate as of (YYYY-MM-DD); default today in the config's time zone.")
    var date: String?
    @Option(help: "The ISO week to run (YYYY-Www, e.g. 2026-W48); without --date, as of its Monday.")
    var week: String?
    @Flag(help: "Import, record and spool nothing: show what the cycle would do.")
    var dryRun = false
    @Flag(help: "Spool this week's mails again, also those already spooled.")
    var force = false
    @Flag(help: "Apply the HR exports even when their review holds them back (they would change more than data.review.threshold).")
    var accept = false

    func run() throws {
        let session = try common.session()
        var options = WeeklyCycle.Options(date: date, week: week, dryRun: dryRun, force: force, onWait: Console.error)
        options.accept = accept
        #if DEBUG
        options.spoolObserver = CrashHook.observer()
        #endif
        let report = try WeeklyCycle.run(session: session, options: options)
        try common.emit(report, text: RunText.render)
        for step in report.steps where [.rejected, .failed, .held].contains(step.outcome) {
            Console.error(step.detail)
        }
        for feed in report.feeds where feed.outcome == .rejected || feed.outcome == .failed {
            Console.error(feed.detail)
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
