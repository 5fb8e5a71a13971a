/// The capacitated assignment the mentor programme needs: each left node (a mentee) to at
/// most one right node (a mentor) along an allowed edge, each right node up to its capacity;
/// the most pairs possible, and among those the least total cost. Exact: a min-cost flow in
/// which every pair is worth more than any difference in cost.
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

    public static func solve(left: Int, capacities: [Int], edges: [Edge]) -> Solution {
        // A pair is worth `bonus` more than any total of costs can differ, so more pairs
        // always win, and then the cheaper.
        let spread = edges.reduce(Int64(0)) { $0 + abs($1.cost) }
        let bonus = spread + 1
        let sink = 0
        let leftBase = 1
        let rightBase = leftBase + left
        var network = MinCostFlow(nodes: rightBase + capacities.count)
        var potential = [Int64](repeating: 0, count: rightBase + capacities.count)
        var handles: [(node: Int, index: Int)] = []
        for edge in edges {
            let cost = edge.cost - bonus
            handles.append(network.addEdge(from: leftBase + edge.left, to: rightBase + edge.right, capacity: 1, cost: cost))
            // Reduced costs start non-negative: a left node's potential covers its cheapest edge.
            potential[leftBase + edge.left] = max(potential[leftBase + edge.left], -cost)
        }
        for node in 0..<left {
            // Unmatched is allowed, at no cost.
            network.addEdge(from: leftBase + node, to: sink, capacity: 1, cost: 0)
        }
        for (right, capacity) in capacities.enumerated() {
            network.addEdge(from: rightBase + right, to: sink, capacity: max(0, capacity), cost: 0)
        }
        network.routeSupplies((0..<left).map { (leftBase + $0, 1) }, sink: sink, potential: potential)
        let chosen = edges.indices.filter { network.flow(at: handles[$0]) > 0 }
        return Solution(edges: chosen, matched: chosen.count, totalCost: chosen.reduce(0) { $0 + edges[$1].cost })
    }
}
