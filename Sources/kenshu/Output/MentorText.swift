import KenshuCore
import KenshuMatch

/// `kenshu mentors`' output as text, for the HR office: each person by name, department and
/// title, with the staff id beside (the ids alone are in `--json`).
enum MentorText {
    /// The run as text: new, kept and ended pairs with reasons, and the unmatched with why.
    static func render(_ result: MentorMatching, staff: [String: StaffMember], dryRun: Bool) -> String {
        func person(_ id: String) -> String {
            guard let member = staff[id] else { return "職員番号 \(id)" }
            return "\(member.name)（\(member.department) \(member.title)、\(id)）"
        }
        var lines: [String] = []
        for status in [MentorPair.Status.new, .kept, .ended] {
            let pairs = result.pairs.filter { $0.status == status }
            lines.append("\(status.japaneseName): \(pairs.count) 組")
            for pair in pairs {
                lines.append("  メンティー \(person(pair.mentee)) ← メンター \(person(pair.mentor))")
                for reason in pair.reasons { lines.append("      ・\(reason)") }
            }
        }
        lines.append("\(MentorWording.unmatched): \(result.unmatched.count) 人")
        for mentee in result.unmatched { lines.append("  \(person(mentee.mentee)): \(mentee.reason)") }
        lines.append("\(MentorWording.groups): \(result.groups.count)")
        for (index, group) in result.groups.enumerated() {
            lines.append("  \(index + 1): " + group.map { staff[$0]?.name ?? $0 }.joined(separator: "、"))
        }
        if dryRun { lines.append("（\(MentorWording.dryRun)）") }
        return lines.joined(separator: "\n")
    }
}
