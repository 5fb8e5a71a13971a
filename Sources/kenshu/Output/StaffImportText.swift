import KenshuImport

/// A CSV import's summary as text: the counts, what it changes, and for a dry run whether
/// it would be held back.
enum StaffImportText {
    static func render(_ summary: StaffImportSummary) -> String {
        var lines = ["\(summary.kind.rawValue): \(summary.file) (\(summary.encoding)): \(summary.rows) rows; "
            + (summary.applied ? summary.changes : "dry run, nothing stored; it would: \(summary.changes)")]
        if !summary.ignoredColumns.isEmpty {
            lines.append("ignored column(s): \(summary.ignoredColumns.joined(separator: ", "))")
        }
        if let review = summary.review {
            if !summary.applied, !review.changes.isEmpty {
                lines.append("what it would change:")
                lines += review.changes.map { "  " + $0 }
            }
            if review.isHeld {
                lines.append((summary.applied ? "accepted although " : "it would be held back: ")
                    + review.reasons.joined(separator: "; "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
