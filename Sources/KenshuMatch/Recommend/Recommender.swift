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
        scorer = CourseScorer(rules: rules, tagger: tagger)
    }

    /// Recommendations for one person, as if they were the only one (seats are not shared).
    public func recommend(for person: PersonContext, listings: [CourseListing]) -> PersonRecommendations {
        recommendAll([person], listings: listings, explaining: [person.staff.id])[0]
    }

    /// Recommendations for everyone at once: courses with a seat limit are allocated across
    /// all of them for the greatest total score (`SeatAllocator`), each person getting at
    /// most `perPerson` and no more than the fiscal year's cap allows.
    /// - Parameter explaining: staff whose excluded courses and courses below the cut are
    ///   kept (for `explain`); for everyone else only the recommendations are (a weekly run
    ///   over a large city would otherwise hold staff × courses exclusions).
    public func recommendAll(
        _ persons: [PersonContext], listings: [CourseListing], explaining: Set<String> = []
    ) -> [PersonRecommendations] {
        let persons = rules.work.isEmpty ? persons : persons.map { $0.withWork(rules.work) }
        // A course's tags do not depend on the person: found once.
        let tags = listings.map { tagger.tags(for: $0.course) }
        let facts = eligibility.facts(listings)
        // Neither do its dates: the presentation to apply for is found once per day.
        var presentations: [LocalDate: [EligibilityOutcome]] = [:]
        var groups: [LocalDate: CourseGroups] = [:]
        for day in Set(persons.map(\.today)) {
            let outcomes = listings.map { eligibility.presentation(of: $0.course, on: day) }
            presentations[day] = outcomes
            groups[day] = CourseGroups(facts: facts, tags: tags, presentations: outcomes, today: day)
        }
        // Staff alike but for their gaps and history are eligible for the same groups, with the
        // same fixed parts of the score: found once per profile.
        var profiles: [ScoringProfile: [(group: Int, fixed: ScoreParts)]] = [:]
        let prepared = persons.map { person in
            let outcomes = presentations[person.today] ?? []
            if explaining.contains(person.staff.id) {
                return candidates(for: person, listings: listings, tags: tags, facts: facts, presentations: outcomes,
                                  explain: true)
            }
            let dayGroups = groups[person.today] ?? CourseGroups(facts: [], tags: [], presentations: [], today: person.today)
            let profile = ScoringProfile(person, rules: rules, audiences: dayGroups.audiences(of: person))
            let eligible: [(group: Int, fixed: ScoreParts)]
            if let known = profiles[profile] {
                eligible = known
            } else {
                eligible = eligibleGroups(for: person, groups: dayGroups, tags: tags, facts: facts)
                profiles[profile] = eligible
            }
            return groupedCandidates(for: person, listings: listings, tags: tags, facts: facts, presentations: outcomes,
                                     groups: dayGroups, eligible: eligible)
        }
        // Only the best few of each person enter the allocation; the rest cannot win a place.
        let pool = prepared.map { Array($0.candidates.prefix(rules.perPerson * 3)) }
        var seats: [Int: Int] = [:]
        for candidate in pool.joined() {
            if let limit = candidate.seats { seats[Self.key(candidate)] = limit }
        }
        let chosen = SeatAllocator.allocate(
            candidates: pool.map { $0.map { SeatAllocator.Candidate(presentation: Self.key($0), score: $0.score) } },
            capacity: prepared.map(\.capacity), seats: seats)
        let text = ReasonText(catalog: catalog)
        return persons.indices.map { index in
            result(for: persons[index], prepared: prepared[index], pool: pool[index], picked: Set(chosen[index]),
                   explain: explaining.contains(persons[index].staff.id), listings: listings, facts: facts, tags: tags, text: text)
        }
    }

    /// Some people's results as a seat allocation made for everyone left them, without
    /// matching everyone again: each one's candidates are found as `recommendAll` finds them,
    /// and those in their `allocated` (the `PresentationKey`s the allocation gave them) are
    /// their recommendations. nil when an allocated presentation is not among someone's
    /// candidates: the allocation was made from other data, and only matching everyone again
    /// answers.
    public func recommend(
        _ people: [(person: PersonContext, allocated: Set<PresentationKey>)], listings: [CourseListing], explain: Bool
    ) -> [PersonRecommendations]? {
        recommend(people, prepared: prepare(listings), explain: explain)
    }

    /// `recommend(_:listings:explain:)` with the listings prepared before (by this recommender).
    public func recommend(
        _ people: [(person: PersonContext, allocated: Set<PresentationKey>)], prepared: PreparedListings, explain: Bool
    ) -> [PersonRecommendations]? {
        let (listings, tags, facts) = (prepared.listings, prepared.tags, prepared.facts)
        var outcomes: [LocalDate: [EligibilityOutcome]] = [:]
        let text = ReasonText(catalog: catalog)
        var results: [PersonRecommendations] = []
        for (person, allocated) in people {
            let person = rules.work.isEmpty ? person : person.withWork(rules.work)
            let presentations = outcomes[person.today] ?? listings.map { eligibility.presentation(of: $0.course, on: person.today) }
            outcomes[person.today] = presentations
            let prepared = candidates(for: person, listings: listings, tags: tags, facts: facts, presentations: presentations,
                                      explain: explain)
            let pool = Array(prepared.candidates.prefix(rules.perPerson * 3))
            let picked = Set(pool.indices.filter { allocated.contains(PresentationKey(pool[$0])) })
            guard picked.count == allocated.count else { return nil }
            results.append(result(for: person, prepared: prepared, pool: pool, picked: picked, explain: explain,
                                  listings: listings, facts: facts, tags: tags, text: text))
        }
        return results
    }

    /// A person's result once the seats are allocated: the `picked` places of their `pool`
    /// with reasons, best first; for `explain`, the other candidates as left out (the year's
    /// cap, seats others took) or below the cut.
    private func result(
        for person: PersonContext, prepared: (candidates: [Recommendation], excluded: [Exclusion], capacity: Int),
        pool: [Recommendation], picked: Set<Int>, explain: Bool, listings: [CourseListing], facts: [CourseFacts],
        tags: [[AbilityWeight]], text: ReasonText
    ) -> PersonRecommendations {
        var recommendations = picked.sorted().map {
            withReasons(pool[$0], person: person, listings: listings, facts: facts, tags: tags, text: text)
        }
        recommendations.sort(by: { Self.ordered($0, $1, today: person.today) })
        var excluded = prepared.excluded
        var alsoEligible: [Recommendation] = []
        let wouldHaveHad = min(prepared.capacity, pool.count)
        for (position, candidate) in prepared.candidates.enumerated() where explain && !picked.contains(position) {
            if prepared.capacity == 0 {
                excluded.append(Exclusion(provider: candidate.provider, courseID: candidate.courseID, title: candidate.title,
                                          reason: .yearlyCapReached))
            } else if position < wouldHaveHad, candidate.seats != nil {
                excluded.append(Exclusion(provider: candidate.provider, courseID: candidate.courseID, title: candidate.title,
                                          reason: .seatsTaken))
            } else {
                alsoEligible.append(candidate)
            }
        }
        return PersonRecommendations(
            staffID: person.staff.id, band: person.band?.id, gaps: person.gaps,
            recommendations: recommendations, alsoEligible: alsoEligible, excluded: excluded)
    }

    /// A person's eligible courses (best first), the courses left out, and how many they may get.
    private func candidates(
        for person: PersonContext, listings: [CourseListing], tags allTags: [[AbilityWeight]], facts: [CourseFacts],
        presentations: [EligibilityOutcome], explain: Bool
    ) -> (candidates: [Recommendation], excluded: [Exclusion], capacity: Int) {
        // Light entries while every course is looked at; whole recommendations only for the few kept.
        var scored: [(index: Int, parts: ScoreParts, start: Int)] = []
        var excluded: [Exclusion] = []
        let trained = scorer.recentlyTrained(person)
        let completed = CompletedTrainings(person.history)
        func exclude(_ index: Int, _ reason: ExclusionReason) {
            guard explain else { return }
            let course = listings[index].course
            excluded.append(Exclusion(provider: course.provider.id, courseID: course.id, title: course.title, reason: reason))
        }
        for index in listings.indices {
            let fiscalYear = EligibilityCheck.fiscalYear(of: presentations[index], today: person.today)
            if let reason = eligibility.personalExclusion(facts[index], for: person, completed: completed, fiscalYear: fiscalYear) {
                exclude(index, reason)
                continue
            }
            guard case .eligible(let presentation) = presentations[index] else {
                if case .excluded(let reason) = presentations[index] { exclude(index, reason) }
                continue
            }
            let parts = scorer.score(facts[index], tags: allTags[index], trained: trained, for: person, fiscalYear: fiscalYear)
            guard !allTags[index].isEmpty || parts.mandatory else {
                exclude(index, .untagged)
                continue
            }
            scored.append((index, parts, presentation.start?.daysSinceEpoch ?? Int.max))
        }
        scored.sort { lhs, rhs in
            if lhs.parts.total != rhs.parts.total { return lhs.parts.total > rhs.parts.total }
            if lhs.start != rhs.start { return lhs.start < rhs.start }
            return (facts[lhs.index].providerID, facts[lhs.index].courseID) < (facts[rhs.index].providerID, facts[rhs.index].courseID)
        }
        let keep = rules.perPerson * 3 + (explain ? 50 : 0)
        let candidates = scored.prefix(keep).compactMap {
            recommendation(listing: $0.index, parts: $0.parts, listings: listings, presentations: presentations)
        }
        return (candidates, excluded, capacity(for: person))
    }

    /// The same pool as `candidates` (without what only explain keeps), found group by group:
    /// each group is checked and scored once for the person, and the best groups are opened up
    /// into their courses, in the same order, until the pool is full.
    private func groupedCandidates(
        for person: PersonContext, listings: [CourseListing], tags: [[AbilityWeight]], facts: [CourseFacts],
        presentations: [EligibilityOutcome], groups: CourseGroups, eligible: [(group: Int, fixed: ScoreParts)]
    ) -> (candidates: [Recommendation], excluded: [Exclusion], capacity: Int) {
        let trained = scorer.recentlyTrained(person)
        let completed = CompletedTrainings(person.history)
        let scored = eligible.map { number, fixed in
            (group: number, parts: scorer.completed(fixed, tags: tags[groups.groups[number].representative],
                                                    trained: trained, for: person))
        }.sorted { $0.parts.total > $1.parts.total }
        let keep = rules.perPerson * 3
        var chosen: [(listing: Int, parts: ScoreParts)] = []
        var bucketStart = 0
        // Groups of equal score are merged course by course, as one sorted list would order them.
        while bucketStart < scored.count && chosen.count < keep {
            var bucketEnd = bucketStart
            while bucketEnd < scored.count && scored[bucketEnd].parts.total == scored[bucketStart].parts.total { bucketEnd += 1 }
            var heads = [Int](repeating: 0, count: bucketEnd - bucketStart)
            while chosen.count < keep {
                var best: Int?
                for slot in heads.indices {
                    let group = groups.groups[scored[bucketStart + slot].group]
                    guard heads[slot] < group.members.count else { continue }
                    if let current = best {
                        let other = groups.groups[scored[bucketStart + current].group]
                        let (a, b) = (group.members[heads[slot]], other.members[heads[current]])
                        let (startA, startB) = (group.starts[heads[slot]], other.starts[heads[current]])
                        if (startA, facts[a].providerID, facts[a].courseID) < (startB, facts[b].providerID, facts[b].courseID) {
                            best = slot
                        }
                    } else {
                        best = slot
                    }
                }
                guard let slot = best else { break }
                let group = groups.groups[scored[bucketStart + slot].group]
                let listing = group.members[heads[slot]]
                heads[slot] += 1
                if eligibility.courseExclusion(facts[listing], for: person, completed: completed) != nil { continue }
                chosen.append((listing, scored[bucketStart + slot].parts))
            }
            bucketStart = bucketEnd
        }
        let candidates = chosen.compactMap {
            recommendation(listing: $0.listing, parts: $0.parts, listings: listings, presentations: presentations)
        }
        return (candidates, [], capacity(for: person))
    }

    /// The groups a person's profile is eligible for (before their own history is looked at),
    /// with the parts of the score that are the same for everyone with that profile.
    private func eligibleGroups(
        for person: PersonContext, groups: CourseGroups, tags: [[AbilityWeight]], facts: [CourseFacts]
    ) -> [(group: Int, fixed: ScoreParts)] {
        var eligible: [(group: Int, fixed: ScoreParts)] = []
        for (number, group) in groups.groups.enumerated() {
            let fact = facts[group.representative]
            guard eligibility.personalExclusion(fact, for: person, completed: nil, fiscalYear: group.fiscalYear) == nil else { continue }
            let fixed = scorer.fixedParts(fact, for: person, fiscalYear: group.fiscalYear)
            guard !tags[group.representative].isEmpty || fixed.mandatory else { continue }
            eligible.append((number, fixed))
        }
        return eligible
    }

    /// A candidate made whole, at its course's open presentation. Reasons are written only
    /// for what is finally recommended (see `withReasons`).
    private func recommendation(
        listing index: Int, parts: ScoreParts, listings: [CourseListing], presentations: [EligibilityOutcome]
    ) -> Recommendation? {
        guard case .eligible(let presentation) = presentations[index] else { return nil }
        // Fields read in place: a copy of the course would retain each of its many fields,
        // and a weekly run makes this for every candidate of everyone.
        return Recommendation(
            provider: listings[index].course.provider.id, courseID: listings[index].course.id, presentationID: presentation.id,
            title: listings[index].course.title, start: presentation.start, applyBy: presentation.applyBy,
            seats: presentation.seats, score: parts.total, mandatory: parts.mandatory, reasons: [], parts: parts,
            sources: listings[index].sources.map(\.provider.name), listing: index,
            presentationIndex: listings[index].course.presentations.firstIndex { $0.id == presentation.id } ?? 0)
    }

    /// How many the person may be given: `perPerson`, less what the fiscal year's cap has used.
    private func capacity(for person: PersonContext) -> Int {
        let fiscalYear = person.today.fiscalYear
        let completedThisYear = person.history.filter { $0.completedOn.fiscalYear == fiscalYear }.count
        return max(0, min(rules.perPerson, rules.perYear - completedThisYear))
    }

    /// The recommendation with its reasons in words.
    private func withReasons(_ recommendation: Recommendation, person: PersonContext, listings: [CourseListing],
                             facts: [CourseFacts], tags: [[AbilityWeight]], text: ReasonText) -> Recommendation {
        guard let index = recommendation.listing else { return recommendation }
        var written = recommendation
        let fiscalYear = EligibilityCheck.fiscalYear(start: recommendation.start, today: person.today)
        written.reasons = text.reasons(
            course: listings[index].course, tags: tags[index], parts: recommendation.parts, person: person,
            target: facts[index].target(person, fiscalYear: fiscalYear), work: facts[index].workField(person))
        return written
    }

    /// Best score first; then the earlier start; then provider and course id (stable output).
    private static func ordered(_ lhs: Recommendation, _ rhs: Recommendation, today: LocalDate) -> Bool {
        if lhs.score != rhs.score { return lhs.score > rhs.score }
        if lhs.start != rhs.start { return (lhs.start ?? today) < (rhs.start ?? today) }
        return (lhs.provider, lhs.courseID) < (rhs.provider, rhs.courseID)
    }

    /// A presentation's identity across providers, as a small integer: its course's place in
    /// the listings and its own place in the course.
    private static func key(_ recommendation: Recommendation) -> Int {
        (recommendation.listing ?? 0) &* 4_096 &+ min(recommendation.presentationIndex, 4_095)
    }
}
