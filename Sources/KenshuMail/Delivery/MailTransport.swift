/// Hands one spooled mail file to the mail system. `Sendmail` is the real one; tests and
/// dry runs can give the `Deliverer` their own.
public protocol MailTransport: Sendable {
    /// Sends the message in `file` (a whole RFC 5322 message); returns once it was accepted.
    func send(file: String) throws(DeliveryError)
}
