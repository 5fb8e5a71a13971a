/// A problem with external input (a CSV row, a config key, a feed element), with
/// where it is, which field, which value, and what to do about it.
///
/// Printed the same way everywhere: `path:line:column: field 'x': value 'y': message (hint)`.
public struct InputError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public var location: SourceLocation
    public var field: String?
    public var value: String?
    public var message: String
    public var hint: String?

    public init(
        _ message: String, at location: SourceLocation,
        field: String? = nil, value: String? = nil, hint: String? = nil
    ) {
        self.location = location
        self.field = field
        self.value = value
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var text = "\(location): "
        if let field { text += "\(field): " }
        if let value { text += "'\(Self.printable(value))': " }
        text += message
        if let hint { text += " (\(hint))" }
        return text
    }

    /// The value as it may be shown on one line (in an error, a log, a mail warning):
    /// control characters escaped, long values cut.
    public static func printable(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
                || scalar.value == 0x2029:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        if out.count > 80 { out = String(out.prefix(77)) + "..." }
        return out
    }
}

/// Several input errors found in one pass over a file; the file was not applied.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [InputError]
    /// How many more were found but not kept (a file with thousands of bad rows).
    public var omitted: Int

    public init(_ errors: [InputError], omitted: Int = 0) {
        self.errors = errors
        self.omitted = omitted
    }

    public var description: String {
        var lines = errors.map(\.description)
        if omitted > 0 { lines.append("… and \(omitted) more error(s)") }
        return lines.joined(separator: "\n")
    }
}
