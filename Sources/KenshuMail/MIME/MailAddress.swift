import Foundation

/// A mail address with an optional display name (表示名), checked when made.
///
/// The address is a practical RFC 5322 addr-spec (see `init`); the display name is passed
/// through `HeaderText.sanitized(_:)`, so it can never break a header line.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The addr-spec, e.g. `jinji@city.example.jp`.
    public let address: String
    /// The sanitised display name, e.g. `人材育成担当`; nil when none or empty.
    public let displayName: String?

    /// Checks `address` and sanitises `displayName`.
    ///
    /// Spaces and line breaks at either end of `address` are trimmed. What remains must be
    /// `local@domain`: the local part (at most 64 characters) a dot-atom of RFC 5322 atext,
    /// the domain at least two dot-separated labels of ASCII letters, digits and hyphens
    /// (no hyphen at either end), the whole at most 254 characters. Anything else (spaces,
    /// control characters, `<>`, commas, quotes, non-ASCII) throws `MailAddressError`.
    public init(address: String, displayName: String? = nil) throws(MailAddressError) {
        let trimmed = address.trimmingCharacters(in: .whitespacesAndNewlines)
        if let reason = AddressSyntax.problem(with: trimmed) {
            throw MailAddressError(value: address, reason: reason)
        }
        self.address = trimmed
        let name = displayName.map(HeaderText.sanitized) ?? ""
        self.displayName = name.isEmpty ? nil : name
    }

    /// The part after the `@`, e.g. `city.example.jp`.
    public var domain: String {
        address.split(separator: "@").last.map(String.init) ?? ""
    }

    /// `Name <address>` for logs and messages (not for headers: see `HeaderField`).
    public var description: String {
        displayName.map { "\($0) <\(address)>" } ?? address
    }
}
