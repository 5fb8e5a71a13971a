/// The accounts file or a change to it could not be used; the message (Japanese) says what,
/// where and what to do.
public struct AccountsError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
