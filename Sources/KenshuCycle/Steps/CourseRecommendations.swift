import Foundation
import KenshuCore
import KenshuMatch
import KenshuStore

/// The shell around the matching core: loads staff, ratings, history and the course
/// listings from the store, runs the recommender, and hands back its values.
public enum CourseRecommendations {
    public typealias Entry = StaffRecommendations

    /// The day recommendations are for: `--date`, else today in the config's time zone.
    public static func day(_ text: String?, session: Session) throws(KenshuError) -> LocalDate {
        if let text {
            guard let date = LocalDate(parsing: text) else {
                throw KenshuError(.badInput, "--date '\(text)' is not a date: use YYYY-MM-DD")
            }
            return date
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: session.configuration.timeZone) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? LocalDate(daysSinceEpoch: 0)
    }

    /// What `explain`, `recommend --staff` and `preview` show for a few people: the day it is
    /// for, their results, and where those come from.
    public struct FewPeople: Sendable {
        public var day: LocalDate
        public var entries: [Entry]
        public var basis: RecommendationBasis
    }

    /// Recommendations for the active staff with `ids`, for the week of `date` (of today when
    /// nil). When the week's run completed and nothing it was computed from has changed since
    /// (and `date`, if given, is its day), they are its results, as of its day: its seat
    /// allocation is reused and only these people are worked out. Otherwise everyone is
    /// matched again for the day, and the basis says why.
    public static func forStaff(ids: [String], date: String?, session: Session, explain: Bool) throws(KenshuError) -> FewPeople {
        switch try RecordedWeek.answer(date: date, session: session, { recorded throws(KenshuError) in
            try recorded.entries(ids: ids, explain: explain, prepared: try session.memo.preparedListings(session), session: session)
        }) {
        case .fromRun(let entries, let recorded):
            return FewPeople(day: recorded.day, entries: entries, basis: recorded.basis)
        case .recompute(let day, let reason):
            return FewPeople(day: day, entries: try run(ids: ids, on: day, session: session, explain: explain), basis: .recomputed(reason))
        }
    }

    /// Recommendations for the staff with `ids`, or for every active member of staff when nil.
    /// - Parameter explain: keep each chosen person's excluded courses and those below the cut.
    public static func run(ids: [String]?, on day: LocalDate, session: Session, explain: Bool = false) throws(KenshuError) -> [Entry] {
        let data = try load(session: session, on: day)
        var chosen = data.staff
        if let ids {
            chosen = []
            for id in ids {
                guard let member = data.staff.first(where: { $0.id == id }) else {
                    throw KenshuError(.badInput, "no active member of staff has the id '\(id)' (see kenshu status)")
                }
                chosen.append(member)
            }
        }
        let recommender = self.recommender(session)
        // Everyone is matched at once, so seats are shared as the weekly run shares them; the
        // people asked for are then picked out.
        let everyone = persons(data, on: day, session: session)
        let results = recommender.recommendAll(everyone, listings: data.listings,
                                               explaining: explain ? Set(chosen.map(\.id)) : [])
        let byID = Dictionary(uniqueKeysWithValues: results.map { ($0.staffID, $0) })
        return chosen.compactMap { member in byID[member.id].map { Entry(staff: member, result: $0) } }
    }

    /// The week's matching from one read of the store: everyone's recommendations, the
    /// dispatch shortlists, and the staff, listings and history they were made from (which
    /// the mails need too).
    public struct Week: Sendable {
        public var staff: [StaffMember]
        public var entries: [Entry]
        public var shortlists: [DispatchShortlist]
        public var listings: [CourseListing]
        public var history: [String: [TrainingRecord]]
    }

    /// Matches every active member of staff for `day` (as `run(ids: nil, …)` does) and makes
    /// the dispatch shortlists from the same people.
    public static func week(on day: LocalDate, session: Session) throws(KenshuError) -> Week {
        let data = try load(session: session, on: day)
        let recommender = self.recommender(session)
        let everyone = persons(data, on: day, session: session)
        let results = Dictionary(uniqueKeysWithValues: recommender.recommendAll(everyone, listings: data.listings, explaining: [])
            .map { ($0.staffID, $0) })
        return Week(staff: data.staff,
                    entries: data.staff.compactMap { member in results[member.id].map { Entry(staff: member, result: $0) } },
                    shortlists: recommender.dispatchShortlists(everyone, listings: data.listings),
                    listings: data.listings, history: data.history)
    }

    /// The HR office's shortlist for each dispatch course (派遣研修), never mailed to staff.
    public static func dispatchShortlists(on day: LocalDate, session: Session) throws(KenshuError) -> [DispatchShortlist] {
        let data = try load(session: session, on: day)
        return recommender(session).dispatchShortlists(persons(data, on: day, session: session), listings: data.listings)
    }

    private typealias StoredData = (staff: [StaffMember], evaluations: [String: [Evaluation]], history: [String: [TrainingRecord]],
                              listings: [CourseListing], resting: [String: Set<String>])

    private static func load(session: Session, on day: LocalDate) throws(KenshuError) -> StoredData {
        do {
            return (try session.store.allStaff().filter(\.active), try session.store.latestEvaluationsByStaff(), try session.store.historyByStaff(),
                    try session.store.courseListings(),
                    try session.store.recommendedEveryWeek(before: ISOWeek(containing: day), count: session.rules.matching.noUptakeWeeks))
        } catch {
            throw KenshuError(.runtime, error.description)
        }
    }

    private static func persons(_ data: StoredData, on day: LocalDate, session: Session) -> [PersonContext] {
        data.staff.map { member in
            let (band, gaps) = bandAndGaps(member, evaluations: data.evaluations, session: session)
            return PersonContext(staff: member, band: band, gaps: gaps, history: data.history[member.id] ?? [], today: day,
                                 recommendedEveryWeek: data.resting[member.id] ?? [])
        }
    }

    /// A member of staff's band (from family and title, with the rules' aliases) and gaps
    /// (from the latest period's ratings): what both the course and the mentor matching need.
    static func bandAndGaps(
        _ member: StaffMember, evaluations: [String: [Evaluation]], session: Session
    ) -> (band: RankBand?, gaps: [AbilityGap]) {
        let band = session.resolver.band(family: member.family, title: member.title)
        let gaps = GapCalculator.gaps(band: band?.id ?? "", evaluations: evaluations[member.id] ?? [],
                                      rules: session.rules.matching)
        return (band, gaps)
    }

    static func recommender(_ session: Session) -> Recommender {
        Recommender(catalog: session.catalog, rules: session.rules.matching, resolver: session.resolver,
                    tagger: AbilityTagger(rules: session.rules.courseTags, catalog: session.catalog))
    }

    /// The weekly run's step: everyone's recommendations for the day (`entries`, from
    /// `run(ids: nil, …)`), recorded for its ISO week (a second run of the same week replaces
    /// the first's record).
    public static func recordWeek(_ entries: [Entry], on day: LocalDate, session: Session) throws(KenshuError) {
        let logged = entries.flatMap { entry in
            entry.result.recommendations.map { recommendation in
                LoggedRecommendation(staffID: entry.staff.id, provider: recommendation.provider,
                                     courseID: recommendation.courseID, presentationID: recommendation.presentationID,
                                     score: recommendation.score, mandatory: recommendation.mandatory)
            }
        }
        do {
            try session.store.recordRecommendations(week: ISOWeek(containing: day), logged)
        } catch {
            throw KenshuError(.runtime, error.description)
        }
    }
}
