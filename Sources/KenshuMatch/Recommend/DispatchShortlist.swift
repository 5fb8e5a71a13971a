import KenshuCore

/// 派遣研修 (dispatch to 市町村アカデミー, 自治大学校, the prefecture) never goes to a staff
/// mail: the HR office chooses whom to send. For each dispatch course open for application,
/// the staff it would suit best, by the same eligibility and score as recommendations.
public struct DispatchShortlist: Sendable, Codable {
    public var provider: String
    public var courseID: String
    public var title: String
    public var presentationID: String
    public var start: LocalDate?
    public var applyBy: LocalDate?
    public var candidates: [Candidate]

    /// One member of staff on the shortlist.
    public struct Candidate: Sendable, Codable {
        public var staffID: String
        public var score: Double
        public var reasons: [String]
    }
}

extension Recommender {
    /// The best `size` staff for each dispatch course with a presentation open on the day and
    /// starting within a year (dispatch is decided further ahead than other training).
    public func dispatchShortlists(_ persons: [PersonContext], listings: [CourseListing], size: Int = 5) -> [DispatchShortlist] {
        var shortlists: [DispatchShortlist] = []
        let text = ReasonText(catalog: catalog)
        var longer = rules
        longer.horizonDays = max(rules.horizonDays, 365)
        let eligibility = EligibilityCheck(rules: longer, resolver: self.eligibility.resolver)
        // What depends only on the person, worked out once, not once per dispatch course.
        let persons = rules.work.isEmpty ? persons : persons.map { $0.withWork(rules.work) }
        let completed = persons.map { CompletedTrainings($0.history) }
        let trained = persons.map { scorer.recentlyTrained($0) }
        for listing in listings {
            let course = listing.course
            guard course.kind?.hasPrefix("external.dispatch") == true, let day = persons.first?.today,
                  case .eligible(let presentation) = eligibility.presentation(of: course, on: day) else { continue }
            let facts = eligibility.facts(course)
            let fiscalYear = EligibilityCheck.fiscalYear(start: presentation.start, today: day)
            let tags = tagger.tags(for: course)
            var ranked: [(person: PersonContext, parts: ScoreParts)] = []
            for (index, person) in persons.enumerated() {
                guard eligibility.personalExclusion(facts, for: person, completed: completed[index], fiscalYear: fiscalYear,
                                                    forShortlist: true) == nil else { continue }
                ranked.append((person, scorer.score(facts, tags: tags, trained: trained[index], for: person, fiscalYear: fiscalYear)))
            }
            ranked.sort { lhs, rhs in
                lhs.parts.total != rhs.parts.total ? lhs.parts.total > rhs.parts.total : lhs.person.staff.id < rhs.person.staff.id
            }
            shortlists.append(DispatchShortlist(
                provider: course.provider.id, courseID: course.id, title: course.title, presentationID: presentation.id,
                start: presentation.start, applyBy: presentation.applyBy,
                candidates: ranked.prefix(size).map { item in
                    DispatchShortlist.Candidate(staffID: item.person.staff.id, score: item.parts.total,
                                                reasons: text.reasons(course: course, tags: tags, parts: item.parts, person: item.person,
                                                                     target: facts.target(item.person, fiscalYear: fiscalYear),
                                                                     work: facts.workField(item.person)))
                }))
        }
        return shortlists
    }
}
