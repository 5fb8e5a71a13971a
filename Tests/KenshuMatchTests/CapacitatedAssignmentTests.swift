import KenshuCore
import Testing
@testable import KenshuMatch

/// The mentor solver: the most pairs, then the least cost, equal to a brute force.
struct CapacitatedAssignmentTests {
    typealias Edge = CapacitatedAssignment.Edge

    /// Every way to give each left node one of its edges or none, within capacities.
    func bruteForce(left: Int, capacities: [Int], edges: [Edge]) -> (matched: Int, cost: Int64) {
        var best = (matched: 0, cost: Int64(0))
        var used = [Int](repeating: 0, count: capacities.count)
        func search(_ node: Int, _ matched: Int, _ cost: Int64) {
            guard node < left else {
                if matched > best.matched || (matched == best.matched && cost < best.cost) { best = (matched, cost) }
                return
            }
            search(node + 1, matched, cost)
            for edge in edges where edge.left == node && used[edge.right] < capacities[edge.right] {
                used[edge.right] += 1
                search(node + 1, matched + 1, cost + edge.cost)
                used[edge.right] -= 1
            }
        }
        search(0, 0, 0)
        return best
    }

    @Test func morePairsBeatLowerCost() {
        // Left 0 could take right 0 cheaply, but then left 1 has no one: both matched is better.
        let edges = [Edge(left: 0, right: 0, cost: -100), Edge(left: 0, right: 1, cost: 50), Edge(left: 1, right: 0, cost: 0)]
        let solution = CapacitatedAssignment.solve(left: 2, capacities: [1, 1], edges: edges)
        #expect(solution.matched == 2)
        #expect(solution.totalCost == 50)
    }

    @Test(arguments: 0..<300)
    func matchesABruteForceOnSmallCases(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &* 7_919 &+ 3)
        let left = Int.random(in: 0...5, using: &random)
        let capacities = (0..<Int.random(in: 1...3, using: &random)).map { _ in Int.random(in: 0...2, using: &random) }
        var edges: [Edge] = []
        for node in 0..<left {
            for right in capacities.indices where Bool.random(using: &random) {
                edges.append(Edge(left: node, right: right, cost: Int64(Int.random(in: -10...10, using: &random))))
            }
        }
        let solution = CapacitatedAssignment.solve(left: left, capacities: capacities, edges: edges)
        let expected = bruteForce(left: left, capacities: capacities, edges: edges)
        #expect(solution.matched == expected.matched, "seed \(seed)")
        #expect(solution.totalCost == expected.cost, "seed \(seed)")
        // Feasible: one pair per left node, capacities kept.
        let chosen = solution.edges.map { edges[$0] }
        #expect(Set(chosen.map(\.left)).count == chosen.count)
        for right in capacities.indices { #expect(chosen.filter { $0.right == right }.count <= capacities[right]) }
    }
}
