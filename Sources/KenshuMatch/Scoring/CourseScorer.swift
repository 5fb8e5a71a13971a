import KenshuCore

/// Scores an eligible course for a person, by the rules' weights.
public struct CourseScorer: Sendable {
    let rules: MatchingRules
    let tagger: AbilityTagger

    public init(rules: MatchingRules, tagger: AbilityTagger) {
        self.rules = rules
        self.tagger = tagger
    }

    /// The course's parts and total; `tags` are its confirmed ability tags, `trained` the
    /// abilities of the person's trainings in the last year (see `recentlyTrained`).
    /// `fiscalYear`: the one the course runs in, for its audiences.
    func score(
        _ course: CourseFacts, tags: [AbilityWeight], trained: Set<Int>, for person: PersonContext, fiscalYear: Int
    ) -> ScoreParts {
        completed(fixedParts(course, for: person, fiscalYear: fiscalYear), tags: tags, trained: trained, for: person)
    }

    /// The parts that depend on the person's rank, years, track, tier and months in rank only,
    /// not on their gaps or history (alike staff share them: see `ScoringProfile`).
    func fixedParts(_ course: CourseFacts, for person: PersonContext, fiscalYear: Int) -> ScoreParts {
        let hasRanks = course.restrictsRank
        let namesRank = hasRanks && course.target(person, fiscalYear: fiscalYear) != nil
        let kind = course.kind
        let tier = course.digitalTier
        var parts = ScoreParts()
        parts.rank = hasRanks ? (namesRank ? 1 : 0) : 0.5
        switch (kind, person.staff.track) {
        case ("external.open-call.generalist", "generalist"), ("external.open-call.professional", "professional"):
            parts.track = 1
        default:
            parts.track = 0
        }
        parts.tier = tier != nil && tier == person.staff.digitalTier ? 1 : 0
        parts.mandatory = kind == "external.rank-based" && namesRank && ScoringProfile.isNewlyPromoted(person, rules: rules)
        return parts
    }

    /// `fixed` with the parts from the person's gaps and recent trainings, and the total.
    func completed(_ fixed: ScoreParts, tags: [AbilityWeight], trained: Set<Int>, for person: PersonContext) -> ScoreParts {
        var parts = fixed
        parts.gap = 0
        var untrained = 0
        for tag in tags {
            parts.gap += (person.gap(tag.ability)?.gap ?? 0) * tag.weight
            if !trained.contains(tag.ability) { untrained += 1 }
        }
        parts.novelty = tags.isEmpty ? 0 : Double(untrained) / Double(tags.count)
        let weights = rules.weights
        parts.total = weights.gap * parts.gap + weights.rank * parts.rank + weights.track * parts.track
            + weights.tier * parts.tier + weights.novelty * parts.novelty + (parts.mandatory ? weights.mandatory : 0)
        return parts
    }

    /// The abilities of the person's trainings in the last year (their titles tagged by the rules).
    public func recentlyTrained(_ person: PersonContext) -> Set<Int> {
        let since = person.today.adding(days: -365)
        var trained: Set<Int> = []
        for record in person.history where record.completedOn >= since {
            let past = Course(provider: CourseProvider(id: record.provider, name: record.provider), id: record.courseID,
                              title: record.title)
            trained.formUnion(tagger.tags(for: past).map(\.ability))
        }
        return trained
    }
}
