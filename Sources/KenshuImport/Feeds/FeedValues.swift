import KenshuCore

/// How feed values are read: dates from `dtf` attributes or text, plain text from HTML,
/// numbers from free text. Real feeds are loose; these are lenient where meaning is clear
/// and return nil where it is not (the caller warns).
public enum FeedValues {
    /// `2026-05-12`, `2026-05-12T09:30:00+09:00`, `2026-05-12T09:30Z`, or any date form the
    /// CSV imports take (`2026/5/12`, `令和8年5月12日`). The time and zone are dropped: Kenshu
    /// plans by day, in the city's zone, and institutes publish local dates.
    public static func date(_ raw: String) -> LocalDate? {
        if let iso = isoDatePrefix(raw) { return iso }
        let text = raw.trimmingWhitespace()
        if text.isEmpty { return nil }
        if let separator = text.firstIndex(where: { $0 == "T" || $0 == " " }),
           text.distance(from: text.startIndex, to: separator) == 10 {
            return LocalDate(parsing: String(text[..<separator]))
        }
        return LocalDate(parsing: text)
    }

    /// `YYYY-MM-DD` at the start, followed by nothing, `T` or a space: the `dtf` form nearly
    /// every feed uses, read straight from the bytes.
    static func isoDatePrefix(_ raw: String) -> LocalDate? {
        var raw = raw
        return raw.withUTF8 { bytes -> LocalDate? in
            guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
            if bytes.count > 10, bytes[10] != UInt8(ascii: "T"), bytes[10] != UInt8(ascii: " ") { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    guard (0x30...0x39).contains(bytes[index]) else { return nil }
                    value = value * 10 + Int(bytes[index] - 0x30)
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return LocalDate(year: year, month: month, day: day)
        }
    }

    /// Text with markup removed and white space folded: `<p>A&amp;B</p>\r\n  C` → `A&B C`.
    /// Feeds carry escaped HTML and XHTML `div`s in descriptions; Kenshu's mails need text.
    /// (Works on UTF-8 bytes: markup and white space are never part of a larger character.)
    public static func plainText(_ raw: String) -> String {
        guard raw.utf8.contains(UInt8(ascii: "<")) || raw.utf8.contains(UInt8(ascii: "&")) else {
            return foldWhitespace(raw)
        }
        var bytes = Array(raw.utf8)
        return plainText(&bytes)
    }

    /// `plainText` of UTF-8 bytes, worked on in place (`bytes` is left as scratch).
    static func plainText(_ bytes: inout [UInt8]) -> String {
        if bytes.contains(UInt8(ascii: "<")) { removeTags(&bytes) }
        if bytes.contains(UInt8(ascii: "&")) {
            bytes = Array(decodeEntities(String(decoding: bytes, as: UTF8.self)).utf8)
        }
        return foldWhitespace(&bytes)
    }

    /// Removes markup in place: a tag becomes a space; a `<` that starts no tag stays.
    /// (Nothing written ever overtakes what is still to be read.)
    private static func removeTags(_ bytes: inout [UInt8]) {
        let kept = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            let input = UnsafeBufferPointer(buffer)
            var count = 0
            func put(_ byte: UInt8) {
                buffer[count] = byte
                count += 1
            }
            var inTag = false
            var pendingOpen = false
            for index in input.indices {
                let byte = input[index]
                if inTag {
                    if byte == UInt8(ascii: ">") {
                        inTag = false
                        put(UInt8(ascii: " "))
                    }
                } else if pendingOpen {
                    pendingOpen = false
                    // A tag starts with a letter, `/` or `!`; `a < b` is text.
                    if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") || startsLetter(input, at: index) {
                        inTag = true
                    } else if byte == UInt8(ascii: "<") {
                        put(byte)
                        pendingOpen = true
                    } else {
                        put(UInt8(ascii: "<"))
                        put(byte)
                    }
                } else if byte == UInt8(ascii: "<") {
                    pendingOpen = true
                } else {
                    put(byte)
                }
            }
            if pendingOpen { put(UInt8(ascii: "<")) }
            return count
        }
        bytes.removeLast(bytes.count - kept)
    }

    /// Whether the character starting at `index` is a letter (Unicode's Alphabetic).
    private static func startsLetter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return scalar.properties.isAlphabetic
    }

    /// Runs of white space (ASCII, CR, LF, tab, ideographic space) become one space; ends trimmed.
    public static func foldWhitespace(_ raw: String) -> String {
        var raw = raw
        // Most values need nothing: find out without building a new string.
        guard raw.withUTF8(needsFolding) else { return raw }
        var bytes = Array(raw.utf8)
        return foldWhitespace(&bytes)
    }

    /// `foldWhitespace` of UTF-8 bytes, folded in place and made into one string.
    static func foldWhitespace(_ bytes: inout [UInt8]) -> String {
        let kept = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            let input = UnsafeBufferPointer(buffer)
            // A space is written only for white space already read past: never ahead of the reading.
            var count = 0
            var pendingSpace = false
            var index = 0
            while index < input.count {
                let length = whitespaceLength(input, at: index)
                if length > 0 {
                    pendingSpace = count > 0
                    index += length
                } else {
                    if pendingSpace {
                        buffer[count] = UInt8(ascii: " ")
                        count += 1
                    }
                    pendingSpace = false
                    buffer[count] = input[index]
                    count += 1
                    index += 1
                }
            }
            return count
        }
        bytes.removeLast(bytes.count - kept)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether folding would change the bytes: white space at either end, or other than single spaces.
    private static func needsFolding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasSpace = true
        var index = 0
        while index < bytes.count {
            let length = whitespaceLength(bytes, at: index)
            if length > 0 && (previousWasSpace || length > 1 || bytes[index] != UInt8(ascii: " ")) { return true }
            previousWasSpace = length > 0
            index += max(length, 1)
        }
        return previousWasSpace && !bytes.isEmpty
    }

    /// The length in bytes of the white-space character at `index` (as
    /// `Unicode.Scalar.isUnicodeWhitespace` decides), 0 when it is not white space.
    /// Continuation bytes are never white space, so the caller may step one byte at a time.
    @inline(__always)
    static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        switch byte {
        case 0x20, 0x09...0x0D: return 1
        case 0xC2, 0xE1, 0xE2, 0xE3: break
        default: return 0
        }
        func at(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch (byte, at(1)) {
        case (0xC2, 0x85), (0xC2, 0xA0): return 2
        case (0xE1, 0x9A): return at(2) == 0x80 ? 3 : 0
        case (0xE2, 0x80): let third = at(2)
            return (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
        case (0xE2, 0x81): return at(2) == 0x9F ? 3 : 0
        case (0xE3, 0x80): return at(2) == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// The first whole number in free text: `20`, `20名`, `定員２０人`, `1,200` → 1200; nil if none.
    public static func integer(_ raw: String) -> Int? {
        var digits = ""
        for scalar in raw.unicodeScalars {
            var value = scalar.value
            if (0xFF10...0xFF19).contains(value) { value -= 0xFEE0 }
            if (0x30...0x39).contains(value), let digit = Unicode.Scalar(value) {
                digits.unicodeScalars.append(digit)
            } else if !digits.isEmpty, scalar == "," || scalar == "，" {
                continue
            } else if !digits.isEmpty {
                break
            }
        }
        return digits.isEmpty ? nil : Int(digits.prefix(9))
    }

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
    ]

    /// `&amp;`, `&#x4E00;`, `&#19968;` and the few named entities escaped HTML uses.
    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(10).firstIndex(of: ";") else {
                out.append("&")
                rest = after
                continue
            }
            let name = after[..<semicolon]
            var replacement: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if name.hasPrefix("#") {
                replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                replacement = namedEntities[String(name)]
            }
            if let replacement {
                out += replacement
                rest = after[after.index(after: semicolon)...]
            } else {
                out.append("&")
                rest = after
            }
        }
        out += rest
        return out
    }
}
