/// A rank band (職位) of a skill map: the titles it covers, its step on the family's
/// career ladder, and the behaviours expected at that rank (期待される能力) per category.
public struct RankBand: Sendable, Hashable, Codable {
    /// Stable id used in rules, e.g. `general.kakaricho`.
    public var id: String
    public var family: JobFamily
    /// Job titles (職名) as listed in the policy, e.g. `["課長", "局長"]`.
    public var titles: [String]
    /// Fire-service grades (階級) the policy gives in parentheses, e.g. `消防司令`. Informative
    /// only: one grade may appear in two bands, so grades never resolve a band.
    public var grades: [String]
    /// Step on the family's career ladder, 1 being the entry rank.
    public var ladderStep: Int
    /// Whether the band is a management or supervisory rank (管理監督職).
    public var managerial: Bool
    /// Expected behaviours per category, verbatim. A category the policy lists no line for
    /// (often (D) below 係長) is absent, not empty.
    public var behaviours: [SkillCategory: [String]]

    public init(
        id: String, family: JobFamily, titles: [String], grades: [String] = [],
        ladderStep: Int, managerial: Bool, behaviours: [SkillCategory: [String]]
    ) {
        self.id = id
        self.family = family
        self.titles = titles
        self.grades = grades
        self.ladderStep = ladderStep
        self.managerial = managerial
        self.behaviours = behaviours
    }

    /// `一般職 係長` style label for messages.
    public var label: String { "\(family.japaneseName) \(titles.joined(separator: "・"))" }
}
