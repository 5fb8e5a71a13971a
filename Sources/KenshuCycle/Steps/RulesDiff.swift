import KenshuCore
import KenshuMatch

/// The dry-run an admin looks at before changing the rules: both rule sets run on today's
/// data, and who gains or loses which recommendation.
public enum RulesDiff {
    /// What changes for one member of staff.
    public struct Change: Sendable, Codable {
        public var staff: String
        public var name: String
        public var gained: [String]
        public var lost: [String]
    }

    public static func run(old: Session, new: Session, on day: LocalDate) throws(KenshuError) -> [Change] {
        let before = try CourseRecommendations.run(ids: nil, on: day, session: old)
        let after = Dictionary(uniqueKeysWithValues: try CourseRecommendations.run(ids: nil, on: day, session: new)
            .map { ($0.staff.id, $0) })
        func label(_ recommendation: Recommendation) -> String {
            "\(recommendation.title) (\(recommendation.courseID))" + (recommendation.mandatory ? " [必須]" : "")
        }
        var changes: [Change] = []
        for entry in before {
            let was = entry.result.recommendations.map(label)
            let will = after[entry.staff.id]?.result.recommendations.map(label) ?? []
            let gained = will.filter { !was.contains($0) }
            let lost = was.filter { !will.contains($0) }
            if !gained.isEmpty || !lost.isEmpty {
                changes.append(Change(staff: entry.staff.id, name: entry.staff.name, gained: gained, lost: lost))
            }
        }
        return changes
    }
}
