import KenshuCore
import KenshuMatch

/// The dry-run an admin looks at before changing the rules: both rule sets run on today's
/// data; who gains or loses which recommendation, and the totals to decide from (in all, per
/// course, per department), and which mentor pairs would change.
public enum RulesDiff {
    /// What changes for one member of staff.
    public struct Change: Sendable, Codable {
        public var staff: String
        public var name: String
        public var department: String
        public var gained: [String]
        public var lost: [String]
    }

    /// Recommendations gained and lost for one course or one department.
    public struct Count: Sendable, Codable, Equatable {
        public var name: String
        /// Staff whose recommendations change (per department).
        public var staff: Int
        public var gained: Int
        public var lost: Int
    }

    /// The totals of a diff, largest first.
    public struct Summary: Sendable, Codable {
        public var staff: Int
        public var gained: Int
        public var lost: Int
        public var courses: [Count]
        public var departments: [Count]
        public var mentorPairsMade: Int
        public var mentorPairsUnmade: Int
    }

    /// The whole diff: the summary, and every changed person for `--details` and `--json`.
    public struct Report: Sendable, Codable {
        public var summary: Summary
        public var changes: [Change]
    }

    public static func run(old: Session, new: Session, on day: LocalDate) throws(KenshuError) -> [Change] {
        try changes(before: CourseRecommendations.run(ids: nil, on: day, session: old),
                    after: CourseRecommendations.run(ids: nil, on: day, session: new))
    }

    /// The diff with its summary; the mentor runs are dry runs on both rule sets.
    public static func report(old: Session, new: Session, on day: LocalDate) throws(KenshuError) -> Report {
        let before = try CourseRecommendations.run(ids: nil, on: day, session: old)
        let after = try CourseRecommendations.run(ids: nil, on: day, session: new)
        let changes = changes(before: before, after: after)
        func pairs(_ session: Session) throws(KenshuError) -> Set<[String]> {
            Set(try MentorRun.run(on: day, dryRun: true, session: session).pairs.filter { $0.status != .ended }
                .map { [$0.mentor, $0.mentee] })
        }
        let (oldPairs, newPairs) = (try pairs(old), try pairs(new))
        var courses: [String: Count] = [:]
        var departments: [String: Count] = [:]
        for change in changes {
            for title in change.gained { courses[title, default: Count(name: title, staff: 0, gained: 0, lost: 0)].gained += 1 }
            for title in change.lost { courses[title, default: Count(name: title, staff: 0, gained: 0, lost: 0)].lost += 1 }
            var department = departments[change.department] ?? Count(name: change.department, staff: 0, gained: 0, lost: 0)
            department.staff += 1
            department.gained += change.gained.count
            department.lost += change.lost.count
            departments[change.department] = department
        }
        func largestFirst(_ a: Count, _ b: Count) -> Bool {
            (a.gained + a.lost, a.name) > (b.gained + b.lost, b.name)
        }
        let summary = Summary(
            staff: changes.count, gained: changes.reduce(0) { $0 + $1.gained.count }, lost: changes.reduce(0) { $0 + $1.lost.count },
            courses: courses.values.sorted(by: largestFirst), departments: departments.values.sorted(by: largestFirst),
            mentorPairsMade: newPairs.subtracting(oldPairs).count, mentorPairsUnmade: oldPairs.subtracting(newPairs).count)
        return Report(summary: summary, changes: changes)
    }

    private static func changes(before: [CourseRecommendations.Entry], after: [CourseRecommendations.Entry]) -> [Change] {
        let after = Dictionary(uniqueKeysWithValues: after.map { ($0.staff.id, $0) })
        func label(_ recommendation: Recommendation) -> String {
            recommendation.title + (recommendation.mandatory ? "［必須］" : "")
        }
        var changes: [Change] = []
        for entry in before {
            let was = entry.result.recommendations.map(label)
            let will = after[entry.staff.id]?.result.recommendations.map(label) ?? []
            let gained = will.filter { !was.contains($0) }
            let lost = was.filter { !will.contains($0) }
            if !gained.isEmpty || !lost.isEmpty {
                changes.append(Change(staff: entry.staff.id, name: entry.staff.name, department: entry.staff.department,
                                      gained: gained, lost: lost))
            }
        }
        return changes
    }
}
