import KenshuCore
import Testing
@testable import KenshuMatch

/// The recommender: gap coverage ranks courses, the newly promoted get their 階層別研修
/// first as 必須, and every exclusion keeps its reason.
struct RecommenderTests {
    let ratings = (1...10).map { Evaluation(staffID: "1", ability: $0, score: 3, rater: .primary, period: 2025) }
        + [Evaluation(staffID: "1", ability: 4, score: 1, rater: .secondary, period: 2025)]

    @Test func theCourseForTheLargestGapComesFirstWithItsReason() throws {
        let world = try MatchFixtures()
        let person = world.person(world.staff(), evaluations: ratings)
        let result = world.recommender.recommend(for: person, listings: world.listings([
            world.course("A", "接遇研修"), world.course("B", "政策形成研修"),
        ]))
        #expect(result.recommendations.map(\.courseID) == ["B", "A"])
        let reason = try #require(result.recommendations.first?.reasons.first)
        // ④: expected 4, evaluated (2×3 + 2×1) / 4 = 2.
        #expect(reason == "係長の期待水準 ④政策形成能力 4 に対し評価 2。本研修は④を扱います")
    }

    @Test func aNewlyPromotedKakarichoGetsTheRankBasedCourseFirstAsMandatory() throws {
        let world = try MatchFixtures()
        let promoted = world.staff(rankSince: world.today.adding(months: -3))
        let person = world.person(promoted, evaluations: ratings)
        let rankBased = world.course("R", "係長研修", kind: "external.rank-based", ranks: ["係長"])
        let result = world.recommender.recommend(for: person, listings: world.listings([
            world.course("B", "政策形成研修"), rankBased,
        ]))
        let first = try #require(result.recommendations.first)
        #expect(first.courseID == "R")
        #expect(first.mandatory)
        #expect(first.reasons.first == "係長昇任 3か月: 階層別研修（必須）")
        // Promoted long ago: the same course is no longer 必須, and with no ability tag it
        // has nothing else to recommend it.
        let veteran = world.person(world.staff(), evaluations: ratings)
        let later = world.recommender.recommend(for: veteran, listings: world.listings([rankBased]))
        #expect(later.recommendations.isEmpty)
        #expect(later.excluded.first?.reason == .untagged)
    }

    @Test func excludedCoursesKeepTheirReasonsAndUntaggedOnesAreLeftOut() throws {
        let world = try MatchFixtures()
        let person = world.person(world.staff(), evaluations: ratings)
        let result = world.recommender.recommend(for: person, listings: world.listings([
            world.course("Z", "Excel入門"), world.course("P", "政策形成研修", startIn: 20, applyBy: -2),
        ]))
        #expect(result.recommendations.isEmpty)
        #expect(Set(result.excluded.map(\.courseID)) == ["Z", "P"])
        #expect(result.excluded.first { $0.courseID == "Z" }?.reason == .untagged)
    }

    @Test func atMostPerPersonAreRecommendedAndTheRestAreStillEligible() throws {
        var world = try MatchFixtures()
        world.rules.perPerson = 2
        let person = world.person(world.staff(), evaluations: ratings)
        let courses = (1...4).map { world.course("C\($0)", "政策形成研修 第\($0)期", startIn: 10 * $0) }
        let result = world.recommender.recommend(for: person, listings: world.listings(courses))
        #expect(result.recommendations.map(\.courseID) == ["C1", "C2"])
        #expect(result.alsoEligible.map(\.courseID) == ["C3", "C4"])
    }

    @Test func dispatchGoesToTheHRShortlistNeverToTheStaff() throws {
        let world = try MatchFixtures()
        let dispatch = world.course("D", "政策形成 長期研修", kind: "external.dispatch.long-term.academy", startIn: 200, applyBy: 100)
        let persons = [world.person(world.staff("1"), evaluations: ratings), world.person(world.staff("2", optedOut: true))]
        let result = world.recommender.recommend(for: persons[0], listings: world.listings([dispatch]))
        #expect(result.recommendations.isEmpty)
        #expect(result.excluded.first?.reason == .dispatch)
        let shortlists = world.recommender.dispatchShortlists(persons, listings: world.listings([dispatch]))
        #expect(shortlists.map(\.courseID) == ["D"])
        #expect(shortlists.first?.candidates.map(\.staffID) == ["1"])
        #expect(shortlists.first?.candidates.first?.reasons.isEmpty == false)
    }
}
