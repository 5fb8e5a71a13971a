/// A course (研修) as a training institute advertises it, read from its feed: what it is,
/// whom it is for, what it develops, and when it runs (its presentations).
public struct Course: Sendable, Hashable, Codable {
    /// The institute that runs it.
    public var provider: CourseProvider
    /// The institute's own id of the course, unique within the provider.
    public var id: String
    public var title: String
    /// Plain text (HTML and XHTML in feeds are reduced to text).
    public var summary: String
    public var url: String?
    /// A `TrainingKind` id of the policy (`external.rank-based`, `external.open-call.generalist` …),
    /// when the feed or its profile says.
    public var kind: String?
    /// Job families (職種) it is for; empty: open to all.
    public var families: [JobFamily]
    /// Titles (職名) or band ids it is for, as the feed names them. With `audiences` empty
    /// too: any rank.
    public var ranks: [String]
    /// Whom else it is for, by years of service or in the band (採用1年目, 新任係長): a person
    /// is targeted by a rank above or by any of these.
    public var audiences: [CourseAudience]
    /// Whom it is for in the feed's own words, read at matching time against the policy and
    /// the rules' work map (「対象：税務担当職員」, or a profile's rank text it has no value
    /// for): each line is alternatives to the ranks and audiences above.
    public var audienceLines: [String]
    /// Abilities the feed itself states it develops (rare; rules and suggestions add more).
    public var abilities: [AbilityWeight]
    /// Digital talent tier it builds (`expert`, `dx-leader`, `general`), when stated.
    public var digitalTier: String?
    /// Subject codes and keywords as the feed gives them (dc:subject, JACS codes, 分野), for
    /// the rules that map them onto abilities.
    public var subjects: [String]
    public var presentations: [Presentation]
    /// The line of the course's element in the feed, for warnings.
    public var line: Int?

    public init(
        provider: CourseProvider, id: String, title: String, summary: String = "", url: String? = nil,
        kind: String? = nil, families: [JobFamily] = [], ranks: [String] = [], audiences: [CourseAudience] = [], audienceLines: [String] = [], abilities: [AbilityWeight] = [],
        digitalTier: String? = nil, subjects: [String] = [], presentations: [Presentation] = [], line: Int? = nil
    ) {
        self.provider = provider
        self.id = id
        self.title = title
        self.summary = summary
        self.url = url
        self.kind = kind
        self.families = families
        self.ranks = ranks
        self.audiences = audiences
        self.audienceLines = audienceLines
        self.abilities = abilities
        self.digitalTier = digitalTier
        self.subjects = subjects
        self.presentations = presentations
        self.line = line
    }
}

/// A training institute (研修機関) that publishes a feed.
public struct CourseProvider: Sendable, Hashable, Codable {
    /// Stable id: the feed's provider identifier, or the one the admin gives with `--provider`.
    public var id: String
    public var name: String
    public var url: String?

    public init(id: String, name: String, url: String? = nil) {
        self.id = id
        self.name = name
        self.url = url
    }
}

/// An ability (①〜⑩) a course develops, with a weight in 0…1.
public struct AbilityWeight: Sendable, Hashable, Codable {
    public var ability: Int
    public var weight: Double

    public init(ability: Int, weight: Double = 1) {
        self.ability = ability
        self.weight = weight
    }
}
