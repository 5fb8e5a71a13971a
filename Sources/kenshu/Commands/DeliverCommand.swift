import ArgumentParser
import KenshuConfig
import KenshuCycle
import KenshuMail

/// `kenshu deliver`.
struct DeliverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver",
        abstract: "Hand the mails waiting in the spool's new/ to the MTA, and file each sent one in cur/.",
        discussion: """
            By default each file is piped to `SENDMAIL -t -oi -f SENDER` (Postfix's interface; SENDER is the \
            mails' sender, so bounces reach the HR office), oldest first. With `mail.submit: smtp://127.0.0.1:25` \
            in kenshu.yaml the whole run goes over one SMTP connection to the local MTA instead (PIPELINING when \
            offered; much faster for many mails); recipients come from each mail's To, Cc and Bcc. A mail the MTA \
            refuses (a refused recipient too) stays in new/ with the reason printed, and is tried again on a later \
            run after a back-off (1 minute, doubling up to 6 hours); the run goes on with the next mail. An MTA \
            that cannot be reached at all (no sendmail, no SMTP connection) is one error for the run. Exit 0 when \
            nothing failed, 1 when a mail failed or the MTA could not be reached. \
            With --wait SECONDS it then stays while mails wait for their retry, delivering each when due, \
            for at most that long (kenshu-deliver.service, which kenshu-deliver.path starts whenever new/ is \
            not empty, uses --wait 3600 so that a mail in back-off does not restart it in a loop).
            """)

    @Option(help: ArgumentHelp(
        "Submit through this sendmail program, whatever mail.submit says (default: mail.submit, else /usr/sbin/sendmail).",
        valueName: "PATH"))
    var sendmail: String?

    @Option(help: ArgumentHelp("Stay up to SECONDS while mails wait for their retry.", valueName: "SECONDS"))
    var wait = 0

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard (0...86_400).contains(wait) else { throw ValidationError("--wait \(wait): give 0 to 86400 seconds") }
    }

    func run() throws {
        let session = try common.session()
        let submission = sendmail.map { MailSubmission.sendmail(path: $0) } ?? session.configuration.mail.submission
        let report = wait > 0
            ? try MailDelivery.run(submission: submission, wait: wait, configuration: session.configuration, store: session.store)
            : try MailDelivery.run(submission: submission, configuration: session.configuration, store: session.store)
        try common.emit(report, text: DeliveryText.render)
        for failure in report.failed { Console.error("\(failure.file): \(failure.error)") }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
