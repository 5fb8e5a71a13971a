import KenshuCore

/// The listings with what matching works out of each course alone — its tags and its
/// eligibility facts — for one set of rules (the `Recommender` that prepared them). A caller
/// answering one person at a time (the console) keeps this while the catalogue and the rules
/// stay the same, instead of working it out again for every person.
public struct PreparedListings: Sendable {
    public let listings: [CourseListing]
    let tags: [[AbilityWeight]]
    let facts: [CourseFacts]
}

extension Recommender {
    /// `listings` with their tags and facts under these rules.
    public func prepare(_ listings: [CourseListing]) -> PreparedListings {
        PreparedListings(listings: listings, tags: listings.map { tagger.tags(for: $0.course) }, facts: eligibility.facts(listings))
    }
}
