import Foundation
import KenshuCore
import KenshuMail
import KenshuMatch
import KenshuStore

/// Where an answer for a few people (`explain`, `recommend --staff`, `preview`) comes from.
public enum RecommendationBasis: Sendable, Equatable {
    /// The week's completed run: nothing it was computed from has changed since, so its seat
    /// allocation stands and only these people's candidates and reasons were worked out.
    case weeklyRun(day: LocalDate, finishedAt: Date)
    /// Everyone was matched again now (seats are shared), because of `RecomputeReason`.
    case recomputed(RecomputeReason)
}

/// Why a command for a few people matched everyone again instead of reusing the week's run.
public enum RecomputeReason: String, Sendable, Codable {
    /// The week has no completed run (not yet, a dry run, or its mails were held back).
    case noWeeklyRun
    /// Staff, ratings, trainings or courses changed since the run.
    case dataChanged
    /// The rules or the policy catalogue changed since the run.
    case rulesChanged
    /// Another day of the week than the run's was asked for (`--date`).
    case otherDay
}

/// The week's completed run, when a command for a few people may reuse it: the day it was
/// for, and its record.
struct RecordedWeek {
    var day: LocalDate
    var record: WeeklyRunRecord

    var basis: RecommendationBasis { .weeklyRun(day: day, finishedAt: record.finishedAt) }

    /// What `find` found: a run to reuse, or why there is none.
    enum Lookup {
        case reusable(RecordedWeek)
        case stale(RecomputeReason)
    }

    /// The run of the week of `requested` (or of today), unless something it was computed from
    /// has changed since: the data, the rules, the policy catalogue, or the day asked for.
    static func find(requested: LocalDate?, today: LocalDate, session: Session) throws(KenshuError) -> Lookup {
        do {
            guard let record = try session.store.weeklyRun(week: ISOWeek(containing: requested ?? today).description),
                  let day = LocalDate(parsing: record.day) else { return .stale(.noWeeklyRun) }
            if let requested, requested != day { return .stale(.otherDay) }
            guard record.inputs == WeeklyCycle.inputsFingerprint(session) else { return .stale(.rulesChanged) }
            guard record.dataVersion == (try session.store.dataVersion()) else { return .stale(.dataChanged) }
            return .reusable(RecordedWeek(day: day, record: record))
        } catch {
            throw KenshuError(.runtime, error.description)
        }
    }

    /// How a command for a few people is answered: from the week's run, or by matching
    /// everyone again for a day, and why.
    enum Answer<Made> {
        case fromRun(Made, RecordedWeek)
        case recompute(day: LocalDate, because: RecomputeReason)
    }

    /// `make`'s answer from the run of the week of `date` (of today when nil), when nothing the
    /// run was computed from has changed and `make` finds the people fit it (non-nil);
    /// otherwise the day to match everyone again for (`date`, else today), and why.
    static func answer<Made>(
        date: String?, session: Session, _ make: (RecordedWeek) throws(KenshuError) -> Made?
    ) throws(KenshuError) -> Answer<Made> {
        let requested = try date.map { text throws(KenshuError) in try CourseRecommendations.day(text, session: session) }
        let today = try CourseRecommendations.day(nil, session: session)
        switch try find(requested: requested, today: today, session: session) {
        case .reusable(let recorded):
            if let made = try make(recorded) { return .fromRun(made, recorded) }
            return .recompute(day: requested ?? today, because: .dataChanged)
        case .stale(let why):
            return .recompute(day: requested ?? today, because: why)
        }
    }

    /// The results of the active staff with `ids` as the run's allocation left them; nil when
    /// one of them does not fit it (then only matching everyone again answers).
    /// Throws for an id that is no active member of staff.
    func entries(ids: [String], explain: Bool, prepared: PreparedListings, session: Session) throws(KenshuError) -> [StaffRecommendations]? {
        let week = ISOWeek(containing: day)
        let members: [StaffMember]
        let evaluations: [String: [Evaluation]]
        let history: [String: [TrainingRecord]]
        let resting: [String: Set<String>]
        let logged: [String: [LoggedRecommendation]]
        do {
            let found = Dictionary(try session.store.staff(ids: ids).filter(\.active).map { ($0.id, $0) },
                                   uniquingKeysWith: { first, _ in first })
            members = try ids.map { id throws(KenshuError) in
                guard let member = found[id] else {
                    throw KenshuError(.badInput, "no active member of staff has the id '\(id)' (see kenshu status)")
                }
                return member
            }
            evaluations = try session.store.latestEvaluations(staffIDs: ids)
            history = try session.store.history(staffIDs: ids)
            resting = try session.store.recommendedEveryWeek(before: week, count: session.rules.matching.noUptakeWeeks, staffIDs: ids)
            logged = try session.store.recordedRecommendations(week: week, staffIDs: ids)
        } catch let error as KenshuError {
            throw error
        } catch {
            throw KenshuError(.runtime, "\(error)")
        }
        let people = members.map { member in
            let (band, gaps) = CourseRecommendations.bandAndGaps(member, evaluations: evaluations, session: session)
            let person = PersonContext(staff: member, band: band, gaps: gaps, history: history[member.id] ?? [], today: day,
                                       recommendedEveryWeek: resting[member.id] ?? [])
            let allocated = Set((logged[member.id] ?? []).map {
                PresentationKey(provider: $0.provider, courseID: $0.courseID, presentationID: $0.presentationID)
            })
            return (person, allocated)
        }
        guard let results = CourseRecommendations.recommender(session).recommend(people, prepared: prepared, explain: explain) else {
            return nil
        }
        let entries = zip(members, results).map { StaffRecommendations(staff: $0, result: $1) }
        return entries
    }
}

extension RecordedWeek {
    /// What a staff mail or a manager's digest of the run's week is made from, gathered for
    /// its recipient (and a manager's team) alone; nil when one of them does not fit the run
    /// (then only matching everyone again answers). The rest of the city is not read: these
    /// mails name no one else but mentor pairs, whose partners are read too.
    func mailInputs(kind: MailKind, recipient: String, session: Session) throws(KenshuError) -> MailInputs? {
        let week = ISOWeek(containing: day)
        let people: [String]
        let pairs: [(mentor: String, mentee: String)]
        let partners: [StaffMember]
        let previousWeek: [String: Set<String>]
        let history: [String: [TrainingRecord]]
        do {
            let team = kind == .manager ? try session.store.activeTeam(of: recipient).map(\.id) : []
            people = [recipient] + team
            let involved = Set(people)
            pairs = try session.store.mentorPairsStarted(from: week.monday, through: week.monday.adding(days: 6))
                .filter { involved.contains($0.mentor) || involved.contains($0.mentee) }
            let others = Set(pairs.flatMap { [$0.mentor, $0.mentee] }).subtracting(involved).sorted()
            partners = try session.store.staff(ids: others).filter(\.active)
            previousWeek = try session.store.recommendations(week: week.minus(weeks: 1), staffIDs: people)
            history = try session.store.history(staffIDs: people)
        } catch {
            throw KenshuError(.runtime, error.description)
        }
        let prepared = try session.memo.preparedListings(session)
        let listings = prepared.listings
        guard let entries = try self.entries(ids: people, explain: false, prepared: prepared, session: session) else { return nil }
        return MailInputs(day: day, staff: entries.map(\.staff) + partners, entries: entries, previousWeek: previousWeek,
                          newPairs: pairs, unmatchedMentees: [], shortlists: [], listings: listings, history: history,
                          providers: [], rejectedFeeds: [], warnings: [])
    }
}
