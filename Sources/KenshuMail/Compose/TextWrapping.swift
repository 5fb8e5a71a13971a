import KenshuCore

/// Plain-text parts wrapped to at most 76 terminal columns (`DisplayWidth`), so that every
/// mail reads the same in any client: Japanese breaks between characters, never before a
/// closing mark (、。」）) nor after an opening one (「（); English words and numbers stay
/// whole; a URL is never broken and stands alone on its line when the line cannot hold it.
/// A continued line keeps the line's indent (and the width of its `・` bullet).
enum TextWrapping {
    static let width = 76

    /// Marks that may not begin a line.
    static let noLineStart: Set<Character> = ["、", "。", "，", "．", "」", "』", "）", "】", "〕", "〉", "》", "！", "？", "：",
                                             "；", "ー", "…", "‥", "・", ")", "]", "}", ",", ".", "!", "?", ":", ";", "%", "％"]
    /// Marks that may not end a line.
    static let noLineEnd: Set<Character> = ["「", "『", "（", "【", "〔", "〈", "《", "(", "[", "{"]

    static func wrap(_ text: String, width: Int = width) -> String {
        // Lines split on the scalar "\n" (a CRLF is one Character, which a split on the
        // Character "\n" would not see), each ending kept as it was.
        var out = ""
        var line = String.UnicodeScalarView()
        func flush(ending: String) {
            let crlf = line.last == "\r"
            let body = String(crlf ? String.UnicodeScalarView(line.dropLast()) : line)
            if DisplayWidth.of(body) > width {
                out += wrapLine(body, width: width).joined(separator: crlf ? "\r\n" : "\n") + (crlf ? "\r" : "")
            } else {
                out += String(line)
            }
            out += ending
            line = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n" { flush(ending: "\n") } else { line.append(scalar) }
        }
        flush(ending: "")
        return out
    }

    /// One long line as the lines it becomes.
    static func wrapLine(_ line: String, width: Int) -> [String] {
        let indent = String(line.prefix { $0 == " " || $0 == "　" })
        let rest = line.dropFirst(indent.count)
        // A bullet's text continues under the text, not under the bullet.
        let continuation = indent + (rest.first == "・" ? "  " : "")
        var lines: [String] = []
        var current = indent
        var currentWidth = DisplayWidth.of(indent)
        var hasText = false
        for token in tokens(rest) {
            if token.allSatisfy({ $0 == " " }) {
                if hasText {
                    current += token
                    currentWidth += token.count
                }
                continue
            }
            let tokenWidth = DisplayWidth.of(token)
            if hasText, currentWidth + tokenWidth > width {
                lines.append(trimmingTrailingSpaces(current))
                current = continuation
                currentWidth = DisplayWidth.of(continuation)
                hasText = false
            }
            current += token
            currentWidth += tokenWidth
            hasText = true
            // A URL that took the line past the width ends it.
            if isURL(token), currentWidth > width {
                lines.append(trimmingTrailingSpaces(current))
                current = continuation
                currentWidth = DisplayWidth.of(continuation)
                hasText = false
            }
        }
        if hasText { lines.append(trimmingTrailingSpaces(current)) }
        return lines
    }

    /// The units a line breaks between: a URL, a run of other ASCII non-space characters, a
    /// run of spaces, or one other character, with the marks that may not stand at a line's
    /// start or end joined to their neighbour.
    static func tokens(_ text: Substring) -> [String] {
        var tokens: [String] = []
        var index = text.startIndex
        var pendingOpen = ""
        while index < text.endIndex {
            let character = text[index]
            var token: String
            if text[index...].hasPrefix("http://") || text[index...].hasPrefix("https://") {
                let end = text[index...].firstIndex { $0 == " " || !$0.isASCII } ?? text.endIndex
                token = String(text[index..<end])
                index = end
            } else if character == " " {
                let end = text[index...].firstIndex { $0 != " " } ?? text.endIndex
                token = String(text[index..<end])
                index = end
            } else if character.isASCII {
                // A word, a number (2.5), an address: whole.
                let end = text[index...].firstIndex { $0 == " " || !$0.isASCII } ?? text.endIndex
                token = String(text[index..<end])
                index = end
            } else {
                token = String(character)
                index = text.index(after: index)
            }
            if token.count == 1, noLineEnd.contains(character) {
                pendingOpen += token
                continue
            }
            token = pendingOpen + token
            pendingOpen = ""
            if let first = token.first, noLineStart.contains(first), let last = tokens.last, !last.allSatisfy({ $0 == " " }) {
                tokens[tokens.count - 1] = last + token
            } else {
                tokens.append(token)
            }
        }
        if !pendingOpen.isEmpty { tokens.append(pendingOpen) }
        return tokens
    }

    static func isURL(_ token: String) -> Bool {
        token.hasPrefix("http://") || token.hasPrefix("https://")
    }

    private static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
