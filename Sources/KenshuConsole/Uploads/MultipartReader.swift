import Foundation

/// Reads a `multipart/form-data` body (RFC 7578) as it arrives, chunk by chunk, holding at
/// most one chunk and a delimiter's length of it: each part's headers, then its content in
/// pieces, then its end. Binary-safe: a part's content is whatever bytes come before the next
/// `CRLF--boundary`. Bounded: a part's header block and the number of parts have limits. Any
/// body that is not well formed, or ends before the closing delimiter, is a
/// `MultipartError`; nothing here traps on input.
struct MultipartReader {
    enum Event: Equatable {
        /// A part begins: its `Content-Disposition` and `Content-Type`.
        case part(MultipartPart)
        /// The next bytes of the current part's content.
        case content([UInt8])
        /// The current part's content is complete.
        case partEnd
    }

    struct Limits {
        /// One part's header block.
        var headerBytes = 8 * 1024
        /// Parts in the whole body.
        var parts = 16
    }

    private enum State {
        case preamble, delimiterLine, headers, content, epilogue
    }

    private static let crlf: [UInt8] = [13, 10]
    private static let blankLine: [UInt8] = [13, 10, 13, 10]
    /// Spaces or tabs a sender may put after a delimiter, before its line ends (RFC 2046).
    private static let paddingLimit = 64

    private let limits: Limits
    /// `CRLF--boundary`: every delimiter, the first one too (the buffer starts with a CRLF).
    private let delimiter: [UInt8]
    private var buffer: [UInt8] = crlf
    private var state = State.preamble
    private var parts = 0

    init(boundary: String, limits: Limits = Limits()) {
        self.limits = limits
        delimiter = Self.crlf + Array("--\(boundary)".utf8)
    }

    /// The boundary of a `multipart/form-data` Content-Type: 1–70 of RFC 2046's characters.
    static func boundary(contentType: String?) throws(MultipartError) -> String {
        guard let contentType else { throw MultipartError.notMultipart }
        let value = try HeaderValue(contentType[...])
        guard value.type == "multipart/form-data" else { throw MultipartError.notMultipart }
        guard let boundary = value.parameters["boundary"], (1...70).contains(boundary.count), !boundary.hasSuffix(" "),
              boundary.unicodeScalars.allSatisfy({ $0.isASCII && (allowedInBoundary.contains($0) || $0.properties.isAlphabetic
                  || ("0"..."9").contains($0)) })
        else { throw MultipartError.badBoundary }
        return boundary
    }

    private static let allowedInBoundary = Set("'()+_,-./:=? ".unicodeScalars)

    /// Reads the next bytes of the body; the events they complete.
    mutating func read(_ bytes: some Sequence<UInt8>) throws(MultipartError) -> [Event] {
        if state == .epilogue { return [] }
        buffer.append(contentsOf: bytes)
        var events: [Event] = []
        while try step(&events) {}
        return events
    }

    /// The body ended: only after the closing delimiter is it whole.
    func finish() throws(MultipartError) {
        guard state == .epilogue else { throw .truncated }
    }

    /// One move of the state machine; false when it needs more bytes.
    private mutating func step(_ events: inout [Event]) throws(MultipartError) -> Bool {
        switch state {
        case .preamble:
            guard let at = find(delimiter) else {
                keepTail()
                return false
            }
            buffer.removeFirst(at + delimiter.count)
            state = .delimiterLine
            return true
        case .delimiterLine:
            return try delimiterLine()
        case .headers:
            guard let end = find(Self.blankLine) else {
                if buffer.count > limits.headerBytes { throw .headerTooLarge }
                return false
            }
            // The buffer starts with the delimiter line's CRLF; an empty block ends right there.
            let block = end >= 2 ? Array(buffer[2..<end]) : []
            events.append(.part(try MultipartPart(headerBlock: block)))
            buffer.removeFirst(end + Self.blankLine.count)
            state = .content
            return true
        case .content:
            if let at = find(delimiter) {
                if at > 0 { events.append(.content(Array(buffer[0..<at]))) }
                events.append(.partEnd)
                buffer.removeFirst(at + delimiter.count)
                state = .delimiterLine
                return true
            }
            let safe = buffer.count - (delimiter.count - 1)
            if safe > 0 {
                events.append(.content(Array(buffer[0..<safe])))
                buffer.removeFirst(safe)
            }
            return false
        case .epilogue:
            buffer.removeAll()
            return false
        }
    }

    /// After a delimiter: `--` closes the body; else optional padding, then the line's CRLF,
    /// which stays in the buffer as the start of the header block.
    private mutating func delimiterLine() throws(MultipartError) -> Bool {
        guard let first = buffer.first else { return false }
        if first == UInt8(ascii: "-") {
            guard buffer.count >= 2 else { return false }
            guard buffer[1] == UInt8(ascii: "-") else { throw .malformed("区切り行の後に余分な文字があります") }
            state = .epilogue
            buffer.removeAll()
            return false
        }
        guard let end = find(Self.crlf) else {
            if buffer.count > Self.paddingLimit { throw .malformed("区切り行が改行で終わっていません") }
            return false
        }
        guard buffer[0..<end].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) else {
            throw .malformed("区切り行の後に余分な文字があります")
        }
        parts += 1
        guard parts <= limits.parts else { throw .tooManyParts(limits.parts) }
        buffer.removeFirst(end)
        state = .headers
        return true
    }

    /// Drops what cannot be the start of a delimiter (the preamble, which has no meaning).
    private mutating func keepTail() {
        let drop = buffer.count - (delimiter.count - 1)
        if drop > 0 { buffer.removeFirst(drop) }
    }

    /// Where `needle` first occurs in the buffer.
    private func find(_ needle: [UInt8]) -> Int? {
        guard let lead = needle.first, buffer.count >= needle.count else { return nil }
        return buffer.withUnsafeBufferPointer { hay -> Int? in
            guard let base = hay.baseAddress else { return nil }
            var index = 0
            let last = hay.count - needle.count
            while index <= last {
                guard let hit = memchr(base + index, Int32(lead), last - index + 1) else { return nil }
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let matches = needle.withUnsafeBufferPointer { memcmp(base + at, $0.baseAddress ?? base, needle.count) == 0 }
                if matches { return at }
                index = at + 1
            }
            return nil
        }
    }
}
