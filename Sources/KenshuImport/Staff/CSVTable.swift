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
/// in any order. Unknown columns are ignored and listed; a missing column (unless the config
/// says the export has none: `absent`), a repeated column, or a row longer than the header
/// is an error. A missing column is never read as a field left blank for everyone: a
/// renamed header (採用年月日 for 採用日) would otherwise wipe that field from every record.
struct CSVTable {
    let file: String
    let rows: [CSVRow]
    /// Header cells that name no known column.
    let ignoredColumns: [String]

    /// `absent`: the names (Japanese or English) of the columns this export does not have;
    /// `kind`: the export's name in the config (`roster`), for the hint.
    init(records: [CSVRecord], columns: [ColumnSpec], file: String, absent: [String] = [], kind: String = "") throws(InputError) {
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
                "the header lacks required column(s) \(missing.map(\.label).joined(separator: ", "))"
                    + Self.suggestions(for: missing, among: ignored),
                at: SourceLocation(file: file, line: header.line, column: 1),
                hint: "the first line must name the columns, in Japanese or English")
        }
        let declaredAbsent = Set(absent.map { $0.trimmingWhitespace().lowercased() })
        let unexpectedlyMissing = columns.filter {
            indexOf[$0.key] == nil && !declaredAbsent.contains($0.key) && !declaredAbsent.contains($0.japanese.lowercased())
        }
        guard unexpectedlyMissing.isEmpty else {
            let names = unexpectedlyMissing.map(\.japanese).joined(separator: ", ")
            throw InputError(
                "the header lacks column(s) \(unexpectedlyMissing.map(\.label).joined(separator: ", "))"
                    + Self.suggestions(for: unexpectedlyMissing, among: ignored)
                    + "; without the column, that field would be blank for everyone",
                at: SourceLocation(file: file, line: header.line, column: 1),
                hint: "name the column as shown in the export, or, if this export has no such column, "
                    + "list it in kenshu.yaml under data.absentColumns.\(kind.isEmpty ? "<kind>" : kind): [\(names)]")
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

extension CSVTable {
    /// ` (did you mean 「採用年月日」→「採用日」?)` for each missing column that an ignored
    /// header cell is a near spelling of; empty when none is.
    static func suggestions(for missing: [ColumnSpec], among ignored: [String]) -> String {
        var pairs: [String] = []
        for spec in missing {
            for cell in ignored {
                if Spelling.closest(to: cell, in: [spec.japanese, spec.key]) != nil || cell.contains(spec.japanese) {
                    pairs.append("「\(cell)」→「\(spec.japanese)」")
                    break
                }
            }
        }
        return pairs.isEmpty ? "" : " (did you mean \(pairs.joined(separator: ", "))?)"
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
