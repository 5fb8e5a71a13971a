import KenshuCore
import Testing
@testable import KenshuMatch

/// Gaps: expected for the band − the weighted mean of the latest period's ratings, floored at 0.
struct GapTests {
    @Test func theLatestPeriodsRatingsAreWeightedByRater() throws {
        let world = try MatchFixtures()
        let ratings = [
            Evaluation(staffID: "1", ability: 4, score: 5, rater: .selfRating, period: 2025),
            Evaluation(staffID: "1", ability: 4, score: 2, rater: .primary, period: 2025),
            Evaluation(staffID: "1", ability: 4, score: 2, rater: .secondary, period: 2025),
            Evaluation(staffID: "1", ability: 4, score: 1, rater: .primary, period: 2024),
        ]
        let gaps = GapCalculator.gaps(band: "general.kakaricho", evaluations: ratings, rules: world.rules)
        let policy = try #require(gaps.first { $0.ability == 4 })
        // (1×5 + 2×2 + 2×2) / 5 = 2.6 against an expected 4.
        #expect(abs(policy.evaluated - 2.6) < 1e-9)
        #expect(abs(policy.gap - 1.4) < 1e-9)
        #expect(!policy.fromPrior)
    }

    @Test func anUnratedAbilityTakesThePriorAndAGapIsNeverNegative() throws {
        let world = try MatchFixtures()
        let ratings = [Evaluation(staffID: "1", ability: 1, score: 5, rater: .primary, period: 2025)]
        let gaps = GapCalculator.gaps(band: "general.kakaricho", evaluations: ratings, rules: world.rules)
        #expect(gaps.count == 10)
        #expect(gaps[0].gap == 0)
        #expect(gaps[1].fromPrior)
        #expect(gaps[1].evaluated == world.rules.priorLevel)
    }

    @Test func aBandWithoutLevelsUsesTheDefault() throws {
        let world = try MatchFixtures()
        let gaps = GapCalculator.gaps(band: "fire.shoboshi", evaluations: [], rules: world.rules)
        #expect(gaps.map(\.expected) == world.rules.defaultLevels)
    }
}
