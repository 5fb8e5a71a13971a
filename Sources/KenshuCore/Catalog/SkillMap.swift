/// One of the policy's skill maps (スキルマップ): a table of rank bands for a job family
/// (一般職 and 公安職 have two each: 管理職・監督職 and 主査以下).
public struct SkillMap: Sendable, Hashable, Codable {
    public var id: String
    /// The table's heading, e.g. `一般職(管理職・監督職)`.
    public var name: String
    public var family: JobFamily
    /// The table's legend (※凡例), A to E.
    public var legend: [SkillCategoryLegend]
    /// Bands from the highest rank down, as the policy lists them.
    public var bands: [RankBand]

    public init(id: String, name: String, family: JobFamily, legend: [SkillCategoryLegend], bands: [RankBand]) {
        self.id = id
        self.name = name
        self.family = family
        self.legend = legend
        self.bands = bands
    }
}
