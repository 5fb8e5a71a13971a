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
}
