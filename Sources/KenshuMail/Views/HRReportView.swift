import KenshuConfig
import KenshuCore
import KenshuMatch

/// What the HR office's weekly report says (templates `hr.*`): feed imports (failures
/// first), the gap heatmap, unmatched mentees, dispatch shortlists, courses nobody was
/// recommended, untagged courses with suggested tags, and data-quality warnings.
struct HRReportView: MailView, Sendable {
    struct FeedLine: Sendable {
        var source: String
        var providers: String
        var failed: Bool
        var detail: String
        var when: String
    }

    struct Unmatched: Sendable {
        var id: String
        var name: String
        var reason: String
    }

    struct Shortlist: Sendable {
        struct Candidate: Sendable {
            var id: String
            var name: String
            var department: String
            var score: String
            var reasons: [String]
        }

        var title: String
        var provider: String
        var dates: String
        var applyBy: String?
        var candidates: [Candidate]
    }

    struct CourseLine: Sendable {
        var provider: String
        var id: String
        var title: String
        /// Suggested abilities (untagged courses only), e.g. `④政策形成能力 (類似度 0.21)`.
        var suggestions: String
    }

    struct Warning: Sendable {
        var kind: String
        var staffID: String
        /// The person as the office knows them: name and department (empty when unknown).
        var name: String
        var department: String
        var message: String
    }

    /// The ISO week (`2026-W48`), for offices' own templates; the shipped ones say `weekOf`.
    var week: String
    /// `11月23日の週`.
    var weekOf: String
    var weekLabel: String
    var fiscalYear: String
    var staffCount: Int
    var recommendedStaff: Int
    var recommendations: Int
    var completedThisFiscalYear: Int
    var feeds: [FeedLine]
    /// Failed imports; nil when none (a Mustache section shows an Int, even 0).
    var feedFailures: Int?
    var heatmap: GapHeatmap
    var unmatched: [Unmatched]
    var shortlists: [Shortlist]
    var unrecommended: [CourseLine]
    /// How many more than the list shows; nil when none.
    var unrecommendedMore: Int?
    var untagged: [CourseLine]
    var untaggedMore: Int?
    /// Per work field some department owns: its staff, and how many got a course in it.
    var workCoverage: [FieldCoverage]
    /// Audience lines with words Kenshu could not read (their courses go to no one).
    var unreadAudiences: [UnreadAudience]
    var warnings: [Warning]
    var warningsMore: Int?
    var footer: MailFooter

    /// How many lines a list shows before "and N more".
    static let listLimit = 40
}

