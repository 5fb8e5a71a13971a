import KenshuCore

/// Typed reads of a row's values, each with an error that names the column, value and format.
extension CSVRow {
    func requiredText(_ key: String) throws(InputError) -> String {
        let text = value(key)
        guard !text.isEmpty else { throw error(key, "is empty", hint: "a value is required") }
        return text
    }

    /// An identifier (staff id): no spaces or control characters.
    func identifier(_ key: String, required: Bool = true) throws(InputError) -> String? {
        let text = value(key)
        if text.isEmpty {
            if required { throw error(key, "is empty", hint: "a value is required") }
            return nil
        }
        guard !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else {
            throw error(key, "contains spaces or control characters", hint: "an id is one word, e.g. 100123")
        }
        return text
    }

    static let dateHint = "expected a date such as 2026-04-01, 2026/4/1 or 令和8年4月1日"

    func date(_ key: String, required: Bool) throws(InputError) -> LocalDate? {
        let text = value(key)
        if text.isEmpty {
            if required { throw error(key, "is empty", hint: CSVRow.dateHint) }
            return nil
        }
        guard let date = LocalDate(parsing: text) else { throw error(key, "is not a date", hint: CSVRow.dateHint) }
        return date
    }

    static let trueWords: Set<String> = ["1", "true", "yes", "y", "はい", "○", "◯", "〇", "済", "修了", "有", "あり"]
    static let falseWords: Set<String> = ["", "0", "false", "no", "n", "いいえ", "×", "✕", "未", "未修了", "無", "なし", "-", "－"]

    func flag(_ key: String) throws(InputError) -> Bool {
        let text = value(key).lowercased()
        if CSVRow.trueWords.contains(text) { return true }
        if CSVRow.falseWords.contains(text) { return false }
        throw error(key, "is not yes or no", hint: "use ○ or 1 for yes; empty, × or 0 for no")
    }

    /// A whole number; full-width digits are accepted.
    func integer(_ key: String, in range: ClosedRange<Int>) throws(InputError) -> Int {
        let text = CSVRow.foldWidth(value(key))
        guard let number = Int(text) else {
            throw error(key, "is not a whole number", hint: "expected \(range.lowerBound) to \(range.upperBound)")
        }
        guard range.contains(number) else {
            throw error(key, "is out of range", hint: "expected \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// Full-width ASCII (ＡＢＣ１２３) to half-width.
    static func foldWidth(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if (0xFF01...0xFF5E).contains(scalar.value), let narrow = Unicode.Scalar(scalar.value - 0xFEE0) {
                out.unicodeScalars.append(narrow)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
