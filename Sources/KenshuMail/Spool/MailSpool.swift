/// The outgoing mail spool (`/var/spool/kenshu/outgoing`), kept with Maildir discipline:
/// a message is written whole into `tmp/`, synced, then renamed into `new/`, so `new/` only
/// ever holds whole messages, also across `kill -9` or a power cut. Delivered messages move
/// on to `cur/`.
public struct MailSpool: Sendable {
    /// The three folders of the spool.
    public enum Location: String, Sendable, CaseIterable {
        /// Messages being written; never read by delivery.
        case tmp
        /// Whole messages waiting for delivery.
        case new
        /// Messages handed to sendmail.
        case cur
    }

    /// The spool's folder; `tmp`, `new` and `cur` are inside it.
    public let directory: String

    /// A spool at `directory` (not touched until used; see `prepare()`).
    public init(directory: String) {
        self.directory = directory
    }

    /// The path of `location`'s folder.
    public func path(of location: Location) -> String {
        directory.hasSuffix("/") ? directory + location.rawValue : directory + "/" + location.rawValue
    }

    /// The path of the file `name` in `location`.
    public func path(of name: String, in location: Location) -> String {
        path(of: location) + "/" + name
    }
}
