/// The store could not be opened, read or written.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The database file or folder cannot be opened or created.
    case cannotOpen(path: String, reason: String)
    /// A query or transaction failed.
    case database(String)
    /// A row holds a value the program cannot read back (edited by hand?).
    case corrupt(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "\(path): cannot open the store: \(reason)"
        case .database(let message): "store: \(message)"
        case .corrupt(let message): "store holds a value it cannot read: \(message)"
        }
    }
}
