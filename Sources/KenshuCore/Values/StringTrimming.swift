extension String {
    /// The string without leading and trailing white space (ASCII and ideographic space U+3000).
    public func trimmingWhitespace() -> String {
        // Most values have nothing to trim: looking at both ends only is enough to know.
        guard first?.isWhitespace == true || last?.isWhitespace == true else { return self }
        guard let start = firstIndex(where: { !$0.isWhitespace }),
              let end = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[start...end])
    }
}
