import KenshuCore
import Testing
@testable import KenshuMatch

/// Each eligibility rule excludes with its reason, and lets through what it should.
struct EligibilityTests {
    func outcome(_ course: Course, _ staff: StaffMember, history: [TrainingRecord] = [],
                 world: MatchFixtures) -> EligibilityOutcome {
        EligibilityCheck(rules: world.rules, resolver: world.resolver).check(course, for: world.person(staff, history: history))
    }

    @Test func anOptedOutPersonGetsNothing() throws {
        let world = try MatchFixtures()
        #expect(outcome(world.course("C", "政策形成研修"), world.staff(optedOut: true), world: world) == .excluded(.optedOut))
    }

    @Test func dispatchGoesToTheHRShortlistOnly() throws {
        let world = try MatchFixtures()
        let course = world.course("D", "市町村アカデミー長期研修", kind: "external.dispatch.long-term.academy")
        #expect(outcome(course, world.staff(), world: world) == .excluded(.dispatch))
    }

    @Test func theFamilyRankAndTierMustMatchWhenTheCourseNamesThem() throws {
        let world = try MatchFixtures()
        let nursery = world.course("N", "保育実践研修", families: [.nursery])
        #expect(outcome(nursery, world.staff(), world: world) == .excluded(.family(targets: ["保育士職"])))
        let chiefs = world.course("K", "課長研修", ranks: ["課長"])
        #expect(outcome(chiefs, world.staff(), world: world) == .excluded(.rank(targets: ["課長"])))
        let byBand = world.course("B", "係長研修", ranks: ["general.kakaricho"])
        #expect(outcome(byBand, world.staff(), world: world) == .eligible(byBand.presentations[0]))
        let dx = world.course("X", "DX推進リーダー研修", tier: "dx-leader")
        #expect(outcome(dx, world.staff(), world: world) == .excluded(.digitalTier(target: "dx-leader")))
        #expect(outcome(dx, world.staff(tier: "dx-leader"), world: world) == .eligible(dx.presentations[0]))
    }

    @Test func aPassedApplyByOrAStartBeyondTheHorizonExcludes() throws {
        let world = try MatchFixtures()
        let closed = world.course("A", "政策形成研修", startIn: 20, applyBy: -1)
        #expect(outcome(closed, world.staff(), world: world) == .excluded(.applyByPassed(world.today.adding(days: -1))))
        let far = world.course("F", "政策形成研修", startIn: 400, applyBy: nil)
        #expect(outcome(far, world.staff(), world: world)
            == .excluded(.outsideHorizon(firstStart: world.today.adding(days: 400), days: world.rules.horizonDays)))
        var none = world.course("N", "政策形成研修")
        none.presentations = []
        #expect(outcome(none, world.staff(), world: world) == .excluded(.noPresentation))
    }

    @Test func aCourseCompletedWithinTheCooldownIsNotOfferedAgain() throws {
        let world = try MatchFixtures()
        let course = world.course("C", "政策形成研修")
        let recent = TrainingRecord(staffID: "1", provider: "新潟県自治研修所", courseID: "OLD-ID", title: "政策形成 研修",
                                    completedOn: world.today.adding(days: -200), reportFiledOn: nil)
        #expect(outcome(course, world.staff(), history: [recent], world: world)
            == .excluded(.completed(on: world.today.adding(days: -200))))
        var old = recent
        old.completedOn = world.today.adding(days: -(world.rules.completedCooldownDays + 1))
        #expect(outcome(course, world.staff(), history: [old], world: world) == .eligible(course.presentations[0]))
    }

    @Test func aCourseRecommendedWeeksRunningWithoutUptakeRests() throws {
        let world = try MatchFixtures()
        let course = world.course("C", "政策形成研修")
        var person = world.person(world.staff())
        person.recommendedEveryWeek = ["niigata\u{1F}C"]
        let check = EligibilityCheck(rules: world.rules, resolver: world.resolver)
        #expect(check.check(course, for: person) == .excluded(.noUptake(weeks: world.rules.noUptakeWeeks)))
        var off = world.rules
        off.noUptakeWeeks = 0
        #expect(EligibilityCheck(rules: off, resolver: world.resolver).check(course, for: person) == .eligible(course.presentations[0]))
        // The weekly (grouped) path rests it too.
        let ratings = (1...10).map { Evaluation(staffID: "1", ability: $0, score: 1, rater: .primary, period: 2025) }
        var rated = world.person(world.staff(), evaluations: ratings)
        rated.recommendedEveryWeek = ["niigata\u{1F}C"]
        let weekly = world.recommender.recommendAll([rated], listings: world.listings([course, world.course("D", "法務研修")]))
        #expect(weekly.first?.recommendations.map(\.courseID) == ["D"])
    }
}
