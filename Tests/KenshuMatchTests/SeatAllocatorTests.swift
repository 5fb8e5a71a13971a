import KenshuCore
import Testing
@testable import KenshuMatch

/// Seat allocation is optimal: on small cases its total equals the best a brute force finds.
struct SeatAllocatorTests {
    typealias Candidate = SeatAllocator.Candidate<String>

    /// The objective the allocator maximises: Σ (score in thousandths + 1).
    func value(_ candidates: [[Candidate]], _ chosen: [[Int]]) -> Int64 {
        var total: Int64 = 0
        for (person, indexes) in chosen.enumerated() {
            for index in indexes { total += Int64((candidates[person][index].score * 1_000).rounded()) + 1 }
        }
        return total
    }

    func feasible(_ candidates: [[Candidate]], _ chosen: [[Int]], capacity: [Int], seats: [String: Int]) -> Bool {
        var used: [String: Int] = [:]
        for (person, indexes) in chosen.enumerated() {
            if indexes.count > capacity[person] { return false }
            for index in indexes { used[candidates[person][index].presentation, default: 0] += 1 }
        }
        return used.allSatisfy { key, count in seats[key].map { count <= $0 } ?? true }
    }

    /// Every subset of every person's candidates, the best feasible one.
    func bruteForce(_ candidates: [[Candidate]], capacity: [Int], seats: [String: Int]) -> Int64 {
        var best: Int64 = 0
        func search(_ person: Int, _ chosen: [[Int]]) {
            guard person < candidates.count else {
                if feasible(candidates, chosen, capacity: capacity, seats: seats) { best = max(best, value(candidates, chosen)) }
                return
            }
            for mask in 0..<(1 << candidates[person].count) {
                let indexes = candidates[person].indices.filter { mask & (1 << $0) != 0 }
                search(person + 1, chosen + [indexes])
            }
        }
        search(0, [])
        return best
    }

    @Test func aContestedSeatGoesWhereItAddsMost() {
        // One seat on A. Person 0 likes A (5) and B (4); person 1 only A (3). Greedy by
        // score would give A to person 0 (total 5 + 0 with capacity 1); optimal gives A to
        // person 1 and B to person 0 (4 + 3).
        let candidates = [
            [Candidate(presentation: "A", score: 5), Candidate(presentation: "B", score: 4)],
            [Candidate(presentation: "A", score: 3)],
        ]
        let chosen = SeatAllocator.allocate(candidates: candidates, capacity: [1, 1], seats: ["A": 1])
        #expect(chosen == [[1], [0]])
    }

