import HummingbirdBcrypt

/// Passwords: the shortest accepted, hashing with bcrypt, and checking against a hash.
public enum Passwords {
    /// Shorter passwords are refused.
    public static let minimumLength = 10
    /// bcrypt's cost factor for new hashes.
    public static let cost: UInt8 = 12

    /// A bcrypt hash of `password` (tests pass a low `cost`), or an error in Japanese when it is too short.
    public static func hash(_ password: String, cost: UInt8 = Passwords.cost) throws(AccountsError) -> String {
        guard password.count >= minimumLength else {
            throw AccountsError("パスワードが短すぎます（\(password.count) 文字）。\(minimumLength) 文字以上にしてください。")
        }
        return Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches `hash`.
    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// A hash no password matches, checked when the name is unknown so that a wrong name
    /// takes as long as a wrong password.
    static let unmatchable = Bcrypt.hash("kenshu-console-no-such-account", cost: cost)
}
