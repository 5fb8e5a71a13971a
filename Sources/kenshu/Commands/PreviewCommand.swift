import ArgumentParser
import KenshuCycle
import KenshuMail
import KenshuStore

/// `kenshu preview`.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Print one mail of this week as the weekly run would write it, without spooling it.",
        discussion: """
            A staff mail or digest of a week whose run nothing has changed since is made from that run's \
            results, as of its day; otherwise from what the store holds now (run `kenshu run` or the imports \
            first), and stderr says which. The staff mail and the manager digest need --staff; the HR report does not. Prints the plain-text part with its \
            subject, the HTML part with --html, or the whole RFC 5322 message with --message.
            """)

    @Option(help: "The member of staff (or manager) the mail is for.")
    var staff: String?

    @Option(help: "staff, manager or hr.")
    var kind: MailKind = .staff

    @Flag(help: "Print the HTML part.")
    var html = false

    @Flag(help: "Print the whole MIME message, as the spool file would hold it.")
    var message = false

    @OptionGroup var day: DayOption

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if html && message { throw ValidationError("give --html or --message, not both") }
    }

    func run() throws {
        let session = try common.session(.readOnly)
        let format: MailPreview.Format = html ? .html : message ? .message : .text
        let preview = try MailPreview.render(kind: kind, staffID: staff, date: day.date, format: format, session: session)
        // The mail alone on stdout (it may be saved as a file); where it comes from beside it.
        if let basis = preview.basis { Console.error(basis.japaneseText) }
        Console.print(preview.text)
    }
}

extension MailKind: ExpressibleByArgument {}
