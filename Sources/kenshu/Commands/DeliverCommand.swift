import ArgumentParser
import KenshuCycle
import KenshuMail

/// `kenshu deliver`.
struct DeliverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver",
        abstract: "Hand the mails waiting in the spool's new/ to sendmail, and file each sent one in cur/.",
        discussion: """
            Each file is piped to `SENDMAIL -t -oi -f SENDER` (Postfix's interface; SENDER is the mails' sender, \
            so bounces reach the HR office), oldest first. A mail sendmail \
            refuses stays in new/ with the reason printed, and is tried again on a later run after a \
            back-off (1 minute, doubling up to 6 hours). Exit 0 when nothing failed, 1 when a mail failed. \
            With --wait SECONDS it then stays while mails wait for their retry, delivering each when due, \
            for at most that long (kenshu-deliver.service, which kenshu-deliver.path starts whenever new/ is \
            not empty, uses --wait 3600 so that a mail in back-off does not restart it in a loop).
            """)

    @Option(help: ArgumentHelp("The sendmail program.", valueName: "PATH"))
    var sendmail = "/usr/sbin/sendmail"

    @Option(help: ArgumentHelp("Stay up to SECONDS while mails wait for their retry.", valueName: "SECONDS"))
    var wait = 0

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard (0...86_400).contains(wait) else { throw ValidationError("--wait \(wait): give 0 to 86400 seconds") }
    }

    func run() throws {
        let session = try common.session()
        let report = wait > 0 ? try MailDelivery.run(sendmail: sendmail, wait: wait, configuration: session.configuration, store: session.store)
            : try MailDelivery.run(sendmail: sendmail, configuration: session.configuration, store: session.store)
        try common.emit(report, text: DeliveryText.render)
        for failure in report.failed { Console.error("\(failure.file): \(failure.error)") }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