    @Test(arguments: 0..<200)
    func matchesABruteForceOnSmallCases(seed: Int) {
        var generator = SeededRandom(seed: UInt64(seed) &* 2_654_435_761 &+ 1)
        let people = Int.random(in: 1...4, using: &generator)
        let presentations = ["A", "B", "C", "D"].prefix(Int.random(in: 1...4, using: &generator))
        var candidates: [[Candidate]] = []
        for _ in 0..<people {
            let mine = presentations.shuffled(using: &generator).prefix(Int.random(in: 0...min(4, presentations.count), using: &generator))
            candidates.append(mine.map { Candidate(presentation: $0, score: Double(Int.random(in: 0...40, using: &generator)) / 4) })
        }
        let capacity = (0..<people).map { _ in Int.random(in: 0...3, using: &generator) }
        var seats: [String: Int] = [:]
        for key in presentations where Bool.random(using: &generator) { seats[key] = Int.random(in: 0...2, using: &generator) }

        let chosen = SeatAllocator.allocate(candidates: candidates, capacity: capacity, seats: seats)
        #expect(feasible(candidates, chosen, capacity: capacity, seats: seats))
        #expect(value(candidates, chosen) == bruteForce(candidates, capacity: capacity, seats: seats),
                "seed \(seed): \(candidates) capacity \(capacity) seats \(seats) → \(chosen)")
    }

    /// The best total by shortest paths over every option of every person (no option set
    /// aside, one network for everyone): the reference for cases too large to brute-force.
    func shortestPathsOverEverything(_ candidates: [[Candidate]], capacity: [Int], seats: [String: Int]) -> Int64 {
        let limited = seats.keys.sorted()
        let presentationBase = 1 + candidates.count
        var network = SeatNetwork(nodes: presentationBase + limited.count, largestCost: 100_000)
        var edges: [(person: Int, index: Int, edge: Int)] = []
        for (person, options) in candidates.enumerated() {
            for (index, option) in options.enumerated() {
                let target = limited.firstIndex(of: option.presentation).map { presentationBase + $0 } ?? 0
                let cost = -SeatAllocator.value(option.score)
                edges.append((person, index, network.addEdge(from: 1 + person, to: target, capacity: 1, cost: cost)))
            }
            network.addEdge(from: 1 + person, to: 0, capacity: capacity[person], cost: 0)
            network.supply(capacity[person], at: 1 + person)
        }
        for (index, key) in limited.enumerated() {
            network.addEdge(from: presentationBase + index, to: 0, capacity: seats[key] ?? 0, cost: 0)
        }
        network.solve(sink: 0, method: .shortestPaths)
        var chosen = [[Int]](repeating: [], count: candidates.count)
        for (person, index, edge) in edges where network.flow(at: edge) > 0 { chosen[person].append(index) }
        return value(candidates, chosen)
    }

    /// A crowded case: many people, few presentations with few seats, scores with many ties.
    func crowdedCase(seed: Int) -> (candidates: [[Candidate]], capacity: [Int], seats: [String: Int]) {
        var generator = SeededRandom(seed: UInt64(seed) &* 40_503 &+ 7)
        let people = Int.random(in: 20...250, using: &generator)
        let presentations = (0..<Int.random(in: 3...40, using: &generator)).map { "P\($0)" }
        let candidates = (0..<people).map { _ in
            presentations.shuffled(using: &generator).prefix(Int.random(in: 0...min(9, presentations.count), using: &generator))
                .map { Candidate(presentation: $0, score: Double(Int.random(in: 0...60, using: &generator)) / 4) }
        }
        let capacity = (0..<people).map { _ in Int.random(in: 0...5, using: &generator) }
        var seats: [String: Int] = [:]
        for key in presentations where Int.random(in: 0..<4, using: &generator) > 0 {
            seats[key] = Int.random(in: 0...12, using: &generator)
        }
        return (candidates, capacity, seats)
    }

    @Test(arguments: 0..<80)
    func costScalingMatchesShortestPathsOnCrowdedCases(seed: Int) {
        let (candidates, capacity, seats) = crowdedCase(seed: seed)

        let scaled = SeatAllocator.allocate(candidates: candidates, capacity: capacity, seats: seats, method: .costScaling)
        let paths = SeatAllocator.allocate(candidates: candidates, capacity: capacity, seats: seats, method: .shortestPaths)

        #expect(feasible(candidates, scaled, capacity: capacity, seats: seats))
        #expect(feasible(candidates, paths, capacity: capacity, seats: seats))
        let best = shortestPathsOverEverything(candidates, capacity: capacity, seats: seats)
        #expect(value(candidates, scaled) == best, "seed \(seed)")
        #expect(value(candidates, paths) == best, "seed \(seed)")
    }

    @Test func optionsBelowAPersonsOwnUnlimitedBestAreSetAside() {
        // Person 0 may take 1 and has an unlimited B worth 6: the contended A (5) can never
        // be theirs, so A is left to person 1 alone and binds no more.
        let candidates = [
            [Candidate(presentation: "A", score: 5), Candidate(presentation: "B", score: 6)],
            [Candidate(presentation: "A", score: 3)],
        ]
        let values = candidates.map { $0.map { SeatAllocator.value($0.score) } }

        let (kept, contended) = SeatAllocator.options(candidates, values: values, capacity: [1, 1], seats: ["A": 1])

        #expect(kept == [[1], [0]])
        #expect(contended.isEmpty)
        #expect(SeatAllocator.allocate(candidates: candidates, capacity: [1, 1], seats: ["A": 1]) == [[1], [0]])
    }
}
