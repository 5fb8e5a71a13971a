import KenshuCore

/// A member of staff as the mentor programme sees them: band, years of service, gaps and
/// strengths, whether mentor-trained.
public struct MentorPerson: Sendable {
    public var staff: StaffMember
    public var band: RankBand?
    /// Per ability ①〜⑩: evaluated − expected (negative: a gap; positive: a strength).
    public var margins: [Double]
    public var mentorTrained: Bool

    public init(staff: StaffMember, band: RankBand?, gaps: [AbilityGap], mentorTrained: Bool) {
        self.staff = staff
        self.band = band
        margins = (1...10).map { ability in
            gaps.first { $0.ability == ability }.map { $0.evaluated - Double($0.expected) } ?? 0
        }
        self.mentorTrained = mentorTrained
    }

    func serviceYears(on day: LocalDate) -> Int {
        staff.hiredOn.map { $0.months(until: day) / 12 } ?? 0
    }
}
