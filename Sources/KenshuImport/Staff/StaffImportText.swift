import KenshuConfig
import KenshuCore

/// A CSV import's summary as text for the HR office: the counts, what it changes, and for a
/// dry run whether it would be held back. The one wording of `kenshu roster import` (and the
/// other CSV imports) and of the console's アップロード page.
public enum StaffImportText {
    public static func render(_ summary: StaffImportSummary) -> String {
        var lines = ["\(summary.kind.japaneseName): \(FilePaths.name(summary.file))（\(summary.encoding)、\(summary.rows) 行）: "
            + (summary.applied ? summary.changes : "試行のため保存していません。取り込むと: \(summary.changes)")]
        if !summary.ignoredColumns.isEmpty {
            lines.append("読まなかった列: \(summary.ignoredColumns.joined(separator: "、"))")
        }
        if let review = summary.review {
            if !summary.applied, !review.changes.isEmpty {
                lines.append("取り込むと変わること:")
                lines += review.changes.map { "  " + $0 }
            }
            if review.isHeld {
                lines.append((summary.applied ? "--accept により取り込みました（本来は保留）: " : "このままでは保留になります: ")
                    + review.reasons.joined(separator: "。"))
            }
        }
        return lines.joined(separator: "\n")
    }
}
