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
    /// Its audience lines as read (「対象：税務担当職員」), when the rules give no audience for its title.
    let lines: [ReadAudienceLine]
    /// The lines' alternatives, their ranks resolved.
    let lineTerms: [TermFacts]
    /// Its fields (subjects) that some department owns (`work`): a domain course, for staff
    /// whose work includes one of them. Empty: open to all.
    let ownedFields: [String]
    let digitalTier: String?
    let foldedTitle: String

    /// - Parameter audienceRules: the rules' audiences by a word of the title; those that
    ///   match take the place of the feed's ranks and audiences.
    init(_ course: Course, resolver: BandResolver, audienceRules: [TitleAudience] = [], lineReader: AudienceLineReader? = nil) {
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
            audiences.append(AudienceFacts(audience: audience, ranks: RankSet(audience.ranks, resolver: resolver)))
        }
        self.audiences = audiences
        lines = ruled.isEmpty ? course.audienceLines.compactMap { lineReader?.read($0) } : []
        lineTerms = lines.flatMap(\.terms).map { TermFacts(term: $0, ranks: RankSet($0.ranks, resolver: resolver)) }
        if let work = lineReader?.work, !work.isEmpty {
            let owned = work.ownedFields
            var fields: [String] = []
            for subject in course.subjects where owned.contains(subject) && !fields.contains(subject) { fields.append(subject) }
            ownedFields = fields
        } else {
            ownedFields = []
        }
        digitalTier = course.digitalTier
        foldedTitle = EligibilityCheck.fold(course.title)
    }

    /// Whether the course says whom it is for at all (by rank, audience or line); if not, or
    /// when a line says 全職員, it is for everyone.
    var restrictsRank: Bool {
        (!rankNames.isEmpty || !audiences.isEmpty || !lines.isEmpty) && !lineTerms.contains { $0.term.everyone }
    }

    /// How the course targets the person in `fiscalYear` (the one it runs in): by naming their
    /// rank, or by an audience they are in; nil when it does neither.
    func target(_ person: PersonContext, fiscalYear: Int) -> RankTarget? {
        if !rankNames.isEmpty, Self.names(person, rankNames: rankNames, rankBands: rankBands) { return .rank }
        for audience in audiences where audience.contains(person, fiscalYear: fiscalYear) {
            return .audience(audience.audience)
        }
        for term in lineTerms where term.contains(person, fiscalYear: fiscalYear) {
            return .line(term.term)
        }
        return nil
    }

    /// The course's owned field the person works in, and where (for the reason); nil when it
    /// is not a domain course or not theirs.
    func workField(_ person: PersonContext) -> (field: String, place: String)? {
        for field in ownedFields {
            if let place = person.work.placeOfField[field] { return (field, place) }
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
    static func bands(of ranks: [String], resolver: BandResolver) -> Set<String> {
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
    case line(AudienceTerm)
}

/// Ranks as a course, audience or line names them (titles or band ids), with every band they
/// name or resolve to in any family: a person is named by their title, band id, or a title of
/// their band.
struct RankSet: Sendable {
    let names: Set<String>
    let bands: Set<String>

    init(_ ranks: [String], resolver: BandResolver) {
        names = Set(ranks)
        bands = CourseFacts.bands(of: ranks, resolver: resolver)
    }

    private init() {
        names = []
        bands = []
    }

    /// Names no rank: admits anyone.
    static let anyRank = RankSet()

    /// Any rank when it names none.
    func admits(_ person: PersonContext) -> Bool {
        names.isEmpty || CourseFacts.names(person, rankNames: names, rankBands: bands)
    }
}

/// An audience line's alternative with its ranks resolved as a course's are.
struct TermFacts: Sendable {
    let term: AudienceTerm
    let ranks: RankSet

    func contains(_ person: PersonContext, fiscalYear: Int) -> Bool {
        if term.everyone { return true }
        if !term.families.isEmpty, !term.families.contains(person.staff.family) { return false }
        guard ranks.admits(person) else { return false }
        if let span = term.serviceYears,
           !CourseAudience(serviceYears: span).matchesYears(hiredOn: person.staff.hiredOn, rankSince: nil, fiscalYear: fiscalYear) {
            return false
        }
        if !term.fields.isEmpty, person.work.fields.isDisjoint(with: term.fields) { return false }
        if !term.roles.isEmpty, person.work.roles.isDisjoint(with: term.roles) { return false }
        return true
    }
}

/// A course audience with its ranks resolved as a course's are.
struct AudienceFacts: Sendable {
    let audience: CourseAudience
    let ranks: RankSet

    func contains(_ person: PersonContext, fiscalYear: Int) -> Bool {
        ranks.admits(person)
            && audience.matchesYears(hiredOn: person.staff.hiredOn, rankSince: person.staff.rankSince, fiscalYear: fiscalYear)
    }
}
