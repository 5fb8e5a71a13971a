import KenshuCore

/// What eligibility needs of a course, worked out once for all staff: its families, the
/// bands its ranks resolve to in every family, its audiences, its tier, its folded title.
/// A class: shared, not copied, in the loop over staff × courses.
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
    /// Whom else it is for (採用1年目, 新任係長): the feed's, or the rules' for its title.
    let audiences: [AudienceFacts]
    let digitalTier: String?
    let foldedTitle: String

    /// - Parameter audienceRules: the rules' audiences by a word of the title; those that
    ///   match take the place of the feed's ranks and audiences.
    init(_ course: Course, resolver: BandResolver, audienceRules: [TitleAudience] = []) {
        providerID = course.provider.id
        providerName = course.provider.name
        courseID = course.id
        kind = course.kind
        families = Set(course.families)
        familyNames = course.families.map(\.japaneseName)
        isDispatch = course.kind?.hasPrefix("external.dispatch") ?? false
        let ruled = audienceRules.filter { course.title.contains($0.word) }.map(\.audience)
        ranks = ruled.isEmpty ? course.ranks : []
        rankNames = Set(ranks)
        rankBands = Self.bands(of: ranks, resolver: resolver)
        var audiences: [AudienceFacts] = []
        for audience in ruled.isEmpty ? course.audiences : ruled where !audiences.contains(where: { $0.audience == audience }) {
            audiences.append(AudienceFacts(audience, bands: Self.bands(of: audience.ranks, resolver: resolver)))
        }
        self.audiences = audiences
        digitalTier = course.digitalTier
        foldedTitle = EligibilityCheck.fold(course.title)
    }

    /// Whether the course says whom it is for at all (by rank or audience); if not, it is for everyone.
    var restrictsRank: Bool { !rankNames.isEmpty || !audiences.isEmpty }

    /// How the course targets the person in `fiscalYear` (the one it runs in): by naming their
    /// rank, or by an audience they are in; nil when it does neither.
    func target(_ person: PersonContext, fiscalYear: Int) -> RankTarget? {
        if !rankNames.isEmpty, Self.names(person, rankNames: rankNames, rankBands: rankBands) { return .rank }
        for audience in audiences where audience.contains(person, fiscalYear: fiscalYear) {
            return .audience(audience.audience)
        }
        return nil
    }

    /// Whether the course names the person's title, their band id, or a title of their band.
    func targetsRank(_ person: PersonContext) -> Bool {
        Self.names(person, rankNames: rankNames, rankBands: rankBands)
    }

    fileprivate static func names(_ person: PersonContext, rankNames: Set<String>, rankBands: Set<String>) -> Bool {
        if rankNames.contains(person.staff.title) { return true }
        guard let band = person.band else { return false }
        return rankBands.contains(band.id)
    }

    /// The ranks as written and every band they name or resolve to, in any family.
    private static func bands(of ranks: [String], resolver: BandResolver) -> Set<String> {
        var bands: Set<String> = []
        for rank in ranks {
            bands.insert(rank)
            for family in JobFamily.allCases {
                if let band = resolver.band(family: family, title: rank) { bands.insert(band.id) }
            }
        }
        return bands
    }
}

/// How a course is aimed at a person: it names their rank, or they are in one of its audiences.
enum RankTarget: Hashable {
    case rank
    case audience(CourseAudience)
}

/// A course audience with its ranks resolved as a course's are.
struct AudienceFacts: Sendable {
    let audience: CourseAudience
    let rankNames: Set<String>
    let rankBands: Set<String>

    init(_ audience: CourseAudience, bands: Set<String>) {
        self.audience = audience
        rankNames = Set(audience.ranks)
        rankBands = bands
    }

    func contains(_ person: PersonContext, fiscalYear: Int) -> Bool {
        if !rankNames.isEmpty, !CourseFacts.names(person, rankNames: rankNames, rankBands: rankBands) { return false }
        return audience.matchesYears(hiredOn: person.staff.hiredOn, rankSince: person.staff.rankSince, fiscalYear: fiscalYear)
    }
}
