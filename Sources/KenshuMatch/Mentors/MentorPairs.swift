import KenshuCore

/// Every mentee × mentor pair of a mentor run as the solver sees it: the first hard rule that
/// keeps the two apart, or the pair's cost (− quality). Nothing is stored per pair. The rules
/// that depend only on the mentor and the mentee's band and years of service (active, trained,
/// service, seniority) are worked out once per such group of mentees; departments and families are compared as numbers;
/// the rules of single pairs (oneself, the management chain, excluded and past pairs) are a
/// short list per mentee.
struct MentorPairs: AssignmentCosts {
    static let abilities = 10

    let rows: Int
    let columns: Int
    private let matcher: MentorMatcher
    private struct Seniority: Hashable {
        var family: JobFamily?
        var step: Int
        var serviceYears: Int
    }

    /// Per mentee, the row of `bandRules` for their band.
    private let menteeBand: [Int]
    /// Per band of mentees, per mentor: 0, or 1 + the index in `MentorRule.allCases` of the rule.
    private let bandRules: [[UInt8]]
    private let menteeDepartment: [Int]
    private let mentorDepartment: [Int]
    /// Whether the mentee's family keeps mentors of the same department away.
    private let departmentApplies: [Bool]
    private let menteeStep: [Int]
    private let mentorStep: [Int]
    private let menteeFamily: [Int]
    private let mentorFamily: [Int]
    /// Per mentee, per ability: the gap (0 where none).
    private let gaps: [Double]
    /// Per ability, per mentor: the strength (0 where none), each ability's row padded with
    /// zeros to `strengthStride`, a multiple of four.
    private let strengths: [Double]
    private let strengthStride: Int
    /// Per mentee: the mentors (columns) a rule of that very pair keeps away, and the rule.
    private let singles: [[Int: MentorRule]]

    init(matcher: MentorMatcher, mentees: [MentorPerson], mentors: [MentorPerson], chains: [Set<String>],
         past: Set<[String]>, on day: LocalDate) {
        self.matcher = matcher
        rows = mentees.count
        columns = mentors.count
        // Mentees alike in what those rules read of them: their band's family and step, their years of service.
        var bands: [Seniority: Int] = [:]
        var rulesOfBand: [[UInt8]] = []
        menteeBand = mentees.map { mentee in
            let seniority = Seniority(family: mentee.band?.family, step: mentee.band?.ladderStep ?? 0,
                                      serviceYears: mentee.serviceYears(on: day))
            if let known = bands[seniority] { return known }
            bands[seniority] = rulesOfBand.count
            rulesOfBand.append(mentors.map { mentor in
                matcher.mentorBlock(mentor, menteeBand: mentee.band, menteeServiceYears: seniority.serviceYears, on: day)
                    .flatMap { rule in MentorRule.allCases.firstIndex(of: rule).map { UInt8($0 + 1) } } ?? 0
            })
            return rulesOfBand.count - 1
        }
        bandRules = rulesOfBand
        var departments: [String: Int] = [:]
        func number(_ department: String) -> Int {
            if let known = departments[department] { return known }
            departments[department] = departments.count
            return departments.count - 1
        }
        menteeDepartment = mentees.map { number($0.staff.department) }
        mentorDepartment = mentors.map { number($0.staff.department) }
        departmentApplies = mentees.map { !matcher.rules.sameDepartmentFamilies.contains($0.staff.family) }
        menteeStep = mentees.map { $0.band?.ladderStep ?? 0 }
        mentorStep = mentors.map { $0.band?.ladderStep ?? 0 }
        let families = JobFamily.allCases
        menteeFamily = mentees.map { families.firstIndex(of: $0.staff.family) ?? -1 }
        mentorFamily = mentors.map { families.firstIndex(of: $0.staff.family) ?? -2 }
        gaps = mentees.flatMap { mentee in (0..<Self.abilities).map { max(0, -mentee.margins[$0]) } }
        let stride = (mentors.count + 3) / 4 * 4
        var strengths = [Double](repeating: 0, count: Self.abilities * stride)
        for (column, mentor) in mentors.enumerated() {
            for ability in 0..<Self.abilities { strengths[ability * stride + column] = max(0, mentor.margins[ability]) }
        }
        strengthStride = stride
        self.strengths = strengths
        singles = Self.singlePairRules(matcher: matcher, mentees: mentees, mentors: mentors, chains: chains, past: past)
    }

