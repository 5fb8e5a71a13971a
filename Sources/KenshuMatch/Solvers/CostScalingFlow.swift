/// Minimum-cost flow by cost scaling (Goldberg and Tarjan's push-relabel with ε-scaling):
/// node prices are refined phase by phase, ε shrinking each time, and within a phase excess
/// is pushed along arcs whose reduced cost is negative (`ResidualNetwork`). Costs are integers
/// (any sign); they are multiplied by the number of nodes + 1, so that the last phase (ε = 1)
/// leaves a flow that is exactly optimal: a cycle has at most that many arcs, so none can
/// cost less than zero. Unlike shortest paths one unit at a time, no search has to travel
/// the whole network for each unit, which is what a large, crowded network needs.
///
/// The supplies must sum to zero and be feasible: every supply able to reach the demands
/// (the seat allocator gives every supplier a zero-cost way out).
struct CostScalingFlow {
    private let nodes: Int
    private var edges: [(from: Int, to: Int, capacity: Int, cost: Int64)] = []
    private var supply: [Int]
    private var solved: (network: ResidualNetwork, forward: [Int])?

    /// How much ε shrinks from one phase to the next.
    private static let shrink: Int64 = 4

    init(nodes: Int) {
        self.nodes = nodes
        supply = Array(repeating: 0, count: nodes)
    }

    /// Whether the costs, scaled as the method needs, keep every price far within 64 bits,
    /// and every flow within 32 bits.
    static func fits(nodes: Int, largestCost: Int64, totalSupply: Int) -> Bool {
        // Over a phase a price moves by at most a few times nodes × ε, ε starting at the
        // largest scaled cost: keep (nodes + 1)² × largest cost × 16 below 2⁶³.
        let scale = Double(nodes + 1)
        return Double(largestCost) * scale * scale * 16 < 9.0e18 && totalSupply <= Int(Int32.max)
    }

    /// Adds an edge; returns its number, to read its flow after `solve`.
    @discardableResult
    mutating func addEdge(from: Int, to: Int, capacity: Int, cost: Int64) -> Int {
        edges.append((from, to, max(0, capacity), cost))
        return edges.count - 1
    }

    /// Units entering the network at `node` (negative: leaving it).
    mutating func setSupply(_ units: Int, at node: Int) {
        supply[node] = units
    }

    /// The flow through an edge, after `solve`.
    func flow(at edge: Int) -> Int {
        guard let solved else { return 0 }
        return solved.network.flow(forward: solved.forward[edge])
    }

    /// Finds a minimum-cost flow that meets every supply.
    mutating func solve() {
        let scale = Int64(nodes + 1)
        let scaled = edges.map { ($0.from, $0.to, $0.capacity, $0.cost * scale) }
        let (network, forward) = ResidualNetwork.make(nodes: nodes, edges: scaled, supply: supply)
        // Zero flow at zero prices is ε-optimal for ε = the largest cost.
        var epsilon = max(1, network.largestCost)
        repeat {
            epsilon = max(1, epsilon / Self.shrink)
            network.refine(epsilon: epsilon)
        } while epsilon > 1
        solved = (network, forward)
    }
}
