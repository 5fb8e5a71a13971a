import KenshuCore

/// A course that neither its feed nor the rules tag with an ability, with the abilities its
/// text suggests: the HR report's 未分類 list and the console's 講座 page, one list for both.
public struct UntaggedCourse: Sendable {
    /// The listing's first source: the provider and course id a rule names it by.
    public var provider: CourseProvider
    public var courseID: String
    public var title: String
    public var suggestions: [AbilityTagger.Suggestion]
    /// `④政策形成能力 (類似度 0.21)、…`, or `候補なし`.
    public var suggestionText: String

    /// The untagged listings, by provider name and course id.
    public static func list(_ listings: [CourseListing], rules: CourseTagRules, catalog: PolicyCatalog) -> [UntaggedCourse] {
        let tagger = AbilityTagger(rules: rules, catalog: catalog)
        var courses: [UntaggedCourse] = []
        for listing in listings where !tagger.isTagged(listing.course) {
            guard let source = listing.sources.first else { continue }
            let suggestions = tagger.suggestions(for: listing.course)
            let texts = suggestions.map { suggestion in
                "\(catalog.ability(number: suggestion.ability)?.label ?? "\(suggestion.ability)") (類似度 \(MailText.hundredths(suggestion.score)))"
            }
            courses.append(UntaggedCourse(provider: source.provider, courseID: source.courseID, title: listing.course.title,
                                          suggestions: suggestions,
                                          suggestionText: texts.isEmpty ? "候補なし" : texts.joined(separator: "、")))
        }
        return courses.sorted { ($0.provider.name, $0.courseID) < ($1.provider.name, $1.courseID) }
    }
}
