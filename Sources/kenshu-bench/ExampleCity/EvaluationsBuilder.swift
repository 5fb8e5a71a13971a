import KenshuCore

/// Personnel evaluations (人事評価) for the example city: the last fiscal year for most staff
/// (new hires and a few others have none yet), the year before for about half.
enum EvaluationsBuilder {
    static let header = ["職員番号", "能力", "評価", "評価者", "年度"]
    static let abilityMarks = ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"]

    static func rows(for people: [ExamplePerson], asOf: LocalDate, seed: UInt64) -> [[String]] {
        var rng = SeededRandom(seed: seed ^ 0xE7A1)
        let latest = asOf.fiscalYear - 1
        var rows: [[String]] = []
        for person in people {
            guard person.hiredOn.fiscalYear <= latest, !rng.chance(0.03) else { continue }
            // A person's level: higher up the ladder, plus their own strengths per ability.
            let base = 1.9 + 0.45 * Double(person.step) + Double.random(in: -0.4...0.4, using: &rng)
            let strengths = (0..<10).map { _ in Double.random(in: -0.8...0.8, using: &rng) }
            var periods = [latest]
            if person.hiredOn.fiscalYear <= latest - 1, rng.chance(0.5) { periods.append(latest - 1) }
            let secondary = person.step < 5 && rng.chance(0.5)
            for period in periods {
                let growth = period == latest ? 0.0 : -0.2
                for ability in 0..<10 {
                    let level = base + strengths[ability] + growth
                    var raters = [("本人", 0.3), ("一次", 0.0)]
                    if secondary { raters.append(("二次", -0.1)) }
                    for (rater, bias) in raters {
                        let score = score(level + bias + Double.random(in: -0.5...0.5, using: &rng))
                        rows.append([person.id, abilityMarks[ability], String(score), rater, String(period)])
                    }
                }
            }
        }
        return rows
    }

    private static func score(_ value: Double) -> Int { min(5, max(1, Int(value.rounded()))) }
}
