/// Writes rows as RFC 4180 CSV text: fields with a comma, quote or line break are quoted.
enum CSVText {
    static func render(header: [String], rows: [[String]], lineEnding: String = "\n") -> String {
        var text = ""
        for row in [header] + rows {
            text += row.map(field).joined(separator: ",") + lineEnding
        }
        return text
    }

    private static func field(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
