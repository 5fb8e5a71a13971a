import KenshuCore

/// A column an import knows: its English and Japanese header names.
struct ColumnSpec: Sendable {
    /// English header, also the key used in code (`staff_id`).
    var key: String
    /// Japanese header (`職員番号`).
    var japanese: String
    var required: Bool

    /// `職員番号 (staff_id)`: how errors name the column.
    var label: String { "\(japanese) (\(key))" }
}

/// A CSV file whose first record is a header naming known columns, in Japanese or English,
/// in any order. Unknown columns are ignored and listed; a missing required column, a
/// repeated column, or a row longer than the header is an error.
struct CSVTable {
    let file: String
    let rows: [CSVRow]
    /// Header cells that name no known column.
    let ignoredColumns: [String]

    init(records: [CSVRecord], columns: [ColumnSpec], file: String) throws(InputError) {
        self.file = file
        guard let header = records.first else {
            throw InputError("the file is empty", at: SourceLocation(file: file),
                             hint: "expected a header line: \(columns.filter(\.required).map(\.japanese).joined(separator: ","))")
        }
        var indexOf: [String: Int] = [:]
        var ignored: [String] = []
        for (index, cell) in header.fields.enumerated() {
            let name = cell.value.trimmingWhitespace()
            guard let spec = columns.first(where: { $0.japanese == name || $0.key == name.lowercased() }) else {
                if !name.isEmpty { ignored.append(name) }
                continue
            }
            if indexOf[spec.key] != nil {
                throw InputError("column \(spec.label) appears twice in the header",
                                 at: SourceLocation(file: file, line: cell.line, column: cell.column))
            }
            indexOf[spec.key] = index
        }
        let missing = columns.filter { $0.required && indexOf[$0.key] == nil }
        guard missing.isEmpty else {
            throw InputError(
                "the header lacks required column(s) \(missing.map(\.label).joined(separator: ", "))",
                at: SourceLocation(file: file, line: header.line, column: 1),
                hint: "the first line must name the columns, in Japanese or English")
        }
        var rows: [CSVRow] = []
        for record in records.dropFirst() {
            if record.fields.count > header.fields.count {
                let extra = record.fields[header.fields.count]
                throw InputError("the row has \(record.fields.count) fields but the header \(header.fields.count)",
                                 at: SourceLocation(file: file, line: extra.line, column: extra.column),
                                 hint: "a comma inside a value needs the value in double quotes")
            }
            // A row of only empty fields (e.g. a spreadsheet's trailing ",,,,") is skipped.
            if record.fields.allSatisfy({ $0.value.trimmingWhitespace().isEmpty }) { continue }
            rows.append(CSVRow(record: record, indexOf: indexOf, columns: columns, file: file))
        }
        self.rows = rows
        self.ignoredColumns = ignored
    }
}

/// One data row, read by column key, with the location of each value for errors.
struct CSVRow {
    let record: CSVRecord
    let indexOf: [String: Int]
    let columns: [ColumnSpec]
    let file: String

    var line: Int { record.line }

    /// The trimmed value of a column, "" when the column or the field is absent.
    func value(_ key: String) -> String {
        guard let index = indexOf[key], index < record.fields.count else { return "" }
        return record.fields[index].value.trimmingWhitespace()
    }

    /// Where the column's value stands (or the row's start, when the field is absent).
    func location(_ key: String) -> SourceLocation {
        guard let index = indexOf[key], index < record.fields.count else {
            return SourceLocation(file: file, line: record.line, column: nil)
        }
        let field = record.fields[index]
        return SourceLocation(file: file, line: field.line, column: field.column)
    }

    func label(_ key: String) -> String {
        columns.first { $0.key == key }?.label ?? key
    }

    /// An error about one column's value.
    func error(_ key: String, _ message: String, hint: String? = nil) -> InputError {
        InputError(message, at: location(key), field: label(key), value: value(key), hint: hint)
    }
}
