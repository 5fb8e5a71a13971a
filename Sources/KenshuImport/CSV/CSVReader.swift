import KenshuCore

/// Reads RFC 4180 CSV from decoded text: comma-separated fields, optionally in double quotes
/// (`""` inside quotes is a quote; quoted fields may hold commas and line breaks), records
/// ending in LF, CRLF or a lone CR, the last line break optional, empty lines skipped.
///
/// Every field keeps the line and column (in Characters) where it starts, so that later
/// errors can point at it. Values are not trimmed.
public struct CSVReader: Sendable {
    private let text: String
    private let file: String

    public init(text: String, file: String) {
        self.text = text
        self.file = file
    }

    /// All records, or the first syntax error.
    public func records() throws(InputError) -> [CSVRecord] {
        var parser = Parser(bytes: Array(text.utf8), file: file)
        return try parser.run()
    }
}

/// One pass over the UTF-8 bytes. The separators (`,` `"` CR LF) are ASCII, so they never
/// occur inside a multi-byte character; values are cut out of the bytes between them.
private struct Parser {
    static let comma = UInt8(ascii: ",")
    static let quote = UInt8(ascii: "\"")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    let bytes: [UInt8]
    let file: String
    var index = 0
    var line = 1
    /// A point on the current line whose column is known; columns are counted on from it.
    var anchorIndex = 0
    var anchorColumn = 1
    /// Bytes of a quoted value with doubled quotes, reused between fields.
    var scratch: [UInt8] = []

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        // A byte order mark left in the text is not part of the first field.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            index = 3
            anchorIndex = 3
        }
    }

    mutating func run() throws(InputError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            if byte == Self.lineFeed || byte == Self.carriageReturn {
                // An empty line between records.
                skipLineBreak()
                continue
            }
            let recordLine = line
            var fields: [CSVField] = []
            while true {
                fields.append(try field())
                guard index < end else { break }
                if bytes[index] == Self.comma {
                    index += 1
                    continue
                }
                skipLineBreak()
                break
            }
            records.append(CSVRecord(fields: fields, line: recordLine))
        }
        return records
    }

    /// Reads the field starting at `index`, leaving `index` on the comma, line break or end after it.
    private mutating func field() throws(InputError) -> CSVField {
        let start = index
        let startLine = line
        let startColumn = column(at: start)
        if start < bytes.count, bytes[start] == Self.quote {
            let value = try quotedValue(startLine: startLine, startColumn: startColumn)
            return CSVField(value: value, line: startLine, column: startColumn)
        }
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
            if byte == Self.quote {
                throw InputError(
                    "a double quote inside a value that does not start with one",
                    at: location(at: index),
                    hint: "put the whole value in double quotes and double the quotes inside it: \"ab\"\"c\"")
            }
            index += 1
        }
        return CSVField(value: String(decoding: bytes[start..<index], as: UTF8.self), line: startLine, column: startColumn)
    }

    /// Reads a quoted value, `index` on its opening quote; leaves `index` after the closing quote.
    private mutating func quotedValue(startLine: Int, startColumn: Int) throws(InputError) -> String {
        let end = bytes.count
        index += 1
        var segmentStart = index
        var hasDoubledQuote = false
        scratch.removeAll(keepingCapacity: true)
        while true {
            guard index < end else {
                throw InputError(
                    "the double quote that opens this value is never closed",
                    at: SourceLocation(file: file, line: startLine, column: startColumn),
                    hint: "a double quote inside a quoted value is written twice (\"\")")
            }
            let byte = bytes[index]
            if byte == Self.quote {
                if index + 1 < end, bytes[index + 1] == Self.quote {
                    // `""`: keep one quote.
                    hasDoubledQuote = true
                    scratch.append(contentsOf: bytes[segmentStart...index])
                    index += 2
                    segmentStart = index
                    continue
                }
                break
            }
            if byte == Self.lineFeed || byte == Self.carriageReturn {
                skipLineBreak()
                continue
            }
            index += 1
        }
        let value: String
        if hasDoubledQuote {
            scratch.append(contentsOf: bytes[segmentStart..<index])
            value = String(decoding: scratch, as: UTF8.self)
        } else {
            value = String(decoding: bytes[segmentStart..<index], as: UTF8.self)
        }
        index += 1  // the closing quote
        if index < end {
            let next = bytes[index]
            if next != Self.comma && next != Self.lineFeed && next != Self.carriageReturn {
                let character = characterText(at: index)
                throw InputError(
                    "'\(character)' after the closing double quote of a value",
                    at: location(at: index),
                    hint: "a comma or a line end must follow a quoted value; a quote inside it is written twice (\"\")")
            }
        }
        return value
    }

    /// Steps over LF, CRLF or a lone CR at `index`, on to the next line.
    private mutating func skipLineBreak() {
        if bytes[index] == Self.carriageReturn, index + 1 < bytes.count, bytes[index + 1] == Self.lineFeed {
            index += 2
        } else {
            index += 1
        }
        line += 1
        anchorIndex = index
        anchorColumn = 1
    }

    /// The 1-based column, in Characters, of the byte at `target` on the current line
    /// (`target` at or after the last column asked for).
    private mutating func column(at target: Int) -> Int {
        let range = anchorIndex..<target
        let isASCII = bytes[range].allSatisfy { $0 < 0x80 }
        let characters = isASCII ? range.count : String(decoding: bytes[range], as: UTF8.self).count
        anchorIndex = target
        anchorColumn += characters
        return anchorColumn
    }

    private mutating func location(at target: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column(at: target))
    }

    /// The character starting at the byte `at`, for error messages.
    private func characterText(at start: Int) -> String {
        var end = start + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
