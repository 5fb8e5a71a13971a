import KenshuCore

/// A course for a person: the presentation to apply for, or the rule that leaves it out.
public enum EligibilityOutcome: Sendable, Hashable {
    case eligible(Presentation)
    case excluded(ExclusionReason)
}

/// The eligibility rules: whether a course may be recommended to a person, and if so which
/// presentation; if not, the rule that excludes it.
public struct EligibilityCheck: Sendable {
    let rules: MatchingRules
    let resolver: BandResolver
    let lineReader: AudienceLineReader

    public init(rules: MatchingRules, resolver: BandResolver) {
        self.rules = rules
        self.resolver = resolver
        lineReader = AudienceLineReader(rankNames: resolver.rankNames, work: rules.work)
    }

    /// The presentation to recommend, or why none.
    public func check(_ course: Course, for person: PersonContext) -> EligibilityOutcome {
        let person = person.withWork(rules.work)
        let facts = self.facts(course)
        let outcome = presentation(of: course, on: person.today)
        if let reason = personalExclusion(facts, for: person, completed: CompletedTrainings(person.history),
                                          fiscalYear: Self.fiscalYear(of: outcome, today: person.today)) {
            return .excluded(reason)
        }
        return outcome
    }

    /// What eligibility needs of the course, the rules' audiences applied.
    func facts(_ course: Course) -> CourseFacts {
        var memo = CourseFacts.Memo()
        return CourseFacts(course, resolver: resolver, audienceRules: rules.audiences, lineReader: lineReader, memo: &memo)
    }

    /// The facts of each listed course; a title or audience line that many courses share is
    /// read once.
    func facts(_ listings: [CourseListing]) -> [CourseFacts] {
        var memo = CourseFacts.Memo()
        return listings.map {
            CourseFacts($0.course, resolver: resolver, audienceRules: rules.audiences, lineReader: lineReader, memo: &memo)
        }
    }

    /// The fiscal year a course's audience is counted in: that of the presentation to apply
    /// for, else today's.
    static func fiscalYear(of outcome: EligibilityOutcome, today: LocalDate) -> Int {
        guard case .eligible(let presentation) = outcome else { return today.fiscalYear }
        return fiscalYear(start: presentation.start, today: today)
    }

    /// The fiscal year of a presentation starting on `start`, else today's.
    static func fiscalYear(start: LocalDate?, today: LocalDate) -> Int {
        (start ?? today).fiscalYear
    }

    /// The rules that depend on the person (everything but the dates, which `presentation`
    /// checks once per course for everyone); nil when none excludes the course.
    /// `fiscalYear`: the one the course runs in, for its audiences' years (see `fiscalYear(of:today:)`).
    func personalExclusion(
        _ facts: CourseFacts, for person: PersonContext, completed: CompletedTrainings?, fiscalYear: Int,
        forShortlist: Bool = false
    ) -> ExclusionReason? {
        if person.staff.optedOut { return .optedOut }
        if facts.isDispatch && !forShortlist { return .dispatch }
        if !facts.families.isEmpty, !facts.families.contains(person.staff.family) {
            return .family(targets: facts.familyNames)
        }
        if !facts.ownedFields.isEmpty, facts.workField(person) == nil {
            return .work(fields: facts.ownedFields)
        }
        if facts.restrictsRank, facts.target(person, fiscalYear: fiscalYear) == nil {
            if !facts.lines.isEmpty {
                return .audienceLine(lines: facts.lines.map(\.line), unread: facts.lines.flatMap(\.unread))
            }
            return facts.audiences.isEmpty ? .rank(targets: facts.ranks)
                : .audience(ranks: facts.ranks, audiences: facts.audiences.map(\.audience))
        }
        if let tier = facts.digitalTier, tier != person.staff.digitalTier {
            return .digitalTier(target: tier)
        }
        if let completed, let reason = courseExclusion(facts, for: person, completed: completed) { return reason }
        return nil
    }

    /// The rules about this very course and this person's past: completed within the
    /// cool-down, or recommended week after week without uptake.
    func courseExclusion(_ facts: CourseFacts, for person: PersonContext, completed: CompletedTrainings) -> ExclusionReason? {
        if let last = completed.last(of: facts), last.adding(days: rules.completedCooldownDays) > person.today {
            return .completed(on: last)
        }
        if rules.noUptakeWeeks > 0, person.recommendedEveryWeek.contains(CourseKey.make(provider: facts.providerID, courseID: facts.courseID)) {
            return .noUptake(weeks: rules.noUptakeWeeks)
        }
        return nil
    }

    /// The first presentation open for application and starting within the horizon.
    func presentation(of course: Course, on today: LocalDate) -> EligibilityOutcome {
        guard !course.presentations.isEmpty else { return .excluded(.noPresentation) }
        let horizon = today.adding(days: rules.horizonDays)
        let upcoming = course.presentations
            .filter { presentation in presentation.start.map { $0 >= today && $0 <= horizon } ?? false }
            .sorted { ($0.start ?? today) < ($1.start ?? today) }
        if let open = upcoming.first(where: { $0.applyBy.map { $0 >= today } ?? true }) { return .eligible(open) }
        if let closed = upcoming.first?.applyBy { return .excluded(.applyByPassed(closed)) }
        let nextStart = course.presentations.compactMap(\.start).filter { $0 >= today }.min()
        return .excluded(.outsideHorizon(firstStart: nextStart, days: rules.horizonDays))
    }

    /// A title without white space, for comparing how the HR system and a feed write it.
    static func fold(_ title: String) -> String {
        String(title.unicodeScalars.filter { !$0.isUnicodeWhitespace }.map(Character.init)).lowercased()
    }
}

/// A person's completed trainings, folded once for the comparisons against every course.
struct CompletedTrainings {
    private let records: [(provider: String, courseID: String, title: String, on: LocalDate)]

    init(_ history: [TrainingRecord]) {
        records = history.map { ($0.provider, $0.courseID, EligibilityCheck.fold($0.title), $0.completedOn) }
    }

    /// When the person last completed this course (same provider and id, or the same title).
    func last(of course: CourseFacts) -> LocalDate? {
        guard !records.isEmpty else { return nil }
        return records.filter { record in
            (record.provider == course.providerName || record.provider == course.providerID)
                && !record.courseID.isEmpty && record.courseID == course.courseID
                || record.title == course.foldedTitle
        }.map(\.on).max()
    }
}
