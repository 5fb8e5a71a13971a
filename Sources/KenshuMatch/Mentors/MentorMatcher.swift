import KenshuCore

/// One mentor–mentee pair, with why it was made, kept or ended.
public struct MentorPair: Sendable, Hashable, Codable {
    /// `new` this run, `kept` from an earlier run, or `ended` now.
    public enum Status: String, Sendable, Hashable, Codable { case new, kept, ended }

    public var mentor: String
    public var mentee: String
    public var status: Status
    public var reasons: [String]
}

/// A mentee left without a mentor, and why.
public struct UnmatchedMentee: Sendable, Hashable, Codable {
    public var mentee: String
    public var reason: String
}

/// The result of a mentor run.
public struct MentorMatching: Sendable, Codable {
    public var pairs: [MentorPair]
    public var unmatched: [UnmatchedMentee]
    /// The active mentors' peer groups (filled in by the run), each a list of staff ids.
    public var groups: [[String]] = []
}

/// The mentor programme's matching core (メンター制度): picks the mentees (young staff and the
/// newly promoted to a managing band), keeps every hard rule, and pairs them with trained
/// mentors for the most pairs and then the best total quality (an exact capacitated
/// assignment). Pure: values in, values out.
public struct MentorMatcher: Sendable {
    let rules: MentorRules
    let catalog: PolicyCatalog

    public init(rules: MentorRules, catalog: PolicyCatalog) {
        self.rules = rules
        self.catalog = catalog
    }

    /// Why a person is a mentee, or nil.
    public func menteeReason(_ person: MentorPerson, on day: LocalDate) -> String? {
        guard person.staff.active, !person.staff.optedOut else { return nil }
        if let hired = person.staff.hiredOn, hired.months(until: day) < 12 * rules.menteeHiredWithinYears {
            return "採用\(rules.menteeHiredWithinYears)年以内の職員です"
        }
        if let band = person.band, band.managerial, let since = person.staff.rankSince,
           since.months(until: day) < rules.menteePromotedWithinMonths {
            return "\(person.staff.title)に昇任して\(since.months(until: day))か月です"
        }
        return nil
    }

    /// The first hard rule that keeps `mentor` from `mentee`, or nil when the pair is allowed.
    public func block(mentor: MentorPerson, mentee: MentorPerson, chain: Set<String>, on day: LocalDate) -> MentorRule? {
        if mentor.staff.id == mentee.staff.id { return .isSelf }
        if let rule = mentorBlock(mentor, menteeBand: mentee.band, menteeServiceYears: mentee.serviceYears(on: day), on: day) {
            return rule
        }
        if mentor.staff.department == mentee.staff.department, !rules.sameDepartmentFamilies.contains(mentee.staff.family) {
            return .sameDepartment
        }
        if chain.contains(mentor.staff.id) { return .inManagementChain }
        if rules.isExcluded(mentor.staff.id, mentee.staff.id) { return .excludedPair }
        return nil
    }

    /// The first of the hard rules that depend only on the mentor and the mentee's band and
    /// years of service (active, trained, service, seniority), or nil. A mentor is senior to
    /// the mentee: a higher step of the same ladder, or else (another family's managerial
    /// band, or the same step) clearly longer in service.
    func mentorBlock(_ mentor: MentorPerson, menteeBand: RankBand?, menteeServiceYears: Int, on day: LocalDate) -> MentorRule? {
        if !mentor.staff.active { return .inactive }
        if !mentor.mentorTrained { return .notTrained }
        let serviceYears = mentor.serviceYears(on: day)
        if serviceYears < rules.minServiceYears { return .tooJunior }
        guard let mentorBand = mentor.band else { return .notSenior }
        let longerInService = serviceYears >= menteeServiceYears + rules.seniorityYearsMoreInService
        if mentorBand.family == menteeBand?.family {
            let menteeStep = menteeBand?.ladderStep ?? 0
            if mentorBand.ladderStep < menteeStep + rules.minStepsAbove { return .notSenior }
            if mentorBand.ladderStep == menteeStep, !longerInService { return .notSenior }
        } else if !mentorBand.managerial || !longerInService {
            return .notSenior
        }
        return nil
    }

    /// How good an allowed pair is (higher is better): the mentor strong where the mentee
    /// has gaps, a rank distance near the ideal, the same family.
    public func quality(mentor: MentorPerson, mentee: MentorPerson) -> Int64 {
        var complement = 0.0
        for ability in 0..<10 { complement += max(0, -mentee.margins[ability]) * max(0, mentor.margins[ability]) }
        return quality(complement: complement, stepDistance: (mentor.band?.ladderStep ?? 0) - (mentee.band?.ladderStep ?? 0),
                       sameFamily: mentor.staff.family == mentee.staff.family)
    }

    /// The quality from its parts: how the mentor's strengths meet the mentee's gaps (Σ gap ×
    /// strength), the mentor's ladder steps above the mentee, and whether their family is one.
    @inline(__always)
    func quality(complement: Double, stepDistance: Int, sameFamily: Bool) -> Int64 {
        let family = sameFamily ? 5.0 : 0
        return Self.rounded(complement * 10 - Double(abs(stepDistance - rules.idealStepDistance)) * 5 + family)
    }

    /// `Int64(value.rounded())` (halves away from zero), without a call into the C library:
    /// the fraction a conversion toward zero drops is exact in a `Double`.
    @inline(__always)
    static func rounded(_ value: Double) -> Int64 {
        let whole = Int64(value)
        let fraction = value - Double(whole)
        // Without branches: the fraction of a mentor's quality is anyone's guess.
        let up: Int64 = fraction >= 0.5 ? 1 : 0
        let down: Int64 = fraction <= -0.5 ? 1 : 0
        return whole &+ up &- down
    }

