import KenshuCore

/// Courses that are alike for eligibility and scoring (the same families, ranks, audiences
/// and the fiscal year they are counted in, tier, kind and ability tags) form one group: a
/// person is then scored once per group, not once per course, and only the best groups are
/// opened up into their courses. Built once per day from the courses with a presentation
/// open that day.
struct CourseGroups {
    struct Group {
        /// A member whose facts stand for the group's.
        let representative: Int
        /// The fiscal year its audiences are counted in (see `EligibilityCheck.fiscalYear`).
        let fiscalYear: Int
        /// Listing indexes, in the order ties are broken: earlier start, then provider and id.
        let members: [Int]
        /// The members' start days, parallel to `members`.
        let starts: [Int]
    }

    private struct Key: Hashable {
        let families: [String]
        let rankNames: [String]
        let rankBands: [String]
        let audiences: [CourseAudience]
        let lines: [ReadAudienceLine]
        let ownedFields: [String]
        /// Only for courses with audiences or lines: the others are alike in any year.
        let audienceYear: Int?
        let tier: String?
        let kind: String?
        let tags: [AbilityWeight]
    }

    /// An audience in the fiscal year it is counted in, as groups need it checked.
    struct AudienceCheck: Hashable {
        let audience: CourseAudience
        let fiscalYear: Int
    }

    let groups: [Group]
    /// Every audience of the groups, in its fiscal year, once: staff in the same ones (and
    /// alike otherwise) are eligible for the same groups (see `ScoringProfile`).
    let audienceChecks: [(check: AudienceCheck, facts: AudienceFacts)]

    init(facts: [CourseFacts], tags: [[AbilityWeight]], presentations: [EligibilityOutcome], today: LocalDate) {
        var index: [Key: Int] = [:]
        var members: [[(listing: Int, start: Int)]] = []
        var checks: [(check: AudienceCheck, facts: AudienceFacts)] = []
        var seen: Set<AudienceCheck> = []
        for listing in facts.indices {
            guard case .eligible(let presentation) = presentations[listing] else { continue }
            let fact = facts[listing]
            let fiscalYear = EligibilityCheck.fiscalYear(start: presentation.start, today: today)
            // A line's years are checked as an audience of those years alone: the rest of
            // what it names (family, rank, work) is in the person's scoring profile.
            let lineYears = fact.lineTerms.compactMap(\.term.serviceYears).map {
                AudienceFacts(audience: CourseAudience(serviceYears: $0), ranks: .anyRank)
            }
            for audience in fact.audiences + lineYears
            where seen.insert(AudienceCheck(audience: audience.audience, fiscalYear: fiscalYear)).inserted {
                checks.append((AudienceCheck(audience: audience.audience, fiscalYear: fiscalYear), audience))
            }
            let key = Key(families: fact.families.map(\.rawValue).sorted(), rankNames: fact.rankSet.names.sorted(),
                          rankBands: fact.rankSet.bands.sorted(), audiences: fact.audiences.map(\.audience),
                          lines: fact.lines, ownedFields: fact.ownedFields,
                          audienceYear: fact.audiences.isEmpty && fact.lines.isEmpty ? nil : fiscalYear,
                          tier: fact.digitalTier, kind: fact.kind, tags: tags[listing])
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
            let fiscalYear = EligibilityCheck.fiscalYear(of: presentations[sorted[0].listing], today: today)
            return Group(representative: sorted[0].listing, fiscalYear: fiscalYear, members: sorted.map(\.listing),
                         starts: sorted.map(\.start))
        }
        audienceChecks = checks
    }

    /// Which of `audienceChecks` the person is in, in order.
    func audiences(of person: PersonContext) -> [Bool] {
        audienceChecks.map { $0.facts.contains(person, fiscalYear: $0.check.fiscalYear) }
    }
}
