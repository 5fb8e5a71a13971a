import KenshuCore

/// A problem libxml2 reported while reading or validating a document.
public struct XMLDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case warning, error, fatal }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    /// True for schema (XSD) validity problems, false for well-formedness and I/O.
    public var isValidity: Bool

    public init(severity: Severity, message: String, location: SourceLocation, isValidity: Bool) {
        self.severity = severity
        self.message = message
        self.location = location
        self.isValidity = isValidity
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// A document that could not be read: not well-formed, not valid against its schema,
/// unreadable, or over a limit.
public struct XMLReadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [XMLDiagnostic]

    public init(_ diagnostics: [XMLDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ message: String, at location: SourceLocation) {
        self.diagnostics = [XMLDiagnostic(severity: .fatal, message: message, location: location, isValidity: false)]
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
