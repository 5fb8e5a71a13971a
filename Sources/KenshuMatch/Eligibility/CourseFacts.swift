import KenshuCore

/// What eligibility needs of a course, worked out once for all staff: its families, the
/// bands its ranks resolve to in every family, its tier, its folded title. A class: shared,
/// not copied, in the loop over staff × courses.
final class CourseFacts: Sendable {
    let providerID: String
    let providerName: String
    let courseID: String
    let kind: String?
    let families: Set<JobFamily>
    /// As the exclusion reason names them.
    let familyNames: [String]
    let ranks: [String]
    let isDispatch: Bool
    /// The course's rank strings as written (titles or band ids).
    let rankNames: Set<String>
    /// Every band its ranks name or resolve to, in any family.
    let rankBands: Set<String>
    let digitalTier: String?
    let foldedTitle: String

    init(_ course: Course, resolver: BandResolver) {
        providerID = course.provider.id
        providerName = course.provider.name
        courseID = course.id
        kind = course.kind
        families = Set(course.families)
        familyNames = course.families.map(\.japaneseName)
        ranks = course.ranks
        isDispatch = course.kind?.hasPrefix("external.dispatch") ?? false
        rankNames = Set(course.ranks)
        var bands: Set<String> = []
        for rank in course.ranks {
            bands.insert(rank)
            for family in JobFamily.allCases {
                if let band = resolver.band(family: family, title: rank) { bands.insert(band.id) }
            }
        }
        rankBands = bands
        digitalTier = course.digitalTier
        foldedTitle = EligibilityCheck.fold(course.title)
    }

    /// Whether the course names the person's title, their band id, or a title of their band.
    func targetsRank(_ person: PersonContext) -> Bool {
        if rankNames.contains(person.staff.title) { return true }
        guard let band = person.band else { return false }
        return rankBands.contains(band.id)
    }
}
