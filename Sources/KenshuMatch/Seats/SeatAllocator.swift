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
        allocate(candidates: candidates, capacity: capacity, seats: seats, method: .costScaling)
    }

    /// `allocate`, with the flow solved as told (the tests compare the methods).
    static func allocate<Key>(
        candidates: [[Candidate<Key>]], capacity: [Int], seats: [Key: Int], method: SeatNetwork.Method
    ) -> [[Int]] {
        let values = candidates.map { $0.map { value($0.score) } }
        let (kept, contended) = options(candidates, values: values, capacity: capacity, seats: seats)
        var chosen = [[Int]](repeating: [], count: candidates.count)
        // People linked through contended presentations form components, each its own flow;
        // everyone else simply gets their best.
        var components = UnionFind(count: candidates.count)
        var firstWanting: [Key: Int] = [:]
        var inFlow = [Bool](repeating: false, count: candidates.count)
        for (person, options) in kept.enumerated() {
            for index in options where contended.contains(candidates[person][index].presentation) {
                let key = candidates[person][index].presentation
                inFlow[person] = true
                if let other = firstWanting[key] {
                    components.union(person, other)
                } else {
                    firstWanting[key] = person
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
        let contendedSeats = seats.filter { contended.contains($0.key) }
        for people in members.values.sorted(by: { $0[0] < $1[0] }) {
            let result = flow(people.map { person in kept[person].map { (candidates[person][$0].presentation, values[person][$0]) } },
                              capacity: people.map { capacity[$0] }, seats: contendedSeats, method: method)
            for (slot, person) in people.enumerated() { chosen[person] = result[slot].map { kept[person][$0] } }
        }
        return chosen
    }

    /// A chosen option's worth to the flow: its score in thousandths, so that the arithmetic
    /// is exact, + 1, so that between equal totals more recommendations win over fewer.
    static func value(_ score: Double) -> Int64 { Int64((max(0, score) * 1_000).rounded()) + 1 }

    /// The options that can be part of a best allocation, per person (indexes into their
    /// candidates), and the presentations whose seats bind among them. A person always has
    /// their `capacity` best options without a binding seat limit to fall back on, so an
    /// option worth less than the last of those never wins, and options are set aside until
    /// nothing changes (a presentation wanted by fewer people than it has seats binds no more,
    /// which can set more aside). Options worth as much as that last one stay: ties are left to
    /// the flow.
    static func options<Key>(
        _ candidates: [[Candidate<Key>]], values: [[Int64]], capacity: [Int], seats: [Key: Int]
    ) -> (kept: [[Int]], contended: Set<Key>) {
        var kept = candidates.indices.map { capacity[$0] > 0 ? Array(candidates[$0].indices) : [] }
        var contended: Set<Key>?
        while true {
            var demand: [Key: Int] = [:]
            for (person, options) in kept.enumerated() {
                for index in options where seats[candidates[person][index].presentation] != nil {
                    demand[candidates[person][index].presentation, default: 0] += 1
                }
            }
            let binding = Set(demand.filter { key, wanted in wanted > (seats[key] ?? Int.max) }.keys)
            if binding == contended { return (kept, binding) }
            contended = binding
            for person in kept.indices where !kept[person].isEmpty {
                let free = kept[person].filter { !binding.contains(candidates[person][$0].presentation) }
                    .map { values[person][$0] }.sorted(by: >)
                guard free.count >= capacity[person] else { continue }
                let floor = free[capacity[person] - 1]
                kept[person].removeAll { values[person][$0] < floor }
            }
        }
    }

    /// The `count` best options (higher score first, then the earlier listed).
    private static func best<Key>(_ options: [Candidate<Key>], count: Int) -> [Int] {
        guard count > 0 else { return [] }
        let order = options.indices.sorted { (options[$0].score, -$0) > (options[$1].score, -$1) }
        return order.prefix(count).sorted()
    }

    /// The min-cost flow for one component: per person, their options (presentation, value),
    /// and for each the indexes chosen.
    private static func flow<Key: Hashable & Comparable>(
        _ options: [[(presentation: Key, value: Int64)]], capacity: [Int], seats: [Key: Int], method: SeatNetwork.Method
    ) -> [[Int]] {
        let limited = Set(options.joined().map(\.presentation)).filter { seats[$0] != nil }.sorted()
        let presentationNode = Dictionary(uniqueKeysWithValues: limited.enumerated().map { ($1, $0) })
        // Nodes: sink, people, limited presentations. Each person sends their capacity to the
        // sink: through a course (cost −value), or through "nothing more" (cost 0).
        let sink = 0
        let personBase = 1
        let presentationBase = personBase + options.count
        var network = SeatNetwork(nodes: presentationBase + limited.count,
                                  largestCost: options.joined().reduce(Int64(0)) { max($0, $1.value) })
        var edges: [[Int]] = []
        for (person, mine) in options.enumerated() {
            let node = personBase + person
            edges.append(mine.map { option in
                let target = presentationNode[option.presentation].map { presentationBase + $0 } ?? sink
                return network.addEdge(from: node, to: target, capacity: 1, cost: -option.value)
            })
            network.addEdge(from: node, to: sink, capacity: max(0, capacity[person]), cost: 0)
            network.supply(max(0, capacity[person]), at: node)
        }
        for (index, key) in limited.enumerated() {
            network.addEdge(from: presentationBase + index, to: sink, capacity: max(0, seats[key] ?? 0), cost: 0)
        }
        network.solve(sink: sink, method: method)
        return edges.map { personEdges in personEdges.indices.filter { network.flow(at: personEdges[$0]) > 0 } }
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
