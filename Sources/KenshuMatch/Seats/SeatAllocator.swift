/// Allocates recommendations across all staff at once: each person gets at most their
/// capacity, each presentation at most its seats, and the total score is the greatest
/// possible (a min-cost flow with cost = −score), not first come, first served.
public enum SeatAllocator {
    /// One course a person could be recommended, at one presentation.
    public struct Candidate: Sendable, Hashable {
        public var presentation: String
        public var score: Double

        public init(presentation: String, score: Double) {
            self.presentation = presentation
            self.score = score
        }
    }

    /// For each person, the indexes of their candidates that are chosen.
    /// - Parameters:
    ///   - candidates: per person, their eligible candidates (at most one per presentation).
    ///   - capacity: per person, how many they may be given.
    ///   - seats: per presentation key, its seat limit; a presentation missing here has none.
    public static func allocate(candidates: [[Candidate]], capacity: [Int], seats: [String: Int]) -> [[Int]] {
        // Scores as integers (thousandths) so the flow's arithmetic is exact.
        // (+1: between equal totals, more recommendations rather than fewer.)
        func cost(_ score: Double) -> Int64 { -(Int64((max(0, score) * 1_000).rounded()) + 1) }
        let limited = Set(candidates.joined().map(\.presentation)).filter { seats[$0] != nil }.sorted()
        let presentationNode = Dictionary(uniqueKeysWithValues: limited.enumerated().map { ($1, $0) })
        // Nodes: source, sink, people, limited presentations.
        let source = 0
        let sink = 1
        let personBase = 2
        let presentationBase = personBase + candidates.count
        var network = MinCostFlow(nodes: presentationBase + limited.count)
        var edges: [[(node: Int, index: Int)?]] = []
        for (person, options) in candidates.enumerated() {
            network.addEdge(from: source, to: personBase + person, capacity: max(0, capacity[person]), cost: 0)
            var personEdges: [(node: Int, index: Int)?] = []
            for option in options {
                if let node = presentationNode[option.presentation] {
                    personEdges.append(network.addEdge(from: personBase + person, to: presentationBase + node, capacity: 1,
                                                       cost: cost(option.score)))
                } else {
                    // No seat limit: straight to the sink.
                    personEdges.append(network.addEdge(from: personBase + person, to: sink, capacity: 1,
                                                       cost: cost(option.score)))
                }
            }
            edges.append(personEdges)
        }
        for (index, key) in limited.enumerated() {
            network.addEdge(from: presentationBase + index, to: sink, capacity: max(0, seats[key] ?? 0), cost: 0)
        }
        _ = network.run(source: source, sink: sink)
        return edges.map { personEdges in
            personEdges.indices.filter { index in personEdges[index].map { network.flow(at: $0) > 0 } ?? false }
        }
    }
}
