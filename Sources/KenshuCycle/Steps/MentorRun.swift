import KenshuCore
import KenshuMatch
import KenshuStore

/// The shell around the mentor matching core: loads staff, ratings and pairs, runs the
/// matcher, and (unless it is a dry run) records new and ended pairs.
public enum MentorRun {
    public static func run(on day: LocalDate, dryRun: Bool, session: Session) throws(KenshuError) -> MentorMatching {
        let staff: [StaffMember]
        let evaluations: [String: [Evaluation]]
        let history: [String: [TrainingRecord]]
        let active: [(mentor: String, mentee: String)]
        let past: Set<[String]>
        let previousGroups: [String: Int]
        do {
            staff = try session.store.allStaff()
            evaluations = try session.store.latestEvaluationsByStaff()
            history = try session.store.historyByStaff()
            active = try session.store.activeMentorPairs()
            past = try session.store.pastMentorPairs()
            previousGroups = try session.store.mentorGroups()
        } catch {
            throw KenshuError(.runtime, error.description)
        }
        let people = staff.map { member in
            let (band, gaps) = CourseRecommendations.bandAndGaps(member, evaluations: evaluations, session: session)
            // Trained: the roster's flag, or a メンター course in the training history.
            let trained = member.mentorTrained || (history[member.id] ?? []).contains { $0.title.contains("メンター") }
            return MentorPerson(staff: member, band: band, gaps: gaps, mentorTrained: trained)
        }
        var result = MentorMatcher(rules: session.rules.mentors, catalog: session.catalog)
            .match(people, on: day, active: active, past: past)
        // Peer groups of the mentors who mentor now.
        let departments = Dictionary(staff.map { ($0.id, $0.department) }, uniquingKeysWith: { first, _ in first })
        let activeMentors = Set(result.pairs.filter { $0.status != .ended }.map(\.mentor)).sorted()
            .map { PeerGroups.Member(id: $0, department: departments[$0] ?? "") }
        let groups = PeerGroups.arrange(activeMentors, previous: previousGroups)
        result.groups = Dictionary(grouping: groups.keys, by: { groups[$0] ?? 0 })
            .sorted { $0.key < $1.key }.map { $0.value.sorted() }
        guard !dryRun else { return result }
        do {
            try session.store.recordMentorPairs(
                new: result.pairs.filter { $0.status == .new }.map { ($0.mentor, $0.mentee, $0.reasons) },
                ended: result.pairs.filter { $0.status == .ended }.map { ($0.mentor, $0.mentee) }, on: day)
            try session.store.recordMentorGroups(groups)
        } catch {
            throw KenshuError(.runtime, error.description)
        }
        return result
    }
}
