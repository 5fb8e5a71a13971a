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
        if !mentor.staff.active { return .inactive }
        if !mentor.mentorTrained { return .notTrained }
        if mentor.serviceYears(on: day) < rules.minServiceYears { return .tooJunior }
        guard let mentorBand = mentor.band else { return .notSenior }
        if mentorBand.family == mentee.band?.family {
            if mentorBand.ladderStep < (mentee.band?.ladderStep ?? 0) + rules.minStepsAbove { return .notSenior }
        } else if !mentorBand.managerial {
            return .notSenior
        }
        if mentor.staff.department == mentee.staff.department, !rules.sameDepartmentFamilies.contains(mentee.staff.family) {
            return .sameDepartment
        }
        if chain.contains(mentor.staff.id) { return .inManagementChain }
        if rules.isExcluded(mentor.staff.id, mentee.staff.id) { return .excludedPair }
        return nil
    }

    /// How good an allowed pair is (higher is better): the mentor strong where the mentee
    /// has gaps, a rank distance near the ideal, the same family.
    public func quality(mentor: MentorPerson, mentee: MentorPerson) -> Int64 {
        var complement = 0.0
        for ability in 0..<10 { complement += max(0, -mentee.margins[ability]) * max(0, mentor.margins[ability]) }
        let distance = (mentor.band?.ladderStep ?? 0) - (mentee.band?.ladderStep ?? 0)
        let family = mentor.staff.family == mentee.staff.family ? 5.0 : 0
        return Int64((complement * 10 - Double(abs(distance - rules.idealStepDistance)) * 5 + family).rounded())
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
        var edges: [CapacitatedAssignment.Edge] = []
        var blockers: [[MentorRule: Int]] = []
        edges.reserveCapacity(mentees.count * min(mentors.count, 64))
        for menteeIndex in mentees.indices {
            let chain = managementChain(of: mentees[menteeIndex].staff, in: byID)
            var blocked: [MentorRule: Int] = [:]
            for mentorIndex in mentors.indices {
                if let rule = block(mentor: mentors[mentorIndex], mentee: mentees[menteeIndex], chain: chain, on: day)
                    ?? (!past.isEmpty && past.contains([mentors[mentorIndex].staff.id, mentees[menteeIndex].staff.id])
                        ? .excludedPair : nil) {
                    blocked[rule, default: 0] += 1
                } else {
                    edges.append(.init(left: menteeIndex, right: mentorIndex,
                                       cost: -quality(mentor: mentors[mentorIndex], mentee: mentees[menteeIndex])))
                }
            }
            blockers.append(blocked)
        }
        let capacities = mentors.map { max(0, (rules.capacityOverrides[$0.staff.id] ?? rules.capacity) - (load[$0.staff.id] ?? 0)) }
        let solution = CapacitatedAssignment.solve(left: mentees.count, capacities: capacities, edges: edges)
        var matched = Set<Int>()
        var pairs: [MentorPair] = []
        for index in solution.edges {
            let edge = edges[index]
            matched.insert(edge.left)
            pairs.append(MentorPair(mentor: mentors[edge.right].staff.id, mentee: mentees[edge.left].staff.id, status: .new,
                                    reasons: reasons(mentor: mentors[edge.right], mentee: mentees[edge.left], on: day)))
        }
        var allowed = [Int](repeating: 0, count: mentees.count)
        for edge in edges { allowed[edge.left] += 1 }
        let unmatched = mentees.indices.filter { !matched.contains($0) }.map { index -> UnmatchedMentee in
            let possible = allowed[index]
            if possible > 0 {
                return UnmatchedMentee(mentee: mentees[index].staff.id,
                                       reason: "候補のメンター\(possible)人は全員、受け持ちの上限に達しています")
            }
            guard let (rule, count) = blockers[index].max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }) else {
                return UnmatchedMentee(mentee: mentees[index].staff.id, reason: "メンター研修を修了した職員がいません")
            }
            return UnmatchedMentee(mentee: mentees[index].staff.id,
                                   reason: "すべての規則を満たすメンターがいません（最も多い理由: \(rule.text)、\(count)人）")
        }
        return MentorMatching(pairs: (kept + pairs + ended).sorted { ($0.mentee, $0.mentor) < ($1.mentee, $1.mentor) },
                              unmatched: unmatched)
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
