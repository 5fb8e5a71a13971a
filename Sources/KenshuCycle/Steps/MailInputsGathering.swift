import KenshuCore
import KenshuMail
import KenshuMatch
import KenshuStore

extension MailInputs {
    /// The inputs for the week `match` was made for; `mentors` is the cycle's mentor run.
    /// Only what the matching did not read comes from the store here.
    public static func gather(
        on day: LocalDate, match: CourseRecommendations.Week, mentors: MentorMatching?, session: Session
    ) throws(KenshuError) -> MailInputs {
        let week = ISOWeek(containing: day)
        let status = try StatusReport.gather(session: session)
        do {
            return MailInputs(
                day: day, staff: match.staff, entries: match.entries,
                previousWeek: try session.store.recommendations(week: week.minus(weeks: 1)),
                newPairs: newPairs(try session.store.mentorPairsStarted(from: week.monday, through: week.monday.adding(days: 6)),
                                   mentors: mentors),
                unmatchedMentees: mentors?.unmatched ?? [], shortlists: match.shortlists, listings: match.listings,
                history: match.history, providers: status.providers, rejectedFeeds: status.rejectedFeeds,
                warnings: status.warnings)
        } catch {
            throw KenshuError(.runtime, error.description)
        }
    }

    /// The week's new pairs as recorded, and those of a run not recorded (a dry run).
    private static func newPairs(
        _ recorded: [(mentor: String, mentee: String)], mentors: MentorMatching?
    ) -> [(mentor: String, mentee: String)] {
        var seen = Set(recorded.map { [$0.mentor, $0.mentee] })
        var pairs = recorded
        for pair in mentors?.pairs ?? [] where pair.status == .new && seen.insert([pair.mentor, pair.mentee]).inserted {
            pairs.append((pair.mentor, pair.mentee))
        }
        return pairs
    }
}
