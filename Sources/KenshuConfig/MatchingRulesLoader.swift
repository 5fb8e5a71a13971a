import KenshuCore

/// Reads the matching sections of `rules.yaml` (`levels`, `evaluation`, `recommendations`),
/// checking every band id, ability count, level and weight against the catalogue and its range.
enum MatchingRulesLoader {
    static let levelKeys = ["default", "bands"]
    static let evaluationKeys = ["raters", "prior"]
    static let recommendationKeys = [
        "horizonDays", "perPerson", "perYear", "completedCooldownDays", "noUptakeWeeks", "newlyPromotedMonths", "weights",
    ]
    static let weightKeys = ["gap", "rank", "track", "tier", "novelty", "mandatory"]

    static func parse(
        levels: YAMLValue?, evaluation: YAMLValue?, recommendations: YAMLValue?, catalog: PolicyCatalog
    ) throws(InputError) -> MatchingRules {
        var rules = MatchingRules()
        if let levels {
            let section = try levels.mapping(allowed: levelKeys)
            if let node = section["default"] { rules.defaultLevels = try tenLevels(node) }
            let bandIDs = catalog.bands.map(\.id)
            for (band, key, node) in try section["bands"]?.entries() ?? [] {
                guard bandIDs.contains(band) else {
                    throw key.error("職位区分 '\(band)' はありません",
                                    hint: closest(band, in: bandIDs).map { "'\($0)' の書き間違いではありませんか" } ?? "kenshu catalog show で一覧を確かめてください")
                }
                rules.expectedLevels[band] = try tenLevels(node)
            }
        }
        if let evaluation {
            let section = try evaluation.mapping(allowed: evaluationKeys)
            for (name, key, node) in try section["raters"]?.entries() ?? [] {
                guard let role = RaterRole(parsing: name) else {
                    throw key.error("評価者 '\(name)' はありません", hint: "本人、一次、二次のいずれか")
                }
                rules.raterWeights[role] = try node.double(in: 0...100)
            }
            if let node = section["prior"] { rules.priorLevel = try node.double(in: 1...5) }
        }
        if let recommendations {
            let section = try recommendations.mapping(allowed: recommendationKeys)
            if let node = section["horizonDays"] { rules.horizonDays = try node.int(in: 1...730) }
            if let node = section["perPerson"] { rules.perPerson = try node.int(in: 1...50) }
            if let node = section["perYear"] { rules.perYear = try node.int(in: 0...100) }
            if let node = section["completedCooldownDays"] { rules.completedCooldownDays = try node.int(in: 0...7_300) }
            if let node = section["noUptakeWeeks"] { rules.noUptakeWeeks = try node.int(in: 0...52) }
            if let node = section["newlyPromotedMonths"] { rules.newlyPromotedMonths = try node.int(in: 0...60) }
            if let weights = try section["weights"]?.mapping(allowed: weightKeys) {
                if let node = weights["gap"] { rules.weights.gap = try node.double(in: 0...1_000) }
                if let node = weights["rank"] { rules.weights.rank = try node.double(in: 0...1_000) }
                if let node = weights["track"] { rules.weights.track = try node.double(in: 0...1_000) }
                if let node = weights["tier"] { rules.weights.tier = try node.double(in: 0...1_000) }
                if let node = weights["novelty"] { rules.weights.novelty = try node.double(in: 0...1_000) }
                if let node = weights["mandatory"] { rules.weights.mandatory = try node.double(in: 0...10_000) }
            }
        }
        return rules
    }

    /// `[2, 2, 3, 2, 2, 2, 3, 2, 2, 3]`: the expected levels of ①〜⑩, each 1〜5.
    private static func tenLevels(_ node: YAMLValue) throws(InputError) -> [Int] {
        let items = try node.sequence()
        guard items.count == 10 else {
            throw node.error("水準は ①〜⑩ の 10 個を書きますが、\(items.count) 個あります", hint: "例: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3]")
        }
        var levels: [Int] = []
        for item in items { levels.append(try item.int(in: 1...5)) }
        return levels
    }

    private static func closest(_ key: String, in candidates: [String]) -> String? {
        YAMLValue.closest(to: key, in: candidates)
    }
}