extension HRReportView {
    static func make(inputs: MailInputs, setup: Setup) -> HRReportView {
        let settings = setup.configuration.mail
        var feeds = inputs.providers.compactMap { provider -> FeedLine? in
            guard let last = provider.lastImport else { return nil }
            return FeedLine(source: FilePaths.name(last.source), providers: provider.name, failed: !last.succeeded,
                            detail: MailText.feedOutcome(last), when: last.finishedAt.formatted(.iso8601))
        }
        feeds += inputs.rejectedFeeds.map { entry in
            FeedLine(source: FilePaths.name(entry.source), providers: "", failed: true, detail: MailText.feedOutcome(entry),
                     when: entry.finishedAt.formatted(.iso8601))
        }
        feeds.sort { ($0.failed ? 0 : 1, $0.source) < ($1.failed ? 0 : 1, $1.source) }

        let unmatched = inputs.unmatchedMentees.map {
            Unmatched(id: $0.mentee, name: inputs.staff[$0.mentee]?.name ?? "", reason: $0.reason)
        }
        let shortlists = inputs.shortlists.map { list in
            let found = inputs.listing(provider: list.provider, courseID: list.courseID)
            let presentation = found?.listing.course.presentations.first { $0.id == list.presentationID }
            return Shortlist(
                title: list.title, provider: found?.source.provider.name ?? list.provider,
                dates: MailText.dates(start: list.start, end: presentation?.end), applyBy: list.applyBy.map(MailText.date),
                candidates: list.candidates.map { candidate in
                    let member = inputs.staff[candidate.staffID]
                    return Shortlist.Candidate(id: candidate.staffID, name: member?.name ?? "", department: member?.department ?? "",
                                               score: MailText.level(candidate.score), reasons: candidate.reasons)
                })
        }
        let (unrecommended, unrecommendedAll) = unrecommendedCourses(inputs: inputs, setup: setup)
        let (untagged, untaggedAll) = untaggedCourses(inputs: inputs, setup: setup)
        let warnings = inputs.warnings.map { warning in
            Warning(kind: warning.kind.japaneseName, staffID: warning.staffID, name: inputs.staff[warning.staffID]?.name ?? "",
                    department: inputs.staff[warning.staffID]?.department ?? "", message: warning.message)
        }
        let completed = inputs.history.values.reduce(0) { total, records in
            total + records.filter { $0.completedOn.fiscalYear == inputs.day.fiscalYear }.count
        }
        return HRReportView(
            week: inputs.week.description, weekOf: MailText.weekOf(inputs.week), weekLabel: MailText.week(inputs.week), fiscalYear: MailText.fiscalYear(inputs.day),
            staffCount: inputs.staff.count,
            recommendedStaff: inputs.entries.filter { !$0.result.recommendations.isEmpty }.count,
            recommendations: inputs.entries.reduce(0) { $0 + $1.result.recommendations.count },
            completedThisFiscalYear: completed,
            feeds: feeds, feedFailures: nonZero(feeds.filter(\.failed).count),
            heatmap: GapHeatmap.make(inputs.entries, catalog: setup.catalog, order: setup.configuration.departmentOrder),
            unmatched: unmatched, shortlists: shortlists,
            unrecommended: Array(unrecommended.prefix(listLimit)), unrecommendedMore: nonZero(unrecommendedAll - listLimit),
            untagged: Array(untagged.prefix(listLimit)), untaggedMore: nonZero(untaggedAll - listLimit),
            workCoverage: workCoverage(inputs: inputs, setup: setup), unreadAudiences: unreadAudiences(inputs: inputs, setup: setup),
            warnings: Array(warnings.prefix(listLimit * 2)), warningsMore: nonZero(warnings.count - listLimit * 2),
            footer: MailFooter(contact: settings.contact, stopNotice: nil))
    }

    private static func nonZero(_ count: Int) -> Int? { count > 0 ? count : nil }

    /// Courses with a presentation in the horizon that nobody was recommended this week
    /// (dispatch courses, which go to the shortlists, left out).
    private static func unrecommendedCourses(inputs: MailInputs, setup: Setup) -> ([CourseLine], Int) {
        let given = Set(inputs.entries.flatMap {
            $0.result.recommendations.map { CourseKey.make(provider: $0.provider, courseID: $0.courseID) }
        })
        let shortlisted = Set(inputs.shortlists.map { CourseKey.make(provider: $0.provider, courseID: $0.courseID) })
        let horizon = inputs.day.adding(days: setup.rules.matching.horizonDays)
        var lines: [CourseLine] = []
        for listing in inputs.listings {
            let upcoming = listing.course.presentations.contains { presentation in
                guard let start = presentation.start else { return false }
                return start >= inputs.day && start <= horizon
            }
            guard upcoming else { continue }
            let keys = listing.sources.map { CourseKey.make(provider: $0.provider.id, courseID: $0.courseID) }
            guard !keys.contains(where: { given.contains($0) || shortlisted.contains($0) }),
                  let source = listing.sources.first else { continue }
            lines.append(CourseLine(provider: source.provider.name, id: source.courseID, title: listing.course.title, suggestions: ""))
        }
        lines.sort { ($0.provider, $0.id) < ($1.provider, $1.id) }
        return (lines, lines.count)
    }

    /// Courses that neither the feed nor the rules tag with an ability, with the suggested tags.
    private static func untaggedCourses(inputs: MailInputs, setup: Setup) -> ([CourseLine], Int) {
        let lines = UntaggedCourse.list(inputs.listings, rules: setup.rules.courseTags, catalog: setup.catalog).map {
            CourseLine(provider: $0.provider.name, id: $0.courseID, title: $0.title, suggestions: $0.suggestionText)
        }
        return (lines, lines.count)
    }
}
