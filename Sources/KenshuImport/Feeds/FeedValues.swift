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
        var utf8 = raw.utf8.makeIterator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(11)
        while bytes.count < 11, let byte = utf8.next() { bytes.append(byte) }
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        if bytes.count == 11, bytes[10] != UInt8(ascii: "T"), bytes[10] != UInt8(ascii: " ") { return nil }
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

    /// Text with markup removed and white space folded: `<p>A&amp;B</p>\r\n  C` → `A&B C`.
    /// Feeds carry escaped HTML and XHTML `div`s in descriptions; Kenshu's mails need text.
    /// (Works on Unicode scalars: markup and white space are never part of a larger character.)
    public static func plainText(_ raw: String) -> String {
        guard raw.utf8.contains(UInt8(ascii: "<")) || raw.utf8.contains(UInt8(ascii: "&")) else {
            return foldWhitespace(raw)
        }
        var text = String.UnicodeScalarView()
        var inTag = false
        var pendingOpen = false
        for scalar in raw.unicodeScalars {
            if inTag {
                if scalar == ">" {
                    inTag = false
                    text.append(" ")
                }
            } else if pendingOpen {
                pendingOpen = false
                // A tag starts with a letter, `/` or `!`; `a < b` is text.
                if scalar.properties.isAlphabetic || scalar == "/" || scalar == "!" {
                    inTag = true
                } else if scalar == "<" {
                    text.append("<")
                    pendingOpen = true
                } else {
                    text.append("<")
                    text.append(scalar)
                }
            } else if scalar == "<" {
                pendingOpen = true
            } else {
                text.append(scalar)
            }
        }
        if pendingOpen { text.append("<") }
        return foldWhitespace(decodeEntities(String(text)))
    }

    /// Runs of white space (ASCII, CR, LF, tab, ideographic space) become one space; ends trimmed.
    public static func foldWhitespace(_ raw: String) -> String {
        // Most values need nothing: find out without building a new string.
        var previousWasSpace = true
        var needsWork = false
        for scalar in raw.unicodeScalars {
            let isSpace = scalar.isUnicodeWhitespace
            if isSpace && (previousWasSpace || scalar != " ") {
                needsWork = true
                break
            }
            previousWasSpace = isSpace
        }
        if !needsWork && !previousWasSpace || raw.isEmpty { return raw }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in raw.unicodeScalars {
            if scalar.isUnicodeWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
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
