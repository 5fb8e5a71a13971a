import KenshuCore

/// What eligibility and the score know of a person apart from their gaps and history: their
/// day, family, title, band, tier and track, their work (fields and roles), whether they
/// are newly promoted, which of the day's course audiences they are in, whether they opted
/// out. Staff with one profile are eligible for the same courses (before their own
/// history is looked at) with the same rank, track, tier and mandatory parts, so a weekly
/// run works those out once per profile, not once per person.
struct ScoringProfile: Hashable {
    let today: LocalDate
    let optedOut: Bool
    let family: JobFamily
    let title: String
    let band: String?
    let digitalTier: String?
    let track: String?
    let newlyPromoted: Bool
    /// In each of the day's audiences (`CourseGroups.audienceChecks`) or not.
    let audiences: [Bool]
    /// Their work (fields and roles of their 所属 and 係).
    let work: PersonWork

    init(_ person: PersonContext, rules: MatchingRules, audiences: [Bool]) {
        today = person.today
        optedOut = person.staff.optedOut
        family = person.staff.family
        title = person.staff.title
        band = person.band?.id
        digitalTier = person.staff.digitalTier
        track = person.staff.track
        newlyPromoted = Self.isNewlyPromoted(person, rules: rules)
        self.audiences = audiences
        work = person.work
    }

    /// In their band for fewer than the rules' `newlyPromotedMonths` (false when unknown).
    static func isNewlyPromoted(_ person: PersonContext, rules: MatchingRules) -> Bool {
        person.monthsInRank.map { $0 < rules.newlyPromotedMonths } ?? false
    }
}
