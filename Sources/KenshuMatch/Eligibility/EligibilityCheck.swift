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

    public init(rules: MatchingRules, resolver: BandResolver) {
        self.rules = rules
        self.resolver = resolver
    }

    /// The presentation to recommend, or why none.
    public func check(_ course: Course, for person: PersonContext) -> EligibilityOutcome {
        if person.staff.optedOut { return .excluded(.optedOut) }
        if let kind = course.kind, kind.hasPrefix("external.dispatch") { return .excluded(.dispatch) }
        if !course.families.isEmpty, !course.families.contains(person.staff.family) {
            return .excluded(.family(targets: course.families.map(\.japaneseName)))
        }
        if !course.ranks.isEmpty, !targetsRank(course, person) {
            return .excluded(.rank(targets: course.ranks))
        }
        if let tier = course.digitalTier, tier != person.staff.digitalTier {
            return .excluded(.digitalTier(target: tier))
        }
        if let completed = lastCompletion(of: course, by: person),
           completed.adding(days: rules.completedCooldownDays) > person.today {
            return .excluded(.completed(on: completed))
        }
        return presentation(of: course, on: person.today)
    }

    /// Whether the course names the person's title, their band id, or a title of their band.
    public func targetsRank(_ course: Course, _ person: PersonContext) -> Bool {
        guard let band = person.band else { return course.ranks.contains(person.staff.title) }
        return course.ranks.contains { rank in
            rank == person.staff.title || rank == band.id
                || resolver.band(family: person.staff.family, title: rank)?.id == band.id
        }
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

    /// When the person last completed this course (same provider and id, or the same title).
    func lastCompletion(of course: Course, by person: PersonContext) -> LocalDate? {
        let title = EligibilityCheck.fold(course.title)
        return person.history.filter { record in
            (record.provider == course.provider.name || record.provider == course.provider.id)
                && !record.courseID.isEmpty && record.courseID == course.id
                || EligibilityCheck.fold(record.title) == title
        }.map(\.completedOn).max()
    }

    /// A title without white space, for comparing how the HR system and a feed write it.
    static func fold(_ title: String) -> String {
        String(title.unicodeScalars.filter { !$0.isUnicodeWhitespace }.map(Character.init)).lowercased()
    }
}
