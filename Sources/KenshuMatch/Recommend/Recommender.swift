import KenshuCore

/// The matching core for courses: for a person on a day, every listing is checked against
/// the eligibility rules, the eligible ones scored, and the best `perPerson` recommended,
/// each with its reasons. Pure: values in, values out.
public struct Recommender: Sendable {
    let catalog: PolicyCatalog
    let rules: MatchingRules
    let tagger: AbilityTagger
    let eligibility: EligibilityCheck
    let scorer: CourseScorer

    public init(catalog: PolicyCatalog, rules: MatchingRules, resolver: BandResolver, tagger: AbilityTagger) {
        self.catalog = catalog
        self.rules = rules
        self.tagger = tagger
        eligibility = EligibilityCheck(rules: rules, resolver: resolver)
        scorer = CourseScorer(rules: rules, tagger: tagger, eligibility: eligibility)
    }

    public func recommend(for person: PersonContext, listings: [CourseListing]) -> PersonRecommendations {
        var candidates: [Recommendation] = []
        var excluded: [Exclusion] = []
        let text = ReasonText(catalog: catalog)
        for listing in listings {
            let course = listing.course
            switch eligibility.check(course, for: person) {
            case .excluded(let reason):
                excluded.append(Exclusion(provider: course.provider.id, courseID: course.id, title: course.title, reason: reason))
            case .eligible(let presentation):
                let tags = tagger.tags(for: course)
                let parts = scorer.score(course, tags: tags, for: person)
                guard !tags.isEmpty || parts.mandatory else {
                    excluded.append(Exclusion(provider: course.provider.id, courseID: course.id, title: course.title,
                                              reason: .untagged))
                    continue
                }
                candidates.append(Recommendation(
                    provider: course.provider.id, courseID: course.id, presentationID: presentation.id, title: course.title,
                    start: presentation.start, applyBy: presentation.applyBy, score: parts.total, mandatory: parts.mandatory,
                    reasons: text.reasons(course: course, tags: tags, parts: parts, person: person), parts: parts,
                    sources: listing.sources.map(\.provider.name)))
            }
        }
        candidates.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.start != rhs.start { return (lhs.start ?? person.today) < (rhs.start ?? person.today) }
            return (lhs.provider, lhs.courseID) < (rhs.provider, rhs.courseID)
        }
        let cut = min(rules.perPerson, candidates.count)
        return PersonRecommendations(
            staffID: person.staff.id, band: person.band?.id, gaps: person.gaps,
            recommendations: Array(candidates[..<cut]), alsoEligible: Array(candidates[cut...]), excluded: excluded)
    }
}
