import ArgumentParser
import KenshuApp

/// `kenshu deliver`.
struct DeliverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver",
        abstract: "Hand the mails waiting in the spool's new/ to sendmail, and file each sent one in cur/.",
        discussion: """
            Each file is piped to `SENDMAIL -t -oi` (Postfix's interface), oldest first. A mail sendmail
            refuses stays in new/ with the reason printed, and is tried again on a later run after a
            back-off (1 minute, doubling up to 6 hours). Exit 0 when nothing failed, 1 when a mail failed.
            kenshu-deliver.path runs this whenever new/ is not empty.
            """)

    @Option(help: ArgumentHelp("The sendmail program.", valueName: "PATH"))
    var sendmail = "/usr/sbin/sendmail"

    @OptionGroup var common: CommonOptions

    func run() throws {
        let context = try common.context()
        let report = try MailDelivery.run(sendmail: sendmail, context: context)
        try common.emit(report, text: MailDelivery.text)
        for failure in report.failed { Console.error("\(failure.file): \(failure.error)") }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
