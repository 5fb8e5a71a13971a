import KenshuCore
import Testing
@testable import KenshuMatch

/// The mentor programme: who is a mentee, each hard rule, and the pairing.
struct MentorMatcherTests {
    func person(_ world: MatchFixtures, _ id: String, title: String, department: String = "総務課", hired: Int = 20,
                promotedMonthsAgo: Int = 60, trained: Bool = false, manager: String? = nil,
                margins: [Int: Double] = [:]) -> MentorPerson {
        var staff = world.staff(id, title: title, rankSince: world.today.adding(months: -promotedMonthsAgo))
        staff.department = department
        staff.hiredOn = world.today.adding(months: -12 * hired)
        staff.managerID = manager
        let gaps = (1...10).map { AbilityGap(ability: $0, expected: 3, evaluated: 3 + (margins[$0] ?? 0), fromPrior: false) }
        return MentorPerson(staff: staff, band: world.resolver.band(family: staff.family, title: title), gaps: gaps,
                            mentorTrained: trained)
    }

    @Test func menteesAreTheYoungAndTheNewlyPromotedToALeadingBand() throws {
        let world = try MatchFixtures()
        let matcher = MentorMatcher(rules: MentorRules(), catalog: world.catalog)
        #expect(matcher.menteeReason(person(world, "1", title: "主事", hired: 1), on: world.today) != nil)
        #expect(matcher.menteeReason(person(world, "2", title: "係長", promotedMonthsAgo: 3), on: world.today) != nil)
        #expect(matcher.menteeReason(person(world, "3", title: "主任", promotedMonthsAgo: 3), on: world.today) == nil)
        #expect(matcher.menteeReason(person(world, "4", title: "係長"), on: world.today) == nil)
    }

