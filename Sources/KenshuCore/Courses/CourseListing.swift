/// A course as recommendations show it: the same course advertised by two providers (the
/// same title after Unicode NFKC and white-space folding, the same dates) is one listing
/// with both sources, not two recommendations.
public struct CourseListing: Sendable, Hashable, Codable {
    /// The course as the first source (by provider id) advertises it.
    public var course: Course
    /// Every provider that advertises it, the first one first.
    public var sources: [Source]

    /// Where a listing is advertised: provider, its id of the course, its page.
    public struct Source: Sendable, Hashable, Codable {
        public var provider: CourseProvider
        public var courseID: String
        public var url: String?
    }

    /// Groups courses that are the same course. `titleKey` folds a title to the form two
    /// providers' spellings share (the store's `CourseTitleKey`: NFKC, no white space, lower case).
    public static func merge(_ courses: [Course], titleKey: (String) -> String) -> [CourseListing] {
        var listings: [CourseListing] = []
        var index: [String: Int] = [:]
        let ordered = courses.sorted { ($0.provider.id, $0.id) < ($1.provider.id, $1.id) }
        for course in ordered {
            let key = titleKey(course.title) + "\u{1F}" + dateSignature(course)
            let source = Source(provider: course.provider, courseID: course.id, url: course.url)
            if let existing = index[key] {
                // One provider listing the same course twice is two courses; two providers, one.
                if !listings[existing].sources.contains(where: { $0.provider.id == course.provider.id }) {
                    listings[existing].sources.append(source)
                    continue
                }
            }
            index[key] = listings.count
            listings.append(CourseListing(course: course, sources: [source]))
        }
        return listings
    }

    /// The presentations' dates, order-free: `2027-02-01..2027-02-02;…`.
    static func dateSignature(_ course: Course) -> String {
        course.presentations
            .map { "\($0.start?.description ?? "?")..\($0.end?.description ?? "?")" }
            .sorted()
            .joined(separator: ";")
    }
}
