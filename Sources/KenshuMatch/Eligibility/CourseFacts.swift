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
    /// As the feed names them (titles or band ids), for the exclusion reason.
    let ranks: [String]
    let isDispatch: Bool
    /// Its ranks with every band they name or resolve to.
    let rankSet: RankSet
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
    /// - Parameter memo: what was read of titles and lines for courses before this one (many
    ///   courses share them).
    init(_ course: Course, resolver: BandResolver, audienceRules: [TitleAudience] = [], lineReader: AudienceLineReader? = nil,
         memo: inout Memo) {
        providerID = course.provider.id
        providerName = course.provider.name
        courseID = course.id
        kind = course.kind
        families = Set(course.families)
        familyNames = course.families.map(\.japaneseName)
        isDispatch = course.kind?.hasPrefix("external.dispatch") ?? false
        let ruled = memo.ruled(course.title) { title in audienceRules.filter { TextSearch.contains(title, $0.word) }.map(\.audience) }
        ranks = ruled.isEmpty ? course.ranks : []
        rankSet = RankSet(ranks, resolver: resolver)
        var audiences: [AudienceFacts] = []
        for audience in ruled.isEmpty ? course.audiences : ruled where !audiences.contains(where: { $0.audience == audience }) {
            audiences.append(AudienceFacts(audience: audience, ranks: RankSet(audience.ranks, resolver: resolver)))
        }
        self.audiences = audiences
        lines = ruled.isEmpty ? course.audienceLines.compactMap { line in memo.read(line) { lineReader?.read($0) } } : []
        lineTerms = lines.flatMap(\.terms).map { TermFacts(term: $0, ranks: RankSet($0.ranks, resolver: resolver)) }
        var fields: [String] = []
        if let owned = lineReader?.ownedFields, !owned.isEmpty {
            for subject in course.subjects where owned.contains(subject) && !fields.contains(subject) { fields.append(subject) }
        }
        ownedFields = fields
        digitalTier = course.digitalTier
        foldedTitle = EligibilityCheck.fold(course.title)
    }

    /// The rules' audiences found for each title and the reading of each line, kept while the
    /// facts of many courses are made.
    struct Memo {
        private var audiencesOfTitle: [String: [CourseAudience]] = [:]
        private var readLines: [String: ReadAudienceLine?] = [:]

        mutating func ruled(_ title: String, _ find: (String) -> [CourseAudience]) -> [CourseAudience] {
            if let known = audiencesOfTitle[title] { return known }
            let found = find(title)
            audiencesOfTitle[title] = found
            return found
        }

        mutating func read(_ line: String, _ reader: (String) -> ReadAudienceLine?) -> ReadAudienceLine? {
            if let known = readLines[line] { return known }
            let read = reader(line)
            readLines[line] = .some(read)
            return read
        }
    }

    /// Whether the course says whom it is for at all (by rank, audience or line); if not, or
    /// when a line says 全職員, it is for everyone.
    var restrictsRank: Bool {
        (!rankSet.names.isEmpty || !audiences.isEmpty || !lines.isEmpty) && !lineTerms.contains { $0.term.everyone }
    }

    /// How the course targets the person in `fiscalYear` (the one it runs in): by naming their
    /// rank, or by an audience they are in; nil when it does neither.
    func target(_ person: PersonContext, fiscalYear: Int) -> RankTarget? {
        if !rankSet.names.isEmpty, rankSet.admits(person) { return .rank }
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
        var bands: Set<String> = []
        for rank in ranks {
            bands.insert(rank)
            for family in JobFamily.allCases {
                if let band = resolver.band(family: family, title: rank) { bands.insert(band.id) }
            }
        }
        self.bands = bands
    }

    private init() {
        names = []
        bands = []
    }

    /// Names no rank: admits anyone.
    static let anyRank = RankSet()

    /// Whether it names the person's title, their band id, or a title of their band; any
    /// rank when it names none.
    func admits(_ person: PersonContext) -> Bool {
        if names.isEmpty || names.contains(person.staff.title) { return true }
        guard let band = person.band else { return false }
        return bands.contains(band.id)
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
