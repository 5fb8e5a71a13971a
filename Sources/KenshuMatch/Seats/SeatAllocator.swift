/// Allocates recommendations across all staff at once: each person gets at most their
/// capacity, each presentation at most its seats, and the total score is the greatest
/// possible (a min-cost flow with cost = −score), not first come, first served.
public enum SeatAllocator {
    /// One course a person could be recommended, at one presentation (identified by any key:
    /// the recommender uses small integers, which hash far faster than strings).
    public struct Candidate<Key: Hashable & Comparable & Sendable>: Sendable, Hashable {
        public var presentation: Key
        public var score: Double

        public init(presentation: Key, score: Double) {
            self.presentation = presentation
            self.score = score
        }
    }

    /// For each person, the indexes of their candidates that are chosen.
    /// - Parameters:
    ///   - candidates: per person, their eligible candidates (at most one per presentation).
    ///   - capacity: per person, how many they may be given.
    ///   - seats: per presentation key, its seat limit; a presentation missing here has none.
    public static func allocate<Key>(candidates: [[Candidate<Key>]], capacity: [Int], seats: [Key: Int]) -> [[Int]] {
        // A seat limit binds only where more people want the presentation than it has seats.
        var demand: [Key: Int] = [:]
        for options in candidates {
            for option in options where seats[option.presentation] != nil { demand[option.presentation, default: 0] += 1 }
        }
        let contended = Set(demand.filter { key, wanted in wanted > (seats[key] ?? Int.max) }.keys)
        var chosen = [[Int]](repeating: [], count: candidates.count)
        // People linked through contended presentations form components, each its own flow;
        // everyone else simply gets their best.
        var components = UnionFind(count: candidates.count)
        var firstWanting: [Key: Int] = [:]
        var inFlow = [Bool](repeating: false, count: candidates.count)
        for (person, options) in candidates.enumerated() {
            for option in options where contended.contains(option.presentation) {
                inFlow[person] = true
                if let other = firstWanting[option.presentation] {
                    components.union(person, other)
                } else {
                    firstWanting[option.presentation] = person
                }
            }
        }
        var members: [Int: [Int]] = [:]
        for person in candidates.indices {
            if inFlow[person] {
                members[components.find(person), default: []].append(person)
            } else {
                chosen[person] = best(candidates[person], count: capacity[person])
            }
        }
        for people in members.values {
            let result = flow(people.map { candidates[$0] }, capacity: people.map { capacity[$0] },
                              seats: seats.filter { contended.contains($0.key) })
            for (slot, person) in people.enumerated() { chosen[person] = result[slot] }
        }
        return chosen
    }

    /// The `count` best options (higher score first, then the earlier listed).
    private static func best<Key>(_ options: [Candidate<Key>], count: Int) -> [Int] {
        guard count > 0 else { return [] }
        let order = options.indices.sorted { (options[$0].score, -$0) > (options[$1].score, -$1) }
        return order.prefix(count).sorted()
    }

    /// The min-cost flow for one component.
    private static func flow<Key>(_ candidates: [[Candidate<Key>]], capacity: [Int], seats: [Key: Int]) -> [[Int]] {
        // Scores as integers (thousandths) so the flow's arithmetic is exact.
        // (+1: between equal totals, more recommendations rather than fewer.)
        func cost(_ score: Double) -> Int64 { -(Int64((max(0, score) * 1_000).rounded()) + 1) }
        let limited = Set(candidates.joined().map(\.presentation)).filter { seats[$0] != nil }.sorted()
        let presentationNode = Dictionary(uniqueKeysWithValues: limited.enumerated().map { ($1, $0) })
        // Nodes: sink, people, limited presentations. Each person sends their capacity to the
        // sink: through a course (cost −score), or through "nothing more" (cost 0).
        let sink = 0
        let personBase = 1
        let presentationBase = personBase + candidates.count
        var network = MinCostFlow(nodes: presentationBase + limited.count)
        var potential = [Int64](repeating: 0, count: presentationBase + limited.count)
        var edges: [[(node: Int, index: Int)?]] = []
        for (person, options) in candidates.enumerated() {
            let node = personBase + person
            var personEdges: [(node: Int, index: Int)?] = []
            for option in options {
                let target = presentationNode[option.presentation].map { presentationBase + $0 } ?? sink
                personEdges.append(network.addEdge(from: node, to: target, capacity: 1, cost: cost(option.score)))
                // Reduced costs start non-negative: a person's potential covers their best option.
                potential[node] = max(potential[node], -cost(option.score))
            }
            network.addEdge(from: node, to: sink, capacity: max(0, capacity[person]), cost: 0)
            edges.append(personEdges)
        }
        for (index, key) in limited.enumerated() {
            network.addEdge(from: presentationBase + index, to: sink, capacity: max(0, seats[key] ?? 0), cost: 0)
        }
        network.routeSupplies(candidates.indices.map { (personBase + $0, max(0, capacity[$0])) }, sink: sink,
                              potential: potential)
        return edges.map { personEdges in
            personEdges.indices.filter { index in personEdges[index].map { network.flow(at: $0) > 0 } ?? false }
        }
    }
}

/// Disjoint sets of people, joined when they want the same contended presentation.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ node: Int) -> Int {
        var root = node
        while parent[root] != root { root = parent[root] }
        var current = node
        while parent[current] != root {
            let next = parent[current]
            parent[current] = root
            current = next
        }
        return root
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (rootA, rootB) = (find(a), find(b))
        if rootA != rootB { parent[rootA] = rootB }
    }
}