    @Test func eachHardRuleBlocksWithItsReason() throws {
        let world = try MatchFixtures()
        let matcher = MentorMatcher(rules: MentorRules(), catalog: world.catalog)
        let mentee = person(world, "1", title: "主事", department: "税務課", hired: 1, manager: "9")
        func block(_ mentor: MentorPerson, chain: Set<String> = ["9", "8"]) -> MentorRule? {
            matcher.block(mentor: mentor, mentee: mentee, chain: chain, on: world.today)
        }
        #expect(block(person(world, "2", title: "係長", trained: true)) == nil)
        #expect(block(person(world, "2", title: "係長")) == .notTrained)
        #expect(block(person(world, "2", title: "主任", trained: true)) == .notSenior)
        #expect(block(person(world, "2", title: "係長", hired: 3, trained: true)) == .tooJunior)
        #expect(block(person(world, "2", title: "係長", department: "税務課", trained: true)) == .sameDepartment)
        #expect(block(person(world, "8", title: "課長", trained: true)) == .inManagementChain)
        var excluded = MentorRules()
        excluded.excludedPairs = [["1", "2"]]
        #expect(MentorMatcher(rules: excluded, catalog: world.catalog)
            .block(mentor: person(world, "2", title: "係長", trained: true), mentee: mentee, chain: [], on: world.today)
            == .excludedPair)
    }

    @Test func everyMenteeGetsAnAllowedMentorOrAReason() throws {
        let world = try MatchFixtures()
        var rules = MentorRules()
        rules.capacity = 1
        let matcher = MentorMatcher(rules: rules, catalog: world.catalog)
        let people = [
            person(world, "m1", title: "主事", department: "税務課", hired: 1, margins: [4: -2]),
            person(world, "m2", title: "主事", department: "市民課", hired: 1, margins: [7: -2]),
            person(world, "m3", title: "主事", department: "市民課", hired: 1),
            person(world, "A", title: "係長", department: "総務課", trained: true, margins: [4: 1.5]),
            person(world, "B", title: "課長", department: "福祉課", trained: true, margins: [7: 1.5]),
        ]
        let result = matcher.match(people, on: world.today)
        #expect(Set(result.pairs.map { "\($0.mentee)-\($0.mentor)" }) .count == 2)
        // The mentor strong in ④ goes to the mentee weak in ④, the one strong in ⑦ to the one weak in ⑦.
        #expect(result.pairs.contains { $0.mentee == "m1" && $0.mentor == "A" })
        #expect(result.pairs.contains { $0.mentee == "m2" && $0.mentor == "B" })
        #expect(result.unmatched.map(\.mentee) == ["m3"])
        #expect(result.unmatched.first?.reason.contains("上限") == true)
        #expect(result.pairs.first { $0.mentee == "m1" }?.reasons.contains { $0.contains("④政策形成能力") } == true)
    }

    @Test func activePairsAreKeptAndEndWhenARuleOrThePeriodEnds() throws {
        let world = try MatchFixtures()
        let matcher = MentorMatcher(rules: MentorRules(), catalog: world.catalog)
        let people = [
            person(world, "m1", title: "主事", department: "税務課", hired: 1),
            person(world, "m2", title: "主事", department: "税務課", hired: 5),
            person(world, "m3", title: "主事", department: "総務課", hired: 1),
            person(world, "A", title: "係長", department: "総務課", trained: true),
            person(world, "B", title: "係長", department: "福祉課", trained: true),
        ]
        let result = matcher.match(people, on: world.today, active: [("B", "m1"), ("A", "m2"), ("A", "m3")],
                                   past: [["A", "m1"]])
        let status = Dictionary(uniqueKeysWithValues: result.pairs.map { ("\($0.mentee)-\($0.mentor)", $0.status) })
        #expect(status["m1-B"] == .kept)
        #expect(status["m2-A"] == .ended)   // no longer a mentee
        #expect(status["m3-A"] == .ended)   // same department now forbidden
        #expect(result.pairs.first { $0.mentee == "m3" && $0.status == .new }?.mentor == "B")
        #expect(result.pairs.first { $0.mentee == "m3" && $0.status == .ended }?.reasons == [MentorRule.sameDepartment.text])
    }

    /// Random people of every band (and none), three departments, some untrained, inactive or
    /// junior, an id used twice, a management chain, excluded and past pairs.
    func randomWorld(_ world: MatchFixtures, seed: Int) -> (mentees: [MentorPerson], mentors: [MentorPerson],
                                                              chains: [Set<String>], past: Set<[String]>, rules: MentorRules) {
        var random = SeededRandom(seed: UInt64(seed) &* 2_654_435_761 &+ 1)
        let departments = ["総務課", "税務課", "保育園"]
        func someone(_ id: String) -> MentorPerson {
            let band = Int.random(in: 0...8, using: &random) == 0 ? nil : world.catalog.bands.randomElement(using: &random)
            var staff = world.staff(id, title: band?.titles.first ?? "嘱託", family: band?.family ?? .general)
            if Bool.random(using: &random) { staff.family = JobFamily.allCases.randomElement(using: &random) ?? .general }
            staff.department = departments.randomElement(using: &random) ?? ""
            staff.hiredOn = world.today.adding(months: -Int.random(in: 0...300, using: &random))
            staff.active = Int.random(in: 0...9, using: &random) != 0
            let gaps = (1...10).map {
                AbilityGap(ability: $0, expected: 3, evaluated: Double(Int.random(in: 10...50, using: &random)) / 10, fromPrior: false)
            }
            return MentorPerson(staff: staff, band: band, gaps: gaps, mentorTrained: Int.random(in: 0...5, using: &random) != 0)
        }
        let mentees = (0..<12).map { someone("e\($0)") }
        var mentors = (0..<15).map { someone("r\($0)") }
        mentors.append(someone("e0"))
        let chains = mentees.map { _ in Set((0..<Int.random(in: 0...2, using: &random)).map { _ in "r\(Int.random(in: 0..<15, using: &random))" }) }
        var rules = MentorRules()
        rules.excludedPairs = [["r1", "e1"], ["e2", "r2"], ["r3"], ["r4", "e4", "x"]]
        return (mentees, mentors, chains, [["r5", "e5"], ["e6", "r6"]], rules)
    }

    @Test(arguments: 0..<30)
    func pairsAreBlockedAndCostedAsRuleByRule(seed: Int) throws {
        let world = try MatchFixtures()
        let (mentees, mentors, chains, past, rules) = randomWorld(world, seed: seed)
        let matcher = MentorMatcher(rules: rules, catalog: world.catalog)
        let pairs = MentorPairs(matcher: matcher, mentees: mentees, mentors: mentors, chains: chains, past: past, on: world.today)
        var costs = [Int64](repeating: 0, count: mentors.count)
        for (row, mentee) in mentees.enumerated() {
            costs.withUnsafeMutableBufferPointer { pairs.costs(ofRow: row, into: $0) }
            for (column, mentor) in mentors.enumerated() {
                let expected = matcher.block(mentor: mentor, mentee: mentee, chain: chains[row], on: world.today)
                    ?? (past.contains([mentor.staff.id, mentee.staff.id]) ? .excludedPair : nil)
                #expect(pairs.block(row: row, column: column) == expected, "seed \(seed): \(mentee.staff.id)–\(mentor.staff.id)")
                let cost = expected == nil ? -matcher.quality(mentor: mentor, mentee: mentee) : CapacitatedAssignment.forbidden
                #expect(costs[column] == cost, "seed \(seed): \(mentee.staff.id)–\(mentor.staff.id)")
            }
        }
    }

    @Test(arguments: 0..<10)
    func aLargeRunIsTheBestPairingOfTheAllowedPairs(seed: Int) throws {
        let world = try MatchFixtures()
        var random = SeededRandom(seed: UInt64(seed) &+ 500)
        var rules = MentorRules()
        rules.capacity = 1
        let matcher = MentorMatcher(rules: rules, catalog: world.catalog)
        let departments = (0..<6).map { "課\($0)" }
        var people: [MentorPerson] = []
        for index in 0..<Int.random(in: 100...400, using: &random) {
            let margins = Dictionary(uniqueKeysWithValues: (1...10).map { ($0, Double(Int.random(in: -20...20, using: &random)) / 10) })
            people.append(person(world, "e\(index)", title: "主事", department: departments.randomElement(using: &random) ?? "",
                                 hired: 1, margins: margins))
        }
        let titles = ["係長", "課長", "主査", "課長補佐"]
        for index in 0..<Int.random(in: 50...300, using: &random) {
            let margins = Dictionary(uniqueKeysWithValues: (1...10).map { ($0, Double(Int.random(in: -20...20, using: &random)) / 10) })
            people.append(person(world, "r\(index)", title: titles.randomElement(using: &random) ?? "係長",
                                 department: departments.randomElement(using: &random) ?? "", hired: Int.random(in: 5...30, using: &random),
                                 trained: true, margins: margins))
        }
        let result = matcher.match(people, on: world.today)
        // The same instance, rule by rule and pair by pair, through the edge-list solver.
        let mentees = people.filter { $0.staff.id.hasPrefix("e") }
        let mentors = people.filter { $0.staff.id.hasPrefix("r") }
        var edges: [CapacitatedAssignment.Edge] = []
        for (row, mentee) in mentees.enumerated() {
            for (column, mentor) in mentors.enumerated() where matcher.block(mentor: mentor, mentee: mentee, chain: [], on: world.today) == nil {
                edges.append(.init(left: row, right: column, cost: -matcher.quality(mentor: mentor, mentee: mentee)))
            }
        }
        let expected = CapacitatedAssignment.solve(left: mentees.count, capacities: mentors.map { _ in 1 }, edges: edges)
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.staff.id, $0) })
        let quality = result.pairs.reduce(Int64(0)) { total, pair in
            total + (byID[pair.mentor].flatMap { mentor in byID[pair.mentee].map { matcher.quality(mentor: mentor, mentee: $0) } } ?? 0)
        }
        #expect(result.pairs.count == expected.matched, "seed \(seed)")
        #expect(quality == -expected.totalCost, "seed \(seed)")
        #expect(result.pairs.count + result.unmatched.count == mentees.count)
        #expect(Set(result.pairs.map(\.mentor)).count == result.pairs.count)
    }

    @Test func aMenteeNoMentorMayTakeIsToldTheCommonestRule() throws {
        let world = try MatchFixtures()
        let matcher = MentorMatcher(rules: MentorRules(), catalog: world.catalog)
        let people = [
            person(world, "m1", title: "主事", department: "税務課", hired: 1, manager: "A"),
            person(world, "A", title: "係長", department: "総務課", trained: true),
            person(world, "B", title: "係長", department: "税務課", trained: true),
            person(world, "C", title: "課長", department: "税務課", trained: true),
            person(world, "D", title: "主任", department: "市民課", trained: true),
        ]
        let result = matcher.match(people, on: world.today, past: [["D", "m1"]])
        #expect(result.pairs.isEmpty)
        #expect(result.unmatched.map(\.reason) == ["すべての規則を満たすメンターがいません（最も多い理由: \(MentorRule.sameDepartment.text)、2人）"])
        let alone = matcher.match([people[0]], on: world.today)
        #expect(alone.unmatched.map(\.reason) == ["メンター研修を修了した職員がいません"])
    }

    @Test func qualityRoundsHalvesAwayFromZeroAsTheLibraryDoes() {
        var random = SeededRandom(seed: 42)
        let edges: [Double] = [0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
                               4_503_599_627_370_495.5, -4_503_599_627_370_495.5, 9_007_199_254_740_992, 1e18, -1e18]
        let draws = (0..<10_000).map { _ in Double.random(in: -3_000...3_000, using: &random) }
        let halves = (0..<1_000).map { _ in Double(Int.random(in: -3_000...3_000, using: &random)) + 0.5 }
        for value in edges + draws + halves {
            #expect(MentorMatcher.rounded(value) == Int64(value.rounded()), "\(value)")
        }
    }
}
