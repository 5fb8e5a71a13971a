/// The flow network of one seat-allocation component (people → presentations → sink, or
/// people → sink), solved by cost scaling; when its costs are too large for cost scaling's
/// arithmetic, by shortest paths one unit at a time (`MinCostFlow`), slower but exact too.
struct SeatNetwork {
    private let nodes: Int
    private let largestCost: Int64
    private var edges: [(from: Int, to: Int, capacity: Int, cost: Int64)] = []
    private var supplies: [(node: Int, units: Int)] = []
    private var flows: [Int] = []

    /// - Parameter largestCost: the largest |cost| of any edge to come.
    init(nodes: Int, largestCost: Int64) {
        self.nodes = nodes
        self.largestCost = largestCost
    }

    /// Adds an edge; returns its number, to read its flow after `solve`. Only edges into the
    /// sink or into a node whose own edges all cost nothing may have a negative cost.
    @discardableResult
    mutating func addEdge(from: Int, to: Int, capacity: Int, cost: Int64) -> Int {
        edges.append((from, to, capacity, cost))
        return edges.count - 1
    }

    /// Units that `node` must send to the sink.
    mutating func supply(_ units: Int, at node: Int) {
        supplies.append((node, units))
    }

    /// The flow through an edge, after `solve`.
    func flow(at edge: Int) -> Int { flows[edge] }

    /// How to solve: the tests compare the two.
    enum Method {
        case costScaling
        case shortestPaths
    }

    /// Routes every supply to `sink` at the least total cost; by cost scaling unless told
    /// otherwise or the costs are too large for it.
    mutating func solve(sink: Int, method: Method = .costScaling) {
        let totalSupply = supplies.reduce(0) { $0 + $1.units }
        if method == .costScaling, CostScalingFlow.fits(nodes: nodes, largestCost: largestCost, totalSupply: totalSupply) {
            var network = CostScalingFlow(nodes: nodes)
            for edge in edges { network.addEdge(from: edge.from, to: edge.to, capacity: edge.capacity, cost: edge.cost) }
            for (node, units) in supplies { network.setSupply(units, at: node) }
            network.setSupply(-totalSupply, at: sink)
            network.solve()
            flows = edges.indices.map { network.flow(at: $0) }
        } else {
            var network = MinCostFlow(nodes: nodes)
            // Reduced costs start non-negative: a node's potential covers its cheapest edge
            // (the nodes its negative edges enter have no negative edge of their own).
            var potential = [Int64](repeating: 0, count: nodes)
            let handles = edges.map { edge in
                potential[edge.from] = max(potential[edge.from], -edge.cost)
                return network.addEdge(from: edge.from, to: edge.to, capacity: edge.capacity, cost: edge.cost)
            }
            network.routeSupplies(supplies, sink: sink, potential: potential)
            flows = handles.map { network.flow(at: $0) }
        }
    }
}
