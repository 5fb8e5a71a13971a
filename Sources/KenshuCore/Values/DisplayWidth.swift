/// How many terminal columns text takes, as a Japanese mail client or terminal shows it:
/// East Asian wide and fullwidth characters take 2, and so do the ambiguous ones Japanese
/// text uses as wide (①, ■, ※, →); combining marks and variation selectors take none.
public enum DisplayWidth {
    public static func of(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + columns($1) }
    }

    public static func columns(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch value {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F, 0x3099...0x309A: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
             0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        // Ambiguous width, wide in Japanese use: circled numbers, shapes, arrows, ※, §, ×, ÷, °.
        case 0x2460...0x24FF, 0x25A0...0x25FF, 0x2190...0x21FF, 0x203B, 0x00A7, 0x00D7, 0x00F7, 0x00B0, 0x2010...0x2016,
             0x2018...0x2019, 0x201C...0x201D, 0x2020...0x2021, 0x2025...0x2026, 0x2030, 0x2032...0x2033, 0x2103, 0x2116,
             0x2121, 0x2160...0x217F, 0x2200...0x22FF, 0x2500...0x257F, 0x2600...0x26FF:
            return 2
        default:
            return 1
        }
    }

    /// `text` followed by spaces up to `width` columns (as it is, when it is wider).
    public static func padded(_ text: String, to width: Int) -> String {
        let used = of(text)
        return used >= width ? text : text + String(repeating: " ", count: width - used)
    }
}
