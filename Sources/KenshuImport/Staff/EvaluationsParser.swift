import KenshuCore

/// Reads the personnel-evaluation export (人事評価): one rating of one ability per row.
struct EvaluationsParser {
    static let columns = [
        ColumnSpec(key: "staff_id", japanese: "職員番号", required: true),
        ColumnSpec(key: "ability", japanese: "能力", required: true),
        ColumnSpec(key: "score", japanese: "評価", required: true),
        ColumnSpec(key: "rater", japanese: "評価者", required: true),
        ColumnSpec(key: "period", japanese: "年度", required: true),
    ]

    let abilities: AbilityIndex
    /// Staff the store knows: a rating for anyone else is an error.
    let knownStaff: Set<String>

    func parse(_ table: CSVTable) throws(InputErrors) -> [Evaluation] {
        try table.parseUniqueRows(
            key: { "\($0.staffID)/\($0.period)/\($0.ability)/\($0.rater.rawValue)" },
            duplicate: { row, earlier in
                row.error("ability", "is rated twice by the same rater in the same period (first on line \(earlier))")
            },
            parse)
    }

    private func parse(_ row: CSVRow) throws(InputError) -> Evaluation {
        let staffID = try row.identifier("staff_id") ?? ""
        guard knownStaff.contains(staffID) else {
            throw row.error("staff_id", "is not in the roster", hint: "import the roster first")
        }
        guard let ability = abilities.ability(parsing: CSVRow.foldWidth(row.value("ability"))) else {
            throw row.error("ability", "is not one of the 10 abilities", hint: "1〜10, ①〜⑩ or the ability's name")
        }
        guard let rater = RaterRole(parsing: row.value("rater")) else {
            throw row.error("rater", "is not a rater", hint: "本人 (self), 一次 (primary) or 二次 (secondary)")
        }
        guard let period = EvaluationsParser.fiscalYear(row.value("period")) else {
            throw row.error("period", "is not a fiscal year", hint: "e.g. 2025, 2025年度 or 令和7年度")
        }
        return Evaluation(staffID: staffID, ability: ability.number, score: try row.integer("score", in: 1...5),
                          rater: rater, period: period)
    }

    /// `2025`, `2025年度`, `令和7年度`, `R7` → 2025.
    static func fiscalYear(_ raw: String) -> Int? {
        var text = CSVRow.foldWidth(raw.trimmingWhitespace())
        if text.hasSuffix("年度") { text.removeLast(2) } else if text.hasSuffix("年") { text.removeLast() }
        if let year = Int(text), (1900...2999).contains(year) { return year }
        for (prefix, base) in [("令和", 2018), ("R", 2018), ("平成", 1988), ("H", 1988)] where text.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            let number = rest == "元" ? 1 : Int(rest)
            if let number, number >= 1 { return base + number }
        }
        return nil
    }
}
