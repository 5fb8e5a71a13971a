import KenshuCycle

/// `kenshu rules diff`'s output as text.
enum RulesDiffText {
    static func render(_ changes: [RulesDiff.Change], old: String, new: String, staffCount: Int? = nil) -> String {
        var lines = ["\(old) → \(new): \(changes.count) member(s) of staff would see different recommendations"]
        for change in changes {
            lines.append("\(change.staff) \(change.name)")
            for item in change.gained { lines.append("  + \(item)") }
            for item in change.lost { lines.append("  − \(item)") }
        }
        return lines.joined(separator: "\n")
    }
}
