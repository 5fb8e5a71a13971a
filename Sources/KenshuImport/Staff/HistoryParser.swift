import KenshuCore

/// Reads the training-history export (研修履歴): completed trainings and their 復命書.
struct HistoryParser {
    static let columns = [
        ColumnSpec(key: "staff_id", japanese: "職員番号", required: true),
        ColumnSpec(key: "provider", japanese: "研修機関", required: true),
        ColumnSpec(key: "course_id", japanese: "研修ID", required: false),
        ColumnSpec(key: "title", japanese: "研修名", required: true),
        ColumnSpec(key: "completed_on", japanese: "修了日", required: true),
        ColumnSpec(key: "report_filed_on", japanese: "復命書提出日", required: false),
    ]

    /// Staff the store knows: a training of anyone else is an error.
    let knownStaff: Set<String>

    func parse(_ table: CSVTable) throws(InputErrors) -> [TrainingRecord] {
        try table.parseUniqueRows(
            key: { [$0.staffID, $0.provider, $0.courseID, $0.title, $0.completedOn.description].joined(separator: "\u{1F}") },
            duplicate: { row, earlier in
                row.error("title", "is listed twice for the same person and date (first on line \(earlier))")
            },
            parse)
    }

    private func parse(_ row: CSVRow) throws(InputError) -> TrainingRecord {
        let staffID = try row.identifier("staff_id") ?? ""
        guard knownStaff.contains(staffID) else {
            throw row.error("staff_id", "is not in the roster", hint: "import the roster first")
        }
        let completed = try row.date("completed_on", required: true) ?? LocalDate(daysSinceEpoch: 0)
        let filed = try row.date("report_filed_on", required: false)
        if let filed, filed < completed {
            throw row.error("report_filed_on", "is before the completion date \(completed)")
        }
        return TrainingRecord(staffID: staffID, provider: try row.requiredText("provider"), courseID: row.value("course_id"),
                              title: try row.requiredText("title"), completedOn: completed, reportFiledOn: filed)
    }
}
