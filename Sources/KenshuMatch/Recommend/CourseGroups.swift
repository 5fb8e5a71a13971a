import KenshuCore

/// Courses that are alike for eligibility and scoring (the same families, ranks, tier, kind
/// and ability tags) form one group: a person is then scored once per group, not once per
/// course, and only the best groups are opened up into their courses. Built once per day
/// from the courses with a presentation open that day.
struct CourseGroups {
    struct Group {
        /// A member whose facts stand for the group's.
        let representative: Int
        /// Listing indexes, in the order ties are broken: earlier start, then provider and id.
        let members: [Int]
        /// The members' start days, parallel to `members`.
        let starts: [Int]
    }

    private struct Key: Hashable {
        let families: [String]
        let rankNames: [String]
        let rankBands: [String]
        let tier: String?
        let kind: String?
        let tags: [AbilityWeight]
    }

    let groups: [Group]

    init(facts: [CourseFacts], tags: [[AbilityWeight]], presentations: [EligibilityOutcome]) {
        var index: [Key: Int] = [:]
        var members: [[(listing: Int, start: Int)]] = []
        for listing in facts.indices {
            guard case .eligible(let presentation) = presentations[listing] else { continue }
            let fact = facts[listing]
            let key = Key(families: fact.families.map(\.rawValue).sorted(), rankNames: fact.rankNames.sorted(),
                          rankBands: fact.rankBands.sorted(), tier: fact.digitalTier, kind: fact.kind, tags: tags[listing])
            let start = presentation.start?.daysSinceEpoch ?? Int.max
            if let group = index[key] {
                members[group].append((listing, start))
            } else {
                index[key] = members.count
                members.append([(listing, start)])
            }
        }
        groups = members.map { list in
            let sorted = list.sorted { lhs, rhs in
                if lhs.start != rhs.start { return lhs.start < rhs.start }
                return (facts[lhs.listing].providerID, facts[lhs.listing].courseID)
                    < (facts[rhs.listing].providerID, facts[rhs.listing].courseID)
            }
            return Group(representative: sorted[0].listing, members: sorted.map(\.listing), starts: sorted.map(\.start))
        }
    }
}
