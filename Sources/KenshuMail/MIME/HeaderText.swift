/// Text from data (a staff member's name, a course title in a subject) on its way into a
/// mail header.
///
/// `sanitized(_:)` is the one guard against header injection: every header value the mail
/// writer takes from data passes through it, so no value can end a header line early.
public enum HeaderText {
    /// The text with every control character (C0 including CR, LF and TAB, DEL, C1, and the
    /// Unicode line and paragraph separators U+2028 and U+2029) turned into a space, runs of
    /// spaces collapsed into one, and spaces at either end removed.
    public static func sanitized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var afterSpace = true  // so that leading spaces are dropped
        for scalar in text.unicodeScalars {
            let kept: Unicode.Scalar = isControl(scalar) ? " " : scalar
            if kept == " " {
                if afterSpace { continue }
                afterSpace = true
            } else {
                afterSpace = false
            }
            out.append(kept)
        }
        if out.last == " " { out.removeLast() }
        return String(out)
    }

    /// Whether the scalar must never appear in a header value.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }
}