    /// Pairs everyone. `active` pairs from earlier runs are kept while the mentee is still a
    /// mentee and every rule still allows the pair (the programme is not reshuffled); the
    /// others end, with the reason. `past` pairs (ended before) are never made again.
    public func match(
        _ people: [MentorPerson], on day: LocalDate, active: [(mentor: String, mentee: String)] = [],
        past: Set<[String]> = []
    ) -> MentorMatching {
        let byID = Dictionary(people.map { ($0.staff.id, $0) }, uniquingKeysWith: { first, _ in first })
        var kept: [MentorPair] = []
        var ended: [MentorPair] = []
        var load: [String: Int] = [:]
        for pair in active {
            guard let mentee = byID[pair.mentee], menteeReason(mentee, on: day) != nil else {
                ended.append(MentorPair(mentor: pair.mentor, mentee: pair.mentee, status: .ended,
                                        reasons: ["メンティーの期間を終えました"]))
                continue
            }
            guard let mentor = byID[pair.mentor] else {
                ended.append(MentorPair(mentor: pair.mentor, mentee: pair.mentee, status: .ended, reasons: ["メンターが名簿にいません"]))
                continue
            }
            if let rule = block(mentor: mentor, mentee: mentee, chain: managementChain(of: mentee.staff, in: byID), on: day) {
                ended.append(MentorPair(mentor: pair.mentor, mentee: pair.mentee, status: .ended, reasons: [rule.text]))
                continue
            }
            kept.append(MentorPair(mentor: pair.mentor, mentee: pair.mentee, status: .kept,
                                   reasons: reasons(mentor: mentor, mentee: mentee, on: day)))
            load[pair.mentor, default: 0] += 1
        }
        let keptMentees = Set(kept.map(\.mentee))
        let mentees = people.filter { menteeReason($0, on: day) != nil && !keptMentees.contains($0.staff.id) }
        // Someone who is a mentee now does not mentor at the same time.
        let mentors = people.filter { $0.staff.active && $0.mentorTrained && menteeReason($0, on: day) == nil }
        let pairsAllowed = MentorPairs(matcher: self, mentees: mentees, mentors: mentors,
                                       chains: mentees.map { managementChain(of: $0.staff, in: byID) }, past: past, on: day)
        let capacities = mentors.map { max(0, (rules.capacityOverrides[$0.staff.id] ?? rules.capacity) - (load[$0.staff.id] ?? 0)) }
        let solution = CapacitatedAssignment.solve(capacities: capacities, costs: pairsAllowed)
        var pairs: [MentorPair] = []
        var unmatched: [UnmatchedMentee] = []
        for (row, column) in solution.columnOfRow.enumerated() {
            let mentee = mentees[row]
            if column >= 0 {
                pairs.append(MentorPair(mentor: mentors[column].staff.id, mentee: mentee.staff.id, status: .new,
                                        reasons: reasons(mentor: mentors[column], mentee: mentee, on: day)))
            } else {
                unmatched.append(UnmatchedMentee(mentee: mentee.staff.id,
                                                 reason: unmatchedReason(row: row, allowed: solution.allowed[row], in: pairsAllowed)))
            }
        }
        return MentorMatching(pairs: (kept + pairs + ended).sorted { ($0.mentee, $0.mentor) < ($1.mentee, $1.mentor) },
                              unmatched: unmatched)
    }

    /// Why the mentee in `row` has no mentor: every allowed mentor is full, or the rule that
    /// keeps the most mentors away.
    private func unmatchedReason(row: Int, allowed: Int, in pairs: MentorPairs) -> String {
        if allowed > 0 { return "候補のメンター\(allowed)人は全員、受け持ちの上限に達しています" }
        var blockers: [MentorRule: Int] = [:]
        for column in 0..<pairs.columns {
            if let rule = pairs.block(row: row, column: column) { blockers[rule, default: 0] += 1 }
        }
        guard let (rule, count) = blockers.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }) else {
            return "メンター研修を修了した職員がいません"
        }
        return "すべての規則を満たすメンターがいません（最も多い理由: \(rule.text)、\(count)人）"
    }

    /// The mentee's manager, their manager, and so on up.
    private func managementChain(of staff: StaffMember, in people: [String: MentorPerson]) -> Set<String> {
        var chain: Set<String> = []
        var next = staff.managerID
        while let id = next, !chain.contains(id) {
            chain.insert(id)
            next = people[id]?.staff.managerID
        }
        return chain
    }

    private func reasons(mentor: MentorPerson, mentee: MentorPerson, on day: LocalDate) -> [String] {
        var reasons: [String] = []
        if let why = menteeReason(mentee, on: day) { reasons.append(why) }
        let strengths = (0..<10)
            .filter { mentee.margins[$0] < 0 && mentor.margins[$0] > 0 }
            .sorted { -mentee.margins[$0] * mentor.margins[$0] > -mentee.margins[$1] * mentor.margins[$1] }
        for ability in strengths.prefix(2) {
            let name = catalog.ability(number: ability + 1).map { "\($0.symbol)\($0.shortName)" } ?? "\(ability + 1)"
            reasons.append("メンティーの\(name)を、メンターの強みが補います")
        }
        if mentor.staff.department != mentee.staff.department { reasons.append("異なる所属の先輩です（斜めの関係）") }
        return reasons
    }
}
