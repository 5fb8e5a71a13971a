/// Why a spooled mail was not handed to the mail system (or, for `notMovedToCur`, was handed
/// over but not filed as delivered).
public enum DeliveryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing at the sendmail path.
    case programNotFound(path: String)
    /// Something at the sendmail path that cannot be run.
    case programNotExecutable(path: String)
    /// The spool file could not be opened.
    case unreadableMessage(path: String, reason: String)
    /// The program could not be started.
    case couldNotStart(program: String, reason: String)
    /// The program ended with a non-zero exit status (sysexits: 75 is a temporary failure).
    case exited(program: String, status: Int32, stderr: String)
    /// The program was ended by a signal.
    case killed(program: String, signal: Int32, stderr: String)
    /// The program did not finish in time and was stopped.
    case timedOut(program: String, after: Duration, stderr: String)
    /// The mail was handed over, but moving it from `new/` to `cur/` failed: it must not be
    /// sent again, yet it is still in `new/`.
    case notMovedToCur(SpoolError)
    /// No SMTP connection to `server` (`host:port`) could be made, or the server would not
    /// talk (its greeting or EHLO refused): nothing can be sent in this run.
    case cannotConnect(server: String, reason: String)
    /// The SMTP server refused a command of this mail's transaction (`MAIL FROM:<…>`,
    /// `RCPT TO:<…>`, `DATA`, or the message after its final dot) with `code` and its text.
    case refused(server: String, command: String, code: Int, reply: String)
    /// The connection broke during this mail's transaction; it was not accepted.
    case connectionLost(server: String, during: String, reason: String)
    /// The SMTP server did not answer within `after`; the connection was closed.
    case serverTimedOut(server: String, during: String, after: Duration)
    /// The SMTP server answered with something that is not an SMTP reply.
    case protocolError(server: String, during: String, reason: String)
    /// The spooled mail names no recipient in To, Cc or Bcc.
    case noRecipients(path: String)
    /// The spooled mail names a recipient that SMTP cannot carry (not printable ASCII, or `<>`).
    case unsendableRecipient(path: String, address: String)

    /// The program's exit status, for `exited`.
    public var exitStatus: Int32? {
        if case .exited(_, let status, _) = self { return status }
        return nil
    }

    /// What the program wrote to stderr (the first 4 KB), when it ran.
    public var standardError: String? {
        switch self {
        case .exited(_, _, let text), .killed(_, _, let text), .timedOut(_, _, let text): text
        default: nil
        }
    }

    /// The SMTP server's reply code, for `refused`.
    public var replyCode: Int? {
        if case .refused(_, _, let code, _) = self { return code }
        return nil
    }

    /// Whether the mail system cannot be reached at all (no sendmail, no SMTP connection):
    /// one error for the run, and no mail is counted as failed for it.
    public var stopsTheRun: Bool {
        switch self {
        case .programNotFound, .programNotExecutable, .cannotConnect: true
        default: false
        }
    }

    /// Whether the mail went out despite the error (only `notMovedToCur`): do not send it again.
    public var wasHandedOver: Bool {
        if case .notMovedToCur = self { return true }
        return false
    }

    /// One line for the log and the HR digest, with what to do.
    public var description: String {
        switch self {
        case .programNotFound(let path):
            "sendmail not found at \(path): install a mail transfer agent (e.g. postfix) or pass --sendmail PATH"
        case .programNotExecutable(let path):
            "sendmail at \(path) is not an executable file: install a mail transfer agent (e.g. postfix) or pass --sendmail PATH"
        case .unreadableMessage(let path, let reason):
            "cannot read the spooled mail \(path): \(reason)"
        case .couldNotStart(let program, let reason):
            "cannot start \(program): \(reason)"
        case .exited(let program, let status, let stderr):
            "\(program) failed with exit status \(status)\(Self.meaning(of: status))" + Self.quoted(stderr)
        case .killed(let program, let signal, let stderr):
            "\(program) was ended by signal \(signal)" + Self.quoted(stderr)
        case .timedOut(let program, let after, let stderr):
            "\(program) did not finish within \(after) and was stopped; the mail will be tried again" + Self.quoted(stderr)
        case .notMovedToCur(let error):
            "the mail was handed to the mail system but not moved to cur/ (\(error)); move it there by hand so it is not sent twice"
        case .cannotConnect(let server, let reason):
            "cannot submit mail to the SMTP server at \(server): \(reason); start the mail transfer agent (e.g. systemctl start postfix) "
                + "or change mail.submit in kenshu.yaml"
        case .refused(let server, let command, let code, let reply):
            "the SMTP server at \(server) refused \(command): \(code) \(reply)"
        case .connectionLost(let server, let during, let reason):
            "the connection to the SMTP server at \(server) was lost during \(during) (\(reason)); the mail will be tried again"
        case .serverTimedOut(let server, let during, let after):
            "the SMTP server at \(server) did not answer \(during) within \(after); the connection was closed and the mail will be tried again"
        case .protocolError(let server, let during, let reason):
            "the SMTP server at \(server) answered \(during) with something that is not SMTP (\(reason))"
        case .noRecipients(let path):
            "the spooled mail \(path) names no recipient in To, Cc or Bcc"
        case .unsendableRecipient(let path, let address):
            "the spooled mail \(path) names a recipient SMTP cannot carry: '\(address)'"
        }
    }

    private static func quoted(_ stderr: String) -> String {
        stderr.isEmpty ? "" : ": \(stderr)"
    }

    /// The sysexits.h name of a sendmail exit status, e.g. ` (temporary failure)` for 75.
    private static func meaning(of status: Int32) -> String {
        let names: [Int32: String] = [
            64: "usage error", 65: "data error", 66: "input missing", 67: "unknown user", 68: "unknown host",
            69: "service unavailable", 70: "internal error", 71: "system error", 72: "system file missing",
            73: "cannot create output", 74: "I/O error", 75: "temporary failure", 76: "protocol error",
            77: "permission denied", 78: "configuration error",
        ]
        return names[status].map { " (\($0))" } ?? ""
    }
}
