import KenshuCore

/// Everything the matching core knows about one member of staff on one day: who they are,
/// their band, their gaps, what they completed. Built by the shell from the store.
public struct PersonContext: Sendable {
    public var staff: StaffMember
    /// nil when the title resolves to no band (an unknown-title warning in status).
    public var band: RankBand?
    public var gaps: [AbilityGap]
    public var history: [TrainingRecord]
    /// The day the recommendations are for.
    public var today: LocalDate
    /// Courses (`provider`␟`courseID`) recommended every week of the rules' `noUptakeWeeks`
    /// before this one: they rest.
    public var recommendedEveryWeek: Set<String>
    /// The work fields and roles of their 所属 and 係 (`WorkRules`), as the matching core
    /// fills them in from its rules.
    public var work = PersonWork()

    public init(staff: StaffMember, band: RankBand?, gaps: [AbilityGap], history: [TrainingRecord], today: LocalDate,
                recommendedEveryWeek: Set<String> = []) {
        self.staff = staff
        self.band = band
        self.gaps = gaps
        self.history = history
        self.today = today
        self.recommendedEveryWeek = recommendedEveryWeek
    }

    /// The gap in one ability (gaps are kept in order ①〜⑩, so it is found by position).
    public func gap(_ ability: Int) -> AbilityGap? {
        let index = ability - 1
        if gaps.indices.contains(index), gaps[index].ability == ability { return gaps[index] }
        return gaps.first { $0.ability == ability }
    }

    /// The same person with their work as `rules` says it.
    func withWork(_ rules: WorkRules) -> PersonContext {
        var person = self
        person.work = PersonWork(staff: staff, rules: rules)
        return person
    }

    /// Whole months in the current band (from 現職位発令日), when known.
    public var monthsInRank: Int? {
        staff.rankSince.map { $0.months(until: today) }
    }
}

/// What a member of staff works on, by the rules' work map: the fields of their 所属 and
/// 係, where each comes from, and their roles.
public struct PersonWork: Sendable, Hashable {
    public var fields: Set<String> = []
    /// Field → the place that owns it for this person (税務課, or 企画政策課 財政係).
    public var placeOfField: [String: String] = [:]
    public var roles: Set<String> = []

    public init() {}

    public init(staff: StaffMember, rules: WorkRules) {
        guard !rules.isEmpty else { return }
        placeOfField = rules.placeOfField(department: staff.department, section: staff.section)
        fields = Set(placeOfField.keys)
        roles = rules.roles(department: staff.department, section: staff.section)
    }
}
