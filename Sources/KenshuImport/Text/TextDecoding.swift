import KenshuCore

/// The encoding a file is read in: `auto` (UTF-8 with or without BOM, else CP932), `utf-8`, `cp932`.
public enum TextEncodingChoice: String, Sendable, CaseIterable {
    case auto
    case utf8 = "utf-8"
    case cp932
}

/// The encoding a file was found to be in.
public enum DetectedEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    case cp932 = "CP932"
}

/// A file's text and the encoding it was read in.
public struct DecodedText: Sendable {
    public var text: String
    public var encoding: DetectedEncoding

    public init(text: String, encoding: DetectedEncoding) {
        self.text = text
        self.encoding = encoding
    }
}

/// Turns the bytes of an HR system export into text: UTF-8 (a BOM is stripped) or CP932,
/// chosen or detected. Nothing is ever replaced silently: a byte that does not decode is an
/// error naming its line and byte column.
public enum TextDecoding {
    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let cp932Hint = "is the file CP932? try --encoding cp932"
    static let utf8Hint = "is the file UTF-8? try --encoding utf-8"

    /// Decodes `bytes` read from `file` (the path, used in errors).
    public static func decode(
        _ bytes: [UInt8], as choice: TextEncodingChoice, file: String
    ) throws(InputError) -> DecodedText {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw InputError(
                "the file starts with a UTF-16 byte order mark: UTF-16 is not supported; save the file as UTF-8 or CP932",
                at: SourceLocation(file: file, line: 1, column: 1),
                hint: "in Excel: Save As \"CSV UTF-8\" or \"CSV (comma delimited)\"")
        }
        let hasBOM = bytes.starts(with: utf8BOM)
        let body = hasBOM ? bytes[3...] : bytes[...]
        if let nul = body.firstIndex(of: 0) {
            let position = position(of: nul, in: body)
            throw InputError(
                "the file holds a NUL byte: a binary file, or UTF-16 without a byte order mark?",
                at: SourceLocation(file: file, line: position.line, column: position.column),
                hint: "import a CSV text file saved as UTF-8 or CP932")
        }

