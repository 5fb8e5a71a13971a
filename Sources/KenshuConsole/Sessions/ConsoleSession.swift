import Foundation

/// A logged-in person's session: who, their role, the CSRF token every form of theirs
/// carries, and when it was last used.
public struct ConsoleSession: Sendable, Equatable {
    /// 256 random bits, hex: the cookie's value.
    public var id: String
    public var account: String
    public var role: ConsoleAccount.Role
    /// 256 random bits, hex: checked on every POST.
    public var csrfToken: String
    public var lastUsed: Date
}
