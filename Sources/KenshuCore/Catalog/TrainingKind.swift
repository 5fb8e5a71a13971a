/// A kind of training in the policy (内部研修, 外部研修 and its sub-kinds), as a tree.
public struct TrainingKind: Sendable, Hashable, Codable {
    /// Stable id, e.g. `external.open-call.professional`.
    public var id: String
    /// Japanese name, e.g. `公募型研修`.
    public var name: String
    /// The policy's wording about it, verbatim; empty where it says nothing of its own.
    public var description: String
    public var children: [TrainingKind]

    public init(id: String, name: String, description: String, children: [TrainingKind] = []) {
        self.id = id
        self.name = name
        self.description = description
        self.children = children
    }

    /// This kind and all below it, depth first.
    public var flattened: [TrainingKind] { [self] + children.flatMap(\.flattened) }
}
