import KenshuCore
import Testing
@testable import KenshuMatch

/// The mentor solver: the most pairs, then the least cost, equal to a brute force.
struct CapacitatedAssignmentTests {
    typealias Edge = CapacitatedAssignment.Edge

    /// A dense instance as a matrix (row by row, `forbidden` where no edge).
    struct Matrix: AssignmentCosts {
        var rows: Int
        var columns: Int
        var costs: [Int64]

        func costs(ofRow row: Int, into costs: UnsafeMutableBufferPointer<Int64>) {
            for column in 0..<columns { costs[column] = self.costs[row * columns + column] }
        }

        var edges: [Edge] {
            (0..<rows).flatMap { row in
                (0..<columns).filter { costs[row * columns + $0] != CapacitatedAssignment.forbidden }
                    .map { Edge(left: row, right: $0, cost: costs[row * columns + $0]) }
            }
        }
    }

    /// A random instance: some left nodes with no edge, capacities 0〜`capacity`, costs of
    /// both signs, each pair allowed with a random density.
    func randomMatrix(_ random: inout SeededRandom, rows: ClosedRange<Int>, columns: ClosedRange<Int>, capacity: Int,
                      costs: Int) -> (Matrix, [Int]) {
        let rowCount = Int.random(in: rows, using: &random)
        let capacities = (0..<Int.random(in: columns, using: &random)).map { _ in Int.random(in: 0...capacity, using: &random) }
        let density = Double.random(in: 0.1...1, using: &random)
        var matrix = Matrix(rows: rowCount, columns: capacities.count,
                            costs: [Int64](repeating: CapacitatedAssignment.forbidden, count: rowCount * capacities.count))
        for index in matrix.costs.indices where Double.random(in: 0..<1, using: &random) < density {
            matrix.costs[index] = Int64(Int.random(in: -costs...costs, using: &random))
        }
        return (matrix, capacities)
    }

    /// The chosen pairs are allowed, one per row, within capacities, and add up to the total.
    func expectFeasible(_ solution: CapacitatedAssignment.DenseSolution, _ matrix: Matrix, _ capacities: [Int],
                        seed: Int) {
        var load = [Int](repeating: 0, count: capacities.count)
        var total: Int64 = 0
        for (row, column) in solution.columnOfRow.enumerated() where column >= 0 {
            #expect(matrix.costs[row * matrix.columns + column] != CapacitatedAssignment.forbidden, "seed \(seed)")
            total += matrix.costs[row * matrix.columns + column]
            load[column] += 1
        }
        #expect(total == solution.totalCost, "seed \(seed)")
        #expect(solution.columnOfRow.count { $0 >= 0 } == solution.matched, "seed \(seed)")
        for column in capacities.indices { #expect(load[column] <= capacities[column], "seed \(seed)") }
    }

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
        expectBruteForceResult(left: left, capacities: capacities, edges: edges, seed: seed)
    }

    /// The solver finds what the brute force finds, with one pair per left node within capacities.
    func expectBruteForceResult(left: Int, capacities: [Int], edges: [Edge], seed: Int) {
        let solution = CapacitatedAssignment.solve(left: left, capacities: capacities, edges: edges)
        let expected = bruteForce(left: left, capacities: capacities, edges: edges)
        #expect(solution.matched == expected.matched, "seed \(seed)")
        #expect(solution.totalCost == expected.cost, "seed \(seed)")
        let chosen = solution.edges.map { edges[$0] }
        #expect(Set(chosen.map(\.left)).count == chosen.count)
        for right in capacities.indices { #expect(chosen.filter { $0.right == right }.count <= capacities[right]) }
    }

    @Test(arguments: 0..<100)
    func edgesInAnyOrderAndTwiceMatchABruteForce(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &* 104_729 &+ 11)
        let left = Int.random(in: 1...5, using: &random)
        let capacities = (0..<Int.random(in: 1...3, using: &random)).map { _ in Int.random(in: 0...2, using: &random) }
        let edges = (0..<Int.random(in: 0...10, using: &random)).map { _ in
            Edge(left: Int.random(in: 0..<left, using: &random), right: Int.random(in: 0..<capacities.count, using: &random),
                 cost: Int64(Int.random(in: -10...10, using: &random)))
        }
        expectBruteForceResult(left: left, capacities: capacities, edges: edges, seed: seed)
    }

    @Test(arguments: 0..<300)
    func denseRowsListedBitByBitMatchABruteForce(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &* 6_361 &+ 5)
        let (matrix, capacities) = randomMatrix(&random, rows: 0...5, columns: 1...4, capacity: 3, costs: 10)
        let expected = bruteForce(left: matrix.rows, capacities: capacities, edges: matrix.edges)
        // One candidate per row at first: the search has to ask for the rest.
        let solution = CapacitatedAssignment.solve(capacities: capacities, costs: matrix, candidates: 1, everyPairUpTo: 0)
        #expect(solution.matched == expected.matched, "seed \(seed)")
        #expect(solution.totalCost == expected.cost, "seed \(seed)")
        expectFeasible(solution, matrix, capacities, seed: seed)
    }

    @Test(arguments: 0..<60)
    func denseAndEdgeListSolversAgreeOnLargerCases(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &* 9_173 &+ 17)
        let (matrix, capacities) = randomMatrix(&random, rows: 20...80, columns: 5...40, capacity: 3, costs: [3, 50, 5_000][seed % 3])
        let edges = matrix.edges
        let listed = CapacitatedAssignment.solve(left: matrix.rows, capacities: capacities, edges: edges)
        let everyPair = CapacitatedAssignment.solve(capacities: capacities, costs: matrix)
        let bitByBit = CapacitatedAssignment.solve(capacities: capacities, costs: matrix, candidates: 1 + seed % 4,
                                                   everyPairUpTo: 0)
        for solution in [everyPair, bitByBit] {
            #expect(solution.matched == listed.matched, "seed \(seed)")
            #expect(solution.totalCost == listed.totalCost, "seed \(seed)")
            expectFeasible(solution, matrix, capacities, seed: seed)
        }
        // Shown every pair, the dense solver makes the very pairs the edge-list one makes.
        let pairs = listed.edges.map { [edges[$0].left, edges[$0].right] }
        #expect(pairs == everyPair.columnOfRow.enumerated().filter { $0.element >= 0 }.map { [$0.offset, $0.element] })
    }
}
