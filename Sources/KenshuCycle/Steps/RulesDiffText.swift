import Foundation

/// `kenshu rules diff`'s output as text, for the HR office: the totals to decide from first
/// (in all, per course, per department, mentor pairs); each person's gains and losses only
/// with `--details` (the console shows the same summary).
public enum RulesDiffText {
    /// How many courses and departments the summary lists.
    static let top = 10

    /// `commandLineHint`: end with where the command shows more (`--details`, `--json`).
    public static func render(_ report: RulesDiff.Report, old: String, new: String, details: Bool, commandLineHint: Bool = true) -> String {
        let summary = report.summary
        let names = "\((old as NSString).lastPathComponent) → \((new as NSString).lastPathComponent)"
        guard summary.staff > 0 || summary.mentorPairsMade + summary.mentorPairsUnmade > 0 else {
            return "\(names): おすすめもメンターのペアも変わりません"
        }
        var lines = ["\(names): おすすめが変わる職員 \(summary.staff) 人（増える研修 \(summary.gained) 件、減る研修 \(summary.lost) 件）",
                     "メンターのペア: 新たにできる \(summary.mentorPairsMade) 組、なくなる \(summary.mentorPairsUnmade) 組"]
        if !summary.courses.isEmpty {
            lines.append("")
            lines.append("研修ごと（変化の大きい順\(summary.courses.count > top ? "、上位 \(top)" : "")）:")
            lines += summary.courses.prefix(top).map { "  \($0.name)  +\($0.gained) −\($0.lost)" }
        }
        if !summary.departments.isEmpty {
            lines.append("")
            lines.append("所属ごと（変化の大きい順\(summary.departments.count > top ? "、上位 \(top)" : "")）:")
            lines += summary.departments.prefix(top).map { "  \($0.name)  \($0.staff) 人  +\($0.gained) −\($0.lost)" }
        }
        guard details else {
            if commandLineHint { lines += ["", "一人ずつの変化は --details で、ツール向けには --json で出力します。"] }
            return lines.joined(separator: "\n")
        }
        lines.append("")
        lines.append("一人ずつの変化:")
        for change in report.changes {
            lines.append("\(change.name)（\(change.department)、職員番号 \(change.staff)）")
            for item in change.gained { lines.append("  + \(item)") }
            for item in change.lost { lines.append("  − \(item)") }
        }
        return lines.joined(separator: "\n")
    }
}
