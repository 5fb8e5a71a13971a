/// The capacitated assignment the mentor programme needs: each left node (a mentee) to at
/// most one right node (a mentor) along an allowed edge, each right node up to its capacity;
/// the most pairs possible, and among those the least total cost. Exact: a min-cost flow in
/// which every pair is worth more than any difference in cost, found by shortest augmenting
/// paths (`AugmentingPaths`).
public enum CapacitatedAssignment {
    /// An allowed pair and its cost (integers, may be negative).
    public struct Edge: Sendable, Hashable, Codable {
        public var left: Int
        public var right: Int
        public var cost: Int64

        public init(left: Int, right: Int, cost: Int64) {
            self.left = left
            self.right = right
            self.cost = cost
        }
    }

    /// The chosen pairs (indexes into `edges`), how many, and their total cost.
    public struct Solution: Sendable, Equatable {
        public var edges: [Int]
        public var matched: Int
        public var totalCost: Int64
    }

    /// The most the costs' absolute values may add up to (2^56): beyond it a pair's worth and
    /// the search's distances could overflow.
    public static let largestSpread: Int64 = 1 << 56

    /// Solves an instance given as a list of allowed edges. `left` counts the left nodes and
    /// `capacities` the right nodes; every edge's ends must be among them, and the costs'
    /// absolute values add up to at most `largestSpread`.
    public static func solve(left: Int, capacities: [Int], edges: [Edge]) -> Solution {
        var rows = [RowEdges](repeating: RowEdges(), count: left)
        for (index, edge) in edges.enumerated() { rows[edge.left].add(column: edge.right, cost: edge.cost, order: index) }
        let spread = edges.reduce(Int64(0)) { $0 + abs($1.cost) }
        // Every row lists all its edges: nothing is ever refilled.
        let paths = AugmentingPaths(rows: rows, capacities: capacities, bonus: bonus(spread: spread)) { row, _, _ in rows[row] }
        let chosen = paths.orderOfRow.filter { $0 >= 0 }.sorted()
        return Solution(edges: chosen, matched: chosen.count, totalCost: chosen.reduce(0) { $0 + edges[$1].cost })
    }

    /// What a pair is worth beyond its cost: more than any two totals of costs can differ
    /// (`spread` is the sum of the costs' absolute values), so more pairs always win.
    static func bonus(spread: Int64) -> Int64 { spread + 1 }
}
