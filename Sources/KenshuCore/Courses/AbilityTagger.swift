/// The HR admins' rules that tag courses with the policy's abilities (①〜⑩): feeds do not
/// know the city's abilities, so subject codes and keywords are mapped onto them, and an
/// admin may name one course's abilities outright.
public struct CourseTagRules: Sendable, Equatable {
    /// A subject code or word as the feed gives it (`dc:subject`, 分野) → abilities.
    public var subjects: [String: [Int]]
    /// A word in the title, summary or subjects → abilities, in the rules' order.
    public var keywords: [(word: String, abilities: [Int])]
    /// One course, by `courseKey(provider:courseID:)` (`provider/course`) → abilities: an
    /// admin's confirmation of a course no other rule tags. A key no stored course has tags nothing.
    public var courses: [String: [Int]]

    public init(subjects: [String: [Int]] = [:], keywords: [(word: String, abilities: [Int])] = [],
                courses: [String: [Int]] = [:]) {
        self.subjects = subjects
        self.keywords = keywords
        self.courses = courses
    }

    /// How `courses` names a course: the provider's id and the course's id joined by `/`.
    /// Ids are compared whole, so an id with a `/` in it needs no escaping.
    public static func courseKey(provider: String, courseID: String) -> String {
        provider + "/" + courseID
    }

    /// The abilities `courses` gives `course` (none when it has no entry).
    func confirmed(_ course: Course) -> [Int] {
        courses.isEmpty ? [] : courses[Self.courseKey(provider: course.provider.id, courseID: course.id)] ?? []
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.subjects == rhs.subjects && lhs.keywords.map(\.word) == rhs.keywords.map(\.word)
            && lhs.keywords.map(\.abilities) == rhs.keywords.map(\.abilities) && lhs.courses == rhs.courses
    }
}

/// Tags a course with abilities: confirmed tags from the feed and the rules, and for a course
/// the rules leave untagged, *suggested* tags by text similarity to the policy's wording of
/// each ability. Suggestions are for an admin to confirm in the rules, never used as tags.
public struct AbilityTagger: Sendable {
    /// One suggested ability, with the similarity that suggested it (0…1).
    public struct Suggestion: Sendable, Hashable, Codable {
        public var ability: Int
        public var score: Double
    }

    let rules: CourseTagRules
    private let lowercasedSubjects: [String: [Int]]
    private let keywords: KeywordSearch
    private let profiles: [(ability: Int, grams: [String: Double], norm: Double)]

    /// `abilityTexts`: the policy's wording per ability (name, description, and any
    /// behaviour lines that speak of it).
    public init(rules: CourseTagRules, abilityTexts: [Int: String]) {
        self.rules = rules
        lowercasedSubjects = Dictionary(rules.subjects.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $0 + $1 })
        keywords = KeywordSearch(rules.keywords)
        profiles = abilityTexts.keys.sorted().compactMap { ability in
            guard let text = abilityTexts[ability] else { return nil }
            let grams = AbilityTagger.bigrams(text)
            return (ability, grams, AbilityTagger.norm(grams))
        }
    }

    /// The policy catalogue's abilities as tagging profiles: name and description.
    public init(rules: CourseTagRules, catalog: PolicyCatalog) {
        self.init(rules: rules, abilityTexts: Dictionary(
            catalog.abilities.map { ($0.number, "\($0.name) \($0.description)") }, uniquingKeysWith: { $0 + " " + $1 }))
    }

    /// Confirmed tags: stated by the feed, or by a subject, keyword or course rule. Weights: the
    /// feed's, else 1; an ability named several ways keeps its highest weight.
    public func tags(for course: Course) -> [AbilityWeight] {
        var weights: [Int: Double] = [:]
        for stated in course.abilities { weights[stated.ability] = max(weights[stated.ability] ?? 0, stated.weight) }
        for ability in rules.confirmed(course) { weights[ability] = 1 }
        for subject in course.subjects {
            for ability in lowercasedSubjects[subject.lowercased()] ?? [] { weights[ability] = 1 }
        }
        keywords.forEachMatch(in: Self.searchedFields(of: course)) { keyword in
            for ability in keyword.abilities { weights[ability] = 1 }
            return true
        }
        return weights.keys.sorted().compactMap { ability in weights[ability].map { AbilityWeight(ability: ability, weight: $0) } }
    }

    /// Whether `tags(for:)` has any tag for the course, stopping at the first.
    public func isTagged(_ course: Course) -> Bool {
        if !course.abilities.isEmpty || !rules.confirmed(course).isEmpty { return true }
        for subject in course.subjects where !(lowercasedSubjects[subject.lowercased()] ?? []).isEmpty { return true }
        // A word of the title tags most courses that are tagged: found there, the summary
        // (often a page of text) is not searched.
        if keywords.hasTaggingKeyword(inField: course.title) { return true }
        var tagged = false
        keywords.forEachMatch(in: Self.searchedFields(of: course)) { keyword in
            tagged = !keyword.abilities.isEmpty
            return !tagged
        }
        return tagged
    }

    /// Where keywords are looked for: title, summary and subjects.
    private static func searchedFields(of course: Course) -> [String] {
        [course.title, course.summary] + course.subjects
    }

    /// Up to `limit` abilities whose policy wording is most like the course's title and
    /// summary (character bigrams, cosine similarity), above `threshold`.
    public func suggestions(for course: Course, limit: Int = 2, threshold: Double = 0.08) -> [Suggestion] {
        let grams = AbilityTagger.bigrams(course.title + " " + course.title + " " + course.summary)
        let norm = AbilityTagger.norm(grams)
        guard norm > 0 else { return [] }
        let scored = profiles.map { profile -> Suggestion in
            var dot = 0.0
            for (gram, count) in grams { dot += count * (profile.grams[gram] ?? 0) }
            return Suggestion(ability: profile.ability, score: profile.norm > 0 ? dot / (norm * profile.norm) : 0)
        }
        return Array(scored.filter { $0.score >= threshold }
            .sorted { ($0.score, -$0.ability) > ($1.score, -$1.ability) }
            .prefix(limit))
    }

    /// Character bigrams of the text's letters and digits (punctuation and spaces split runs),
    /// counted. Japanese has no spaces between words; bigrams catch 政策, 法務, 交渉 alike.
    static func bigrams(_ text: String) -> [String: Double] {
        var grams: [String: Double] = [:]
        var previous: Character?
        for character in text.lowercased() {
            guard character.isLetter || character.isNumber else {
                previous = nil
                continue
            }
            if let previous { grams[String([previous, character]), default: 0] += 1 }
            previous = character
        }
        return grams
    }

    static func norm(_ grams: [String: Double]) -> Double {
        grams.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }
}
