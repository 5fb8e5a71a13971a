/// Submission over SMTP to the MTA (`mail.submit: smtp://127.0.0.1:25`): one connection for
/// the whole delivery run, ESMTP with PIPELINING when the server offers it, no TLS and no
/// authentication (the MTA is on this machine or the configured host of a trusted network).
///
/// Each mail is one transaction: `MAIL FROM:<sender>`, a `RCPT TO` for each address of its
/// `To`, `Cc` and `Bcc`, `DATA`, and the message; it counts as sent only when the server
/// answers 2xx after the final dot. See `SMTPSession` for what happens when it does not.
public struct SMTPTransport: MailTransport, Sendable, Hashable {
    /// The server's host name or address, e.g. `127.0.0.1`.
    public var host: String
    /// Its port, usually 25.
    public var port: Int
    /// The envelope sender (`MAIL FROM`), where bounces go: `MailEnvelope.senderAddress`.
    public var sender: String
    /// How long the server may take for each reply (and to take the bytes sent), by
    /// default 60 s; after it the connection is closed.
    public var timeout: Duration
    /// How long connecting (to the greeting) may take, by default 10 s.
    public var connectTimeout: Duration
    /// The name given in EHLO; nil: this machine's name when it is a full domain name, else
    /// the connection's own address as a literal (`[127.0.0.1]`).
    public var heloName: String?

    /// A transport to `host`:`port` with `sender` as the envelope sender.
    public init(
        host: String, port: Int = 25, sender: String, timeout: Duration = .seconds(60),
        connectTimeout: Duration = .seconds(10), heloName: String? = nil
    ) {
        self.host = host
        self.port = port
        self.sender = sender
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.heloName = heloName
    }

    /// `host:port` (`[::1]:25` for an IPv6 address), as errors name the server.
    public var server: String {
        (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }

    /// A session that connects on its first mail.
    public func openSession() -> any MailSession {
        SMTPSession(transport: self)
    }
}
