extension String {
    /// The string without leading and trailing white space (ASCII and ideographic space U+3000).
    public func trimmingWhitespace() -> String {
        // Most values have nothing to trim: looking at both ends only is enough to know.
        guard unicodeScalars.first?.isUnicodeWhitespace == true || unicodeScalars.last?.isUnicodeWhitespace == true else { return self }
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[start...end])
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space characters, checked without a property-table lookup: feed and
    /// catalogue code runs this for every character of every field.
    @inline(__always)
    public var isUnicodeWhitespace: Bool {
        switch value {
        case 0x20, 0x09...0x0D: true
        case 0...0x7F: false
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
