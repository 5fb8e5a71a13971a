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

    /// Whole months in the current band (from 現職位発令日), when known.
    public var monthsInRank: Int? {
        staff.rankSince.map { $0.months(until: today) }
    }
}
