/// A digital talent tier (デジタル人材の区分) of the ministry's guideline the policy adopts.
public struct DigitalTier: Sendable, Hashable, Codable {
    /// Stable id: `expert`, `dx-leader`, `general`.
    public var id: String
    /// 高度専門人材, DX推進リーダー or 一般行政職員.
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
