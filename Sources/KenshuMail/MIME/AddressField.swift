extension HeaderField {
    /// An address field (From, To, Cc, Reply-To): each address as `display-name <addr>`, or
    /// the bare addr-spec when it has no display name, separated by commas and folded.
    ///
    /// A display name is written as atoms when it is plain ASCII atext, as a quoted-string
    /// (with `"` and `\` escaped) when it is ASCII with specials, and as encoded-words when it
    /// has non-ASCII text, holds `=?`, or is too long for one line.
    public static func addresses(name: String, _ addresses: [MailAddress]) -> HeaderField {
        var field = HeaderField(name: name)
        for (index, address) in addresses.enumerated() {
            let comma = index < addresses.count - 1 ? "," : ""
            if let displayName = address.displayName {
                field.appendPhrase(HeaderText.sanitized(displayName))
                field.append("<\(address.address)>" + comma)
            } else {
                field.append(address.address + comma)
            }
        }
        return field
    }

    /// Adds a sanitised display name as atoms, a quoted-string or encoded-words.
    mutating func appendPhrase(_ name: String) {
        let longest = Self.lineLimit - 1
        if name.isEmpty { return }
        if EncodedWord.isNeeded(for: name) {
            appendEncodedPhrase(name)
            return
        }
        let atoms = name.split(separator: " ")
        if atoms.allSatisfy({ $0.unicodeScalars.allSatisfy(AddressSyntax.isAtext) && $0.utf8.count <= longest }) {
            for atom in atoms { append(String(atom)) }
            return
        }
        let quoted = "\"" + name.replacingBackslashesAndQuotes() + "\""
        if quoted.utf8.count <= longest {
            append(quoted)
        } else {
            appendEncodedPhrase(name)
        }
    }

    /// Adds a display name as encoded-words: as one word (on a new line if need be) whenever
    /// it fits in one, and only otherwise split. Splitting is correct RFC 2047, but some
    /// readers wrongly keep the space between two encoded-words of a display name (CPython's
    /// `email` before gh-128110 shows `山田 太郎` for `山田` + `太郎`), so a name is split only
    /// when it must be.
    mutating func appendEncodedPhrase(_ name: String) {
        let whole = EncodedWord.encode(name)
        if whole.count == 1 {
            append(whole[0])
        } else {
            appendEncoded(name)
        }
    }
}

extension String {
    /// The text with `\` and `"` escaped by a backslash, for a quoted-string.
    fileprivate func replacingBackslashesAndQuotes() -> String {
        var out = ""
        for character in self {
            if character == "\\" || character == "\"" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
