/// How `kenshu deliver` hands the spooled mails to the mail system (`mail.submit` in
/// `kenshu.yaml`): by running sendmail once per mail (the default), or over one SMTP
/// connection to the MTA for the whole run.
public enum MailSubmission: Sendable, Hashable, CustomStringConvertible {
    /// `sendmail:/usr/sbin/sendmail`: the program, run once per mail (`-t -oi -f SENDER`).
    case sendmail(path: String)
    /// `smtp://127.0.0.1:25`: ESMTP to this host and port, without TLS or authentication.
    case smtp(host: String, port: Int)

    /// Postfix's (and every MTA's) sendmail at its usual place.
    public static let defaultSendmail = MailSubmission.sendmail(path: "/usr/sbin/sendmail")

    /// The value as `mail.submit` writes it.
    public var description: String {
        switch self {
        case .sendmail(let path): "sendmail:" + path
        case .smtp(let host, let port): "smtp://" + (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
        }
    }

    /// Whether `host` names this machine: `localhost`, 127.0.0.0/8 or `::1`.
    public static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered.hasSuffix(".localhost") || lowered == "::1" { return true }
        let parts = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { part in UInt8(part) != nil }
    }
}
