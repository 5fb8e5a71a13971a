import KenshuCore

/// A value that is not a usable mail address, and why (from the roster, the config, a CLI flag).
public struct MailAddressError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The value as it was given.
    public var value: String
    /// Why it was rejected, e.g. "it contains a space".
    public var reason: String

    /// An error for `value`, rejected for `reason`.
    public init(value: String, reason: String) {
        self.value = value
        self.reason = reason
    }

    /// `'a b@x.jp' is not a mail address: it contains a space`
    public var description: String {
        "'\(InputError.printable(value))' is not a mail address: \(reason)"
    }
}