        switch choice {
        case .utf8:
            return try decodeUTF8(body, hasBOM: hasBOM, file: file, hint: cp932Hint)
        case .cp932:
            if hasBOM {
                throw InputError(
                    "the file starts with a UTF-8 byte order mark, but CP932 was chosen",
                    at: SourceLocation(file: file, line: 1, column: 1),
                    hint: "try --encoding utf-8 or --encoding auto")
            }
            return try decodeCP932(body, file: file, hint: utf8Hint)
        case .auto:
            if hasBOM {
                // The BOM says UTF-8: an invalid byte is an error, not a reason to try CP932.
                return try decodeUTF8(body, hasBOM: true, file: file, hint: "the file starts with a UTF-8 byte order mark")
            }
            let utf8Failure: InvalidSequence
            switch validateUTF8(body) {
            case nil: return DecodedText(text: String(decoding: body, as: UTF8.self), encoding: .utf8)
            case let failure?: utf8Failure = failure
            }
            let cp932Offset: Int
            do {
                return DecodedText(text: try CP932.decode(Array(body)), encoding: .cp932)
            } catch {
                cp932Offset = body.startIndex + error.offset
            }
            // Report where the likelier encoding (the one that read further) broke down.
            let hint = "save the file as UTF-8 or CP932, or choose with --encoding"
            if utf8Failure.offset >= cp932Offset {
                throw invalid(body, at: utf8Failure.offset, length: utf8Failure.length,
                              encoding: "UTF-8 (nor CP932)", file: file, hint: hint)
            }
            throw invalid(body, at: cp932Offset, length: cp932Length(body, at: cp932Offset),
                          encoding: "CP932 (nor UTF-8)", file: file, hint: hint)
        }
    }

    private static func decodeUTF8(
        _ body: ArraySlice<UInt8>, hasBOM: Bool, file: String, hint: String
    ) throws(InputError) -> DecodedText {
        if let failure = validateUTF8(body) {
            throw invalid(body, at: failure.offset, length: failure.length, encoding: "UTF-8", file: file, hint: hint)
        }
        return DecodedText(text: String(decoding: body, as: UTF8.self), encoding: hasBOM ? .utf8BOM : .utf8)
    }

    private static func decodeCP932(_ body: ArraySlice<UInt8>, file: String, hint: String) throws(InputError) -> DecodedText {
        do {
            return DecodedText(text: try CP932.decode(Array(body)), encoding: .cp932)
        } catch {
            let offset = body.startIndex + error.offset
            throw invalid(body, at: offset, length: cp932Length(body, at: offset), encoding: "CP932", file: file, hint: hint)
        }
    }

    // MARK: - UTF-8 validation

    /// The first ill-formed sequence: its index and how many bytes belong to it (the maximal
    /// subpart, at least 1).
    struct InvalidSequence: Equatable {
        var offset: Int
        var length: Int
    }

    /// Checks well-formed UTF-8 (no overlong forms, surrogates or values above U+10FFFF);
    /// nil when valid.
    static func validateUTF8(_ bytes: ArraySlice<UInt8>) -> InvalidSequence? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let count: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: count = 2
            case 0xE0: count = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: count = 3
            case 0xED: count = 3; high = 0x9F
            case 0xF0: count = 4; low = 0x90
            case 0xF1...0xF3: count = 4
            case 0xF4: count = 4; high = 0x8F
            default: return InvalidSequence(offset: index, length: 1)
            }
            for step in 1..<count {
                let next = index + step
                guard next < end else { return InvalidSequence(offset: index, length: step) }
                let byte = bytes[next]
                let (min, max): (UInt8, UInt8) = step == 1 ? (low, high) : (0x80, 0xBF)
                guard byte >= min, byte <= max else { return InvalidSequence(offset: index, length: step) }
            }
            index += count
        }
        return nil
    }

    // MARK: - Errors

    /// How many bytes to show for a CP932 failure: the lead byte and, for a double-byte lead,
    /// the byte after it.
    private static func cp932Length(_ bytes: ArraySlice<UInt8>, at offset: Int) -> Int {
        guard offset < bytes.endIndex else { return 0 }
        let lead = bytes[offset]
        let doubleByteLead = (0x81...0x9F).contains(lead) || (0xE0...0xFC).contains(lead)
        return doubleByteLead && offset + 1 < bytes.endIndex ? 2 : 1
    }

    /// 1-based line (counting LF bytes; a lone CR also ends a line) and byte column of `offset`.
    static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < offset {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.endIndex || bytes[index + 1] != 0x0A)) {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return (line, offset - lineStart + 1)
    }

    private static func invalid(
        _ bytes: ArraySlice<UInt8>, at offset: Int, length: Int, encoding: String, file: String, hint: String
    ) -> InputError {
        let (line, column) = position(of: offset, in: bytes)
        let shown = bytes[offset..<min(offset + max(length, 0), bytes.endIndex)]
        // A few bytes after the bad ones (up to the line end) help to recognise the encoding.
        let following = bytes[shown.endIndex..<min(shown.endIndex + 3, bytes.endIndex)]
            .prefix { $0 != 0x0A && $0 != 0x0D }
        var message: String
        if shown.isEmpty {
            message = "the file ends inside a character: not valid \(encoding) (line \(line), byte \(column))"
        } else {
            let subject = shown.count == 1 ? "the byte \(hex(shown))" : "the bytes \(hex(shown))"
            let verb = shown.count == 1 ? "is" : "are"
            message = "\(subject) at line \(line), byte \(column) \(verb) not valid \(encoding)"
            if !following.isEmpty { message += " (followed by \(hex(following)))" }
        }
        return InputError(message, at: SourceLocation(file: file, line: line, column: column), hint: hint)
    }

    /// `FB FC`: bytes in hex, two digits each.
    private static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return byte < 0x10 ? "0" + digits : digits
        }.joined(separator: " ")
    }
}
