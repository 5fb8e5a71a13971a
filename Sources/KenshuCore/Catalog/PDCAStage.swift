/// A stage of the PDCA table (PDCAサイクルの過程) with the abilities it mainly calls for.
public struct PDCAStage: Sendable, Hashable, Codable {
    /// The stage as the policy words it, e.g. `課題の解決策の考案(Plan)`.
    public var name: String
    /// Ability numbers (求められる主な能力); empty for the closing stage.
    public var abilities: [Int]

    public init(name: String, abilities: [Int]) {
        self.name = name
        self.abilities = abilities
    }
}
