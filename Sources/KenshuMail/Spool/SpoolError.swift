#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KenshuPOSIX

/// Something the spool could not do to a file or folder: what, where, the system's reason,
/// and what to do about it.
///
/// Printed as `cannot create /var/spool/kenshu/outgoing/tmp/x.eml: Permission denied (check
/// that the spool folder exists and is writable by the kenshu user)`.
public struct SpoolError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was being done, e.g. `create`, `write`, `sync`, `move`.
    public var operation: String
    /// The file or folder it was done to.
    public var path: String
    /// The errno value, when the system refused.
    public var errorNumber: Int32?
    /// The system's text for it (strerror), or the spool's own reason.
    public var reason: String
    /// What the administrator can do.
    public var hint: String

    /// An error from the parts.
    public init(operation: String, path: String, errorNumber: Int32? = nil, reason: String, hint: String) {
        self.operation = operation
        self.path = path
        self.errorNumber = errorNumber
        self.reason = reason
        self.hint = hint
    }

    /// `cannot OPERATION PATH: REASON (HINT)`
    public var description: String {
        "cannot \(operation) \(path): \(reason) (\(hint))"
    }

    /// The usual hint: the spool folder must exist and be writable.
    static let writableHint = "check that the spool folder exists and is writable by the kenshu user"

    /// An error for a refused system call, with the usual hint.
    init(_ error: SystemCallError) {
        self = .system(error.operation, error.path, error.errorNumber)
    }

    /// An error for a system call that failed with `code` (errno) on `path`.
    static func system(_ operation: String, _ path: String, _ code: Int32, hint: String? = nil) -> SpoolError {
        let reason = String(cString: strerror(code))
        let fallback = code == ENOSPC || code == EDQUOT
            ? "free space on the file system that holds the spool" : writableHint
        return SpoolError(operation: operation, path: path, errorNumber: code, reason: reason, hint: hint ?? fallback)
    }
}
