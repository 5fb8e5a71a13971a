import KenshuCore
import KenshuMatch
import KenshuStore

/// Everything the week's mails are made from, gathered once by the cycle: the matching's
/// results, the week before's recommendations, the new mentor pairs, the training history
/// and the store's status.
public struct MailInputs: Sendable {
    public var day: LocalDate
    public var week: ISOWeek
    /// Active staff by id.
    public var staff: [String: StaffMember]
    /// This week's recommendations, per member of staff.
    public var entries: [CourseRecommendations.Entry]
    /// The courses (`provider`␟`courseID`) each person was recommended the week before.
    public var previousWeek: [String: Set<String>]
    /// Pairs that started this week.
    public var newPairs: [(mentor: String, mentee: String)]
    public var unmatchedMentees: [UnmatchedMentee]
    public var shortlists: [DispatchShortlist]
    public var listings: [CourseListing]
    /// `listings` by `CourseKey`.
    private var listingIndex: [String: (listing: CourseListing, source: CourseListing.Source)]
    public var history: [String: [TrainingRecord]]
    public var status: StatusReport

    /// The inputs for the week `match` was made for; `mentors` is the cycle's mentor run.
    /// Only what the matching did not read comes from the store here.
    public static func gather(
        on day: LocalDate, match: CourseRecommendations.Week, mentors: MentorMatching?, context: AppContext
    ) throws(AppError) -> MailInputs {
        let week = ISOWeek(containing: day)
        let store = try context.openStore()
        let status = try StatusReport.gather(context: context)
        do {
            return MailInputs(
                day: day, week: week,
                staff: Dictionary(match.staff.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
                entries: match.entries,
                previousWeek: try store.recommendations(week: week.minus(weeks: 1)),
                newPairs: newPairs(try store.mentorPairsStarted(from: week.monday, through: week.monday.adding(days: 6)),
                                   mentors: mentors),
                unmatchedMentees: mentors?.unmatched ?? [],
                shortlists: match.shortlists,
                listings: match.listings,
                listingIndex: index(match.listings),
                history: match.history,
                status: status)
        } catch {
            throw AppError(.runtime, error.description)
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

    /// The listing and source of a provider's course (for titles, dates, links in the mails).
    func listing(provider: String, courseID: String) -> (listing: CourseListing, source: CourseListing.Source)? {
        listingIndex[CourseKey.make(provider: provider, courseID: courseID)]
    }

    /// Whether `staffID` was not recommended `recommendation`'s course the week before.
    func isNew(_ recommendation: Recommendation, for staffID: String) -> Bool {
        !(previousWeek[staffID] ?? []).contains(CourseKey.make(provider: recommendation.provider, courseID: recommendation.courseID))
    }

    private static func index(_ listings: [CourseListing]) -> [String: (listing: CourseListing, source: CourseListing.Source)] {
        var index: [String: (listing: CourseListing, source: CourseListing.Source)] = [:]
        for listing in listings {
            for source in listing.sources { index[CourseKey.make(provider: source.provider.id, courseID: source.courseID)] = (listing, source) }
        }
        return index
    }

    /// Completed courses without a 復命書 for at least `days` days, completed within the last year.
    func overdueReports(of staffID: String, days: Int) -> [TrainingRecord] {
        (history[staffID] ?? []).filter { record in
            record.reportFiledOn == nil && record.completedOn.adding(days: days) <= day
                && record.completedOn.adding(days: 365) > day
        }.sorted { $0.completedOn < $1.completedOn }
    }
}
