import KenshuCore

/// Reads the `mentors` section of `rules.yaml`.
enum MentorRulesLoader {
    static let keys = [
        "menteeHiredWithinYears", "menteePromotedWithinMonths", "minStepsAbove", "minServiceYears", "capacity",
        "capacities", "sameDepartmentFamilies", "idealStepDistance", "excludedPairs", "seniority",
    ]

    static func parse(_ node: YAMLValue?) throws(InputError) -> MentorRules {
        var rules = MentorRules()
        guard let node else { return rules }
        let section = try node.mapping(allowed: keys)
        if let value = section["menteeHiredWithinYears"] { rules.menteeHiredWithinYears = try value.int(in: 0...10) }
        if let value = section["menteePromotedWithinMonths"] { rules.menteePromotedWithinMonths = try value.int(in: 0...60) }
        if let value = section["minStepsAbove"] { rules.minStepsAbove = try value.int(in: 0...5) }
        if let value = section["minServiceYears"] { rules.minServiceYears = try value.int(in: 0...45) }
        if let value = section["capacity"] { rules.capacity = try value.int(in: 0...20) }
        if let seniority = section["seniority"] {
            let values = try seniority.mapping(allowed: ["yearsMoreInService"])
            if let value = values["yearsMoreInService"] { rules.seniorityYearsMoreInService = try value.int(in: 0...40) }
        }
        for (id, _, value) in try section["capacities"]?.entries() ?? [] {
            rules.capacityOverrides[id] = try value.int(in: 0...20)
        }
        if let list = section["sameDepartmentFamilies"] {
            rules.sameDepartmentFamilies = []
            for item in try list.sequence() {
                let name = try item.string()
                guard let family = JobFamily(parsing: name) else {
                    throw item.error("職種 '\(name)' はありません",
                                     hint: "\(JobFamily.allCases.map(\.japaneseName).joined(separator: "、")) のいずれか")
                }
                rules.sameDepartmentFamilies.insert(family)
            }
        }
        if let value = section["idealStepDistance"] { rules.idealStepDistance = try value.int(in: 0...5) }
        for item in try section["excludedPairs"]?.sequence() ?? [] {
            let ids = try item.sequence()
            guard ids.count == 2 else { throw item.error("組は職員番号 2 つで書いてください（例: [\"10001\", \"10002\"]）") }
            rules.excludedPairs.insert([try ids[0].string(), try ids[1].string()])
        }
        return rules
    }
}