    /// The rules of single pairs, each pair under the first of them that applies.
    private static func singlePairRules(matcher: MentorMatcher, mentees: [MentorPerson], mentors: [MentorPerson],
                                        chains: [Set<String>], past: Set<[String]>) -> [[Int: MentorRule]] {
        var mentorColumns: [String: [Int]] = [:]
        for (column, mentor) in mentors.enumerated() { mentorColumns[mentor.staff.id, default: []].append(column) }
        var menteeRows: [String: [Int]] = [:]
        for (row, mentee) in mentees.enumerated() { menteeRows[mentee.staff.id, default: []].append(row) }
        var singles = [[Int: MentorRule]](repeating: [:], count: mentees.count)
        // In the order `MentorMatcher.block` asks; an earlier rule is not overwritten.
        func keep(_ rule: MentorRule, mentor: String, mentee: String) {
            for row in menteeRows[mentee] ?? [] {
                for column in mentorColumns[mentor] ?? [] where singles[row][column] == nil { singles[row][column] = rule }
            }
        }
        for mentee in mentees { keep(.isSelf, mentor: mentee.staff.id, mentee: mentee.staff.id) }
        for (row, chain) in chains.enumerated() {
            for id in chain { keep(.inManagementChain, mentor: id, mentee: mentees[row].staff.id) }
        }
        for pair in matcher.rules.excludedPairs where pair.count == 2 {
            keep(.excludedPair, mentor: pair[0], mentee: pair[1])
            keep(.excludedPair, mentor: pair[1], mentee: pair[0])
        }
        for pair in past where pair.count == 2 { keep(.excludedPair, mentor: pair[0], mentee: pair[1]) }
        return singles
    }

    /// The first hard rule that keeps the pair apart, as `MentorMatcher.block` (and a past
    /// pair) would give it, or nil.
    func block(row: Int, column: Int) -> MentorRule? {
        let single = singles[row][column]
        if single == .isSelf { return single }
        let code = bandRules[menteeBand[row]][column]
        if code != 0 { return MentorRule.allCases[Int(code) - 1] }
        if departmentApplies[row] && menteeDepartment[row] == mentorDepartment[column] { return .sameDepartment }
        return single
    }

    func costs(ofRow row: Int, into costs: UnsafeMutableBufferPointer<Int64>) {
        let abilities = Self.abilities
        let department = departmentApplies[row] ? menteeDepartment[row] : -1
        let step = menteeStep[row]
        let family = menteeFamily[row]
        let stride = strengthStride
        bandRules[menteeBand[row]].withUnsafeBufferPointer { rules in
        mentorDepartment.withUnsafeBufferPointer { departments in
        mentorStep.withUnsafeBufferPointer { steps in
        mentorFamily.withUnsafeBufferPointer { families in
        strengths.withUnsafeBufferPointer { strengths in
            let gaps = (0..<abilities).map { SIMD4<Double>(repeating: self.gaps[row * abilities + $0]) }
            // Four mentors at a time, each lane summing in the order of abilities, as
            // `MentorMatcher.quality` does.
            for first in Swift.stride(from: 0, to: columns, by: 4) {
                var complement = SIMD4<Double>(repeating: 0)
                for ability in 0..<abilities {
                    let base = ability * stride + first
                    complement += gaps[ability]
                        * SIMD4(strengths[base], strengths[base + 1], strengths[base + 2], strengths[base + 3])
                }
                for lane in 0..<min(4, columns - first) {
                    let column = first + lane
                    costs[column] = rules[column] != 0 || departments[column] == department
                        ? CapacitatedAssignment.forbidden
                        : -matcher.quality(complement: complement[lane], stepDistance: steps[column] - step,
                                           sameFamily: families[column] == family)
                }
            }
        }}}}}
        for column in singles[row].keys { costs[column] = CapacitatedAssignment.forbidden }
    }
}
