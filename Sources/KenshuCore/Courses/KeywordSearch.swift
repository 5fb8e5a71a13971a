/// Finds the tag rules' keywords in a course's text, lower-cased, as `String.contains` would
/// (whole characters, canonical equivalence), but on UTF-8 bytes wherever that gives the
/// same answer: text made only of characters that are one scalar each and equal only to
/// themselves (ASCII, kana, kanji, CJK and full-width punctuation) — nearly every Japanese
/// course. Other text (combining marks, emoji sequences, accented Latin…) takes the
/// character-by-character path. A character search per keyword costs several times what
/// parsing the course does, which is why nearly every course is searched on its bytes.
struct KeywordSearch: Sendable {
    struct Keyword: Sendable {
        let text: String
        /// Its lower-cased UTF-8, when every character is simple (see above); nil otherwise.
        let bytes: [UInt8]?
        let abilities: [Int]
    }

    let keywords: [Keyword]
    private let starts: [UInt64]

    init(_ keywords: [(word: String, abilities: [Int])]) {
        self.keywords = keywords.map { word, abilities in
            let text = word.lowercased()
            var bytes: [UInt8] = []
            let simple = KeywordSearch.appendSimpleLowercased(text, to: &bytes)
            return Keyword(text: text, bytes: simple && !bytes.isEmpty ? bytes : nil, abilities: abilities)
        }
        starts = KeywordSearch.startPairs(self.keywords)
    }

    /// Calls `foundKeyword` with each keyword, in the rules' order, that occurs in `fields`
    /// joined by line breaks; `foundKeyword` returns false to stop the search.
    func forEachMatch(in fields: [String], _ foundKeyword: (Keyword) -> Bool) {
        guard !keywords.isEmpty else { return }
        var text: [UInt8] = []
        var simple = true
        for (index, field) in fields.enumerated() {
            if index > 0 { text.append(0x0A) }
            guard KeywordSearch.appendSimpleLowercased(field, to: &text) else {
                simple = false
                break
            }
        }
        // The fields joined and lower-cased as a string, for the character search: made once,
        // and only when some keyword or the text needs it.
        var joined: String?
        func characterSearch(_ keyword: Keyword) -> Bool {
            let text = joined ?? fields.joined(separator: "\n").lowercased()
            joined = text
            return text.contains(keyword.text)
        }
        var occurs: [Bool] = []
        if simple {
            text.append(0)
            occurs = [Bool](repeating: false, count: keywords.count)
            mark(in: text, &occurs)
        }
        for (index, keyword) in keywords.enumerated() {
            let found = simple && keyword.bytes != nil ? occurs[index] : characterSearch(keyword)
            if found, !foundKeyword(keyword) { return }
        }
    }

    /// Whether a keyword with abilities occurs in `field` alone, found on its bytes (the search
    /// stops there); false also when `field` is not simple. A keyword in one field is in the
    /// fields joined, so true here means `forEachMatch` finds such a keyword too.
    func hasTaggingKeyword(inField field: String) -> Bool {
        guard !keywords.isEmpty else { return false }
        var text: [UInt8] = []
        guard KeywordSearch.appendSimpleLowercased(field, to: &text) else { return false }
        text.append(0)
        var occurs = [Bool](repeating: false, count: keywords.count)
        return mark(in: text, &occurs) { !keywords[$0].abilities.isEmpty }
    }

    /// Appends `text` lower-cased as UTF-8; false (stopping there) at a character that is not
    /// simple, where bytes and characters could disagree.
    static func appendSimpleLowercased(_ text: String, to bytes: inout [UInt8]) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            guard TextSearch.isSimple(value) else { return false }
            switch value {
            case 0x41...0x5A:
                bytes.append(UInt8(value + 0x20))
            case 0x00...0x7F:
                bytes.append(UInt8(value))
            case 0xFF21...0xFF3A:
                // Full-width Ａ〜Ｚ lower-case to ａ〜ｚ, as `lowercased()` does.
                appendUTF8(value + 0x20, to: &bytes)
            default:
                // Every other simple scalar is in the BMP above U+07FF.
                appendUTF8(value, to: &bytes)
            }
        }
        return true
    }

    /// Appends a scalar of the Basic Multilingual Plane above U+07FF (three bytes).
    private static func appendUTF8(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes.append(UInt8(0xE0 | (value >> 12)))
        bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
        bytes.append(UInt8(0x80 | (value & 0x3F)))
    }

    /// Marks which keywords occur in `text` (simple, lower-cased UTF-8 ending in a 0 byte that
    /// no keyword holds) in one pass: only where the two bytes at a position start some keyword
    /// are the keywords compared. UTF-8 is self-synchronising, so a byte match is a match of
    /// whole scalars. Stops at the first keyword found for which `stop` holds, and returns
    /// whether it did.
    @discardableResult
    private func mark(in text: [UInt8], _ occurs: inout [Bool], stop: (Int) -> Bool = { _ in false }) -> Bool {
        text.withUnsafeBufferPointer { text in
            for position in 0..<(text.count - 1) {
                let pair = Int(text[position]) << 8 | Int(text[position + 1])
                guard starts[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { continue }
                for (index, keyword) in keywords.enumerated() where !occurs[index] {
                    guard let bytes = keyword.bytes, bytes.count < text.count - position else { continue }
                    var matched = 0
                    while matched < bytes.count && text[position + matched] == bytes[matched] { matched += 1 }
                    if matched == bytes.count {
                        occurs[index] = true
                        if stop(index) { return true }
                    }
                }
            }
            return false
        }
    }

    /// One bit for each pair of bytes that starts a keyword (a one-byte keyword: its byte and any other).
    private static func startPairs(_ keywords: [Keyword]) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 65_536 / 64)
        func set(_ pair: Int) { bits[pair >> 6] |= 1 << UInt64(pair & 63) }
        for case let bytes? in keywords.map(\.bytes) {
            if bytes.count == 1 {
                for next in 0..<256 { set(Int(bytes[0]) << 8 | next) }
            } else {
                set(Int(bytes[0]) << 8 | Int(bytes[1]))
            }
        }
        return bits
    }
}
