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
}
