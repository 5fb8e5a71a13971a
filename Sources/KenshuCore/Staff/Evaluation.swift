/// Who rated an ability in the personnel evaluation (人事評価): the person, or their first
/// or second rater.
public enum RaterRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// 本人 (self-evaluation).
    case selfRating = "self"
    /// 一次評価者.
    case primary
    /// 二次評価者.
    case secondary

    public var japaneseName: String {
        switch self {
        case .selfRating: "本人"
        case .primary: "一次"
        case .secondary: "二次"
        }
    }

    /// Reads `本人`/`self`, `一次`/`primary`, `二次`/`secondary` (also `一次評価者` …).
    public init?(parsing text: String) {
        let key = text.trimmingWhitespace().lowercased()
        switch key {
        case "本人", "self", "自己", "自己評価": self = .selfRating
        case "一次", "primary", "一次評価", "一次評価者": self = .primary
        case "二次", "secondary", "二次評価", "二次評価者": self = .secondary
        default: return nil
        }
    }
}

/// One rating of one ability (①〜⑩) for one member of staff in one evaluation period.
public struct Evaluation: Sendable, Hashable, Codable {
    public var staffID: String
    /// Ability number 1 to 10.
    public var ability: Int
    /// 1 to 5.
    public var score: Int
    public var rater: RaterRole
    /// 年度, e.g. 2025.
    public var period: Int

    public init(staffID: String, ability: Int, score: Int, rater: RaterRole, period: Int) {
        self.staffID = staffID
        self.ability = ability
        self.score = score
        self.rater = rater
        self.period = period
    }
}
