/// One header field, `Name: value`, folded into lines of at most `HeaderField.lineLimit`
/// characters (CRLF not counted) at the whitespace between tokens.
///
/// Values taken from data go through `HeaderText.sanitized(_:)` first, so a value can
/// never add a header line of its own.
public struct HeaderField: Sendable {
    /// 76: RFC 2047's limit for lines that carry encoded-words, within RFC 5322's 78.
    public static let lineLimit = 76

    /// The field's lines without CRLF; every line after the first starts with a space.
    public private(set) var lines: [String]

    /// A field with no value yet: `Name:`.
    init(name: String) {
        lines = [name + ":"]
    }

    /// An unstructured field (Subject, `X-Kenshu-Week`): the sanitised text, as words folded
    /// at spaces when it is printable ASCII, otherwise as a run of encoded-words.
    public static func unstructured(name: String, value: String) -> HeaderField {
        var field = HeaderField(name: name)
        field.appendText(HeaderText.sanitized(value))
        return field
    }

    /// The field as it goes into the message: its lines, each ended by CRLF.
    public var rendered: String {
        lines.map { $0 + "\r\n" }.joined()
    }

    /// Room left on the last line for one more token after a separating space.
    var room: Int {
        Self.lineLimit - (lines.last?.utf8.count ?? 0) - 1
    }

    /// Adds one token (an atom, an encoded-word, `<addr>,`) after a space, on a new line when
    /// it does not fit on the current one. A token longer than a whole line stays whole.
    mutating func append(_ token: String) {
        if token.utf8.count <= room {
            lines[lines.count - 1] += " " + token
        } else {
            lines.append(" " + token)
        }
    }

    /// Adds `text` (already sanitised) as encoded-words, the first filling the current line.
    mutating func appendEncoded(_ text: String) {
        for word in EncodedWord.encode(text, firstLimit: room) {
            append(word)
        }
    }

    /// Adds sanitised unstructured text: as space-separated words when it is printable ASCII
    /// with no word too long for a line, otherwise encoded whole.
    mutating func appendText(_ text: String) {
        let words = text.split(separator: " ").map(String.init)
        if EncodedWord.isNeeded(for: text) || words.contains(where: { $0.utf8.count > Self.lineLimit - 1 }) {
            appendEncoded(text)
        } else {
            for word in words { append(word) }
        }
    }
}
