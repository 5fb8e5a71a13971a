/// A career track (キャリア) of the policy's personnel management: ゼネラリスト or プロフェッショナル.
public struct CareerTrack: Sendable, Hashable, Codable {
    /// `generalist` or `professional`.
    public var id: String
    /// ゼネラリスト or プロフェッショナル.
    public var name: String
    /// The policy's wording, verbatim.
    public var description: String
    /// For the generalist track, the years after hiring it roughly covers (採用後10年程度).
    public var yearsFromHiring: Int?

    public init(id: String, name: String, description: String, yearsFromHiring: Int? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.yearsFromHiring = yearsFromHiring
    }
}
