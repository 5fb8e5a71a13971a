import KenshuMatch

/// `kenshu mentors`' output as text.
enum MentorText {
    /// The run as text: new, kept and ended pairs with reasons, and the unmatched with why.
    static func render(_ result: MentorMatching, dryRun: Bool) -> String {
        var lines: [String] = []
        for status in [MentorPair.Status.new, .kept, .ended] {
            let pairs = result.pairs.filter { $0.status == status }
            lines.append("\(status.rawValue) pairs: \(pairs.count)")
            for pair in pairs {
                lines.append("  \(pair.mentee) ← mentor \(pair.mentor)")
                for reason in pair.reasons { lines.append("      ・\(reason)") }
            }
        }
        lines.append("unmatched mentees: \(result.unmatched.count)")
        for mentee in result.unmatched { lines.append("  \(mentee.mentee): \(mentee.reason)") }
        lines.append("peer groups of mentors: \(result.groups.count)")
        for (index, group) in result.groups.enumerated() { lines.append("  \(index + 1): \(group.joined(separator: ", "))") }
        if dryRun { lines.append("(dry run: nothing recorded)") }
        return lines.joined(separator: "\n")
    }
}
