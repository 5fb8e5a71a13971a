/// `String.contains` (whole characters, canonical equivalence) answered on UTF-8 bytes when
/// both strings are made only of characters that are one scalar each and equal only to
/// themselves (ASCII, kana, kanji, CJK and full-width forms: nearly every Japanese title);
/// other text takes `String.contains`. The standard search costs about a microsecond a call,
/// which a check of every course against every title rule multiplies.
public enum TextSearch {
    /// Whether `text` contains `word`, as `text.contains(word)` answers.
    public static func contains(_ text: String, _ word: String) -> Bool {
        guard !word.isEmpty else { return false }
        guard isSimple(text), isSimple(word) else { return text.contains(word) }
        var text = text
        var word = word
        return text.withUTF8 { text in
            word.withUTF8 { word in
                guard word.count <= text.count else { return false }
                let first = word[0]
                var position = 0
                while position + word.count <= text.count {
                    if text[position] == first {
                        var matched = 1
                        while matched < word.count && text[position + matched] == word[matched] { matched += 1 }
                        if matched == word.count { return true }
                    }
                    position += 1
                }
                return false
            }
        }
    }

    /// Whether every character of `text` is one scalar equal only to itself (see above).
    static func isSimple(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { isSimple($0.value) }
    }

    /// A scalar that is a whole character on its own and has no other canonical form (the
    /// keyword search's bytes rest on the same set).
    @inline(__always)
    static func isSimple(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x20...0x7E, 0x2010...0x2027, 0x3000...0x3029, 0x3030...0x303F, 0x3041...0x3096, 0x309B...0x30FF,
             0x4E00...0x9FFF, 0xFF01...0xFF9D:
            return true
        default:
            return false
        }
    }
}
