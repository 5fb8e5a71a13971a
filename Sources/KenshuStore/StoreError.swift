/// The store could not be opened, read or written.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The database file or folder cannot be opened or created.
    case cannotOpen(path: String, reason: String)
    /// A command that only reads found no store: nothing was imported yet.
    case notCreated(path: String)
    /// A command that only reads found a store an older kenshu made (a writing command
    /// brings it up to date).
    case needsMigration(path: String)
    /// The store was made by a newer kenshu than this one.
    case newerThanProgram(path: String)
    /// A query or transaction failed.
    case database(String)
    /// A row holds a value the program cannot read back (edited by hand?).
    case corrupt(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "\(path): cannot open the store: \(reason)"
        case .notCreated(let path):
            "\(path): there is no store yet: import the staff data (kenshu import roster …) or run a cycle (kenshu run) first"
        case .needsMigration(let path):
            "\(path): the store is from an older kenshu: a writing command (kenshu run, kenshu import …) or kenshu serve brings it up to date first"
        case .newerThanProgram(let path):
            "\(path): the store was written by a newer kenshu than this one: run that version (or restore a backup made before the upgrade)"
        case .database(let message): "store: \(message)"
        case .corrupt(let message): "store holds a value it cannot read: \(message)"
        }
    }
}
