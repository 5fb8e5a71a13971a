/// A way of handing spooled mails to the mail system: `Sendmail` runs a program for each
/// mail, `SMTPTransport` talks SMTP to the MTA. Tests and dry runs can give the `Deliverer`
/// their own.
public protocol MailTransport: Sendable {
    /// A session for one delivery run, through which every mail of the run is sent and which
    /// the run closes at its end. Opening it does no I/O: the first `send` connects.
    func openSession() -> any MailSession
}

/// One delivery run's way to the mail system (for SMTP, its connection), used for one mail
/// after the other by one thread, and closed once at the end of the run.
public protocol MailSession {
    /// Sends the message in `file` (a whole RFC 5322 message); returns once the mail system
    /// accepted all of it, and only then. A thrown error is that mail's failure, unless
    /// `DeliveryError.stopsTheRun` says the mail system cannot be reached at all.
    ///
    /// `meanwhile` is called at most once, after the message was handed over and while the
    /// mail system decides on it (the caller makes the previous mail's move to `cur/` durable
    /// then); it may not be called at all when the mail fails before.
    mutating func send(file: String, meanwhile: () -> Void) throws(DeliveryError)

    /// Ends the session (for SMTP: QUIT and close). Sending after it is not allowed.
    mutating func close()
}
