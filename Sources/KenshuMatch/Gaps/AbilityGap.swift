import KenshuCore

/// How far a member of staff is from what their rank expects in one ability (①〜⑩):
/// expected level for the band − evaluated level, floored at 0.
public struct AbilityGap: Sendable, Hashable, Codable {
    public var ability: Int
    public var expected: Int
    /// Weighted mean of the latest period's ratings, or the rules' prior.
    public var evaluated: Double
    /// True when no rating exists and the prior stands in.
    public var fromPrior: Bool

    public init(ability: Int, expected: Int, evaluated: Double, fromPrior: Bool) {
        self.ability = ability
        self.expected = expected
        self.evaluated = evaluated
        self.fromPrior = fromPrior
    }

    public var gap: Double { max(0, Double(expected) - evaluated) }
}

/// Computes a person's gaps from their band's expected levels and their ratings.
public enum GapCalculator {
    /// Gaps for ①〜⑩. `evaluations` may hold several periods; only the latest counts.
    public static func gaps(band: String, evaluations: [Evaluation], rules: MatchingRules) -> [AbilityGap] {
        let levels = rules.levels(for: band)
        let latest = evaluations.map(\.period).max()
        let current = evaluations.filter { $0.period == latest }
        return (1...10).map { ability in
            let ratings = current.filter { $0.ability == ability }
            var total = 0.0
            var weights = 0.0
            for rating in ratings {
                let weight = rules.raterWeights[rating.rater] ?? 0
                total += weight * Double(rating.score)
                weights += weight
            }
            let expected = levels.indices.contains(ability - 1) ? levels[ability - 1] : 3
            guard weights > 0 else {
                return AbilityGap(ability: ability, expected: expected, evaluated: rules.priorLevel, fromPrior: true)
            }
            return AbilityGap(ability: ability, expected: expected, evaluated: total / weights, fromPrior: false)
        }
    }
}
