/// A person who may log in to the console: a name, a role, and a bcrypt hash of the password.
public struct ConsoleAccount: Sendable, Equatable {
    /// What an account may do: `viewer` reads; `admin` also changes things (rules, uploads)
    /// and reads the audit log.
    public enum Role: String, Sendable, CaseIterable {
        case admin, viewer

        /// The role as the pages name it.
        public var japaneseName: String {
            switch self {
            case .admin: "管理者"
            case .viewer: "閲覧者"
            }
        }
    }

    public var name: String
    public var role: Role
    /// bcrypt (`$2b$…`).
    public var hash: String

    public init(name: String, role: Role, hash: String) {
        self.name = name
        self.role = role
        self.hash = hash
    }

    /// A name an account may have: 1–64 of ASCII letters, digits, `.`, `_`, `-`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "_" || scalar == "-")
        }
    }
}
