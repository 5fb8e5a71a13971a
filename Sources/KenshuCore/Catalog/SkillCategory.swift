/// A skill category of the skill maps, (A)〜(E) (スキル項目).
public enum SkillCategory: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// (A) 業務スキル.
    case a = "A"
    /// (B) 政策スキル, or 現場管理スキル in the 公安職 maps.
    case b = "B"
    /// (C) コミュニケーションスキル.
    case c = "C"
    /// (D) マネジメントスキル (wording of its legend varies by map).
    case d = "D"
    /// (E) 自己啓発スキル.
    case e = "E"

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One row of a skill map's legend (※凡例): a category's name and meaning in that map.
public struct SkillCategoryLegend: Sendable, Hashable, Codable {
    public var category: SkillCategory
    /// e.g. `政策スキル` or `現場管理スキル`.
    public var name: String
    /// e.g. `施策の立案や実施において、職位ごとに必要な能力`.
    public var description: String

    public init(category: SkillCategory, name: String, description: String) {
        self.category = category
        self.name = name
        self.description = description
    }
}
