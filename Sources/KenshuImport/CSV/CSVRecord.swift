/// One field of a CSV record: its value (unquoted, not trimmed) and where it starts
/// (1-based line, and 1-based column counted in Characters).
public struct CSVField: Sendable, Hashable {
    public var value: String
    public var line: Int
    public var column: Int

    public init(value: String, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }
}

/// One CSV record: its fields, and the line it starts on (a quoted field may carry it
/// over several lines).
public struct CSVRecord: Sendable {
    public var fields: [CSVField]
    public var line: Int

    public init(fields: [CSVField], line: Int) {
        self.fields = fields
        self.line = line
    }

    /// The fields' values.
    public var values: [String] { fields.map(\.value) }
}
