#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A system call refused: what was being done, to which path, and the errno it gave.
/// Callers turn it into their own error with a hint for the administrator.
public struct SystemCallError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was being done, e.g. `write`, `sync the folder`.
    public var operation: String
    public var path: String
    public var errorNumber: Int32

    public init(operation: String, path: String, errorNumber: Int32) {
        self.operation = operation
        self.path = path
        self.errorNumber = errorNumber
    }

    /// The system's text for `errorNumber` (strerror).
    public var reason: String { String(cString: strerror(errorNumber)) }

    /// `PATH: cannot OPERATION: REASON`
    public var description: String { "\(path): cannot \(operation): \(reason)" }
}
