/// A failure of a step or a command, with the exit code it maps to: 2 for bad input or usage (the
/// message names file, line and field) or an input held back for review, 1 for a runtime failure.
public struct KenshuError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// Bad input: config, rules, a CSV, a feed. Exit 2.
        case badInput
        /// The program could not do its work: store, catalogue, I/O. Exit 1.
        case runtime
        /// Held back for review: the input would change too much of what is stored, and waits
        /// for someone to accept it. Exit 2.
        case held
        /// Stopped on request (the daemon's shutdown) at a safe point. Exit 1.
        case stopped
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var exitCode: Int32 { kind == .badInput || kind == .held ? 2 : 1 }
    public var description: String { message }
}
