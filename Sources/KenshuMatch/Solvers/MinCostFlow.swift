/// Minimum-cost flow by successive shortest paths (Dijkstra with Johnson potentials), in the
/// form of a transportation problem: each supplier's units are routed to the sink one at a
/// time along a shortest path from that supplier. Costs are integers and may be negative,
/// given starting potentials that make every reduced cost non-negative.
struct MinCostFlow {
    struct Edge {
        var to: Int
        var reverse: Int
        var capacity: Int
        var cost: Int64
    }

    private(set) var graph: [[Edge]]

    init(nodes: Int) {
        graph = Array(repeating: [], count: nodes)
    }

    /// Adds an edge; returns where it is, to read its flow afterwards.
    @discardableResult
    mutating func addEdge(from: Int, to: Int, capacity: Int, cost: Int64) -> (node: Int, index: Int) {
        let index = graph[from].count
        graph[from].append(Edge(to: to, reverse: graph[to].count, capacity: capacity, cost: cost))
        graph[to].append(Edge(to: from, reverse: index, capacity: 0, cost: -cost))
        return (from, index)
    }

    /// The flow through an edge added with `addEdge` (its reverse edge's residual capacity).
    func flow(at edge: (node: Int, index: Int)) -> Int {
        let forward = graph[edge.node][edge.index]
        return graph[forward.to][forward.reverse].capacity
    }

    /// Routes each node's supply to `sink`, one unit at a time, along a shortest path from that
    /// node (Dijkstra on reduced costs, stopping at the sink), as the Hungarian method adds
    /// rows: every unit must reach the sink, so give each supplier a zero-cost way out if
    /// sending nothing is allowed. `potential` must make every reduced cost non-negative at
    /// the start. Each search stays local, which on a large graph matters more than anything.
    mutating func routeSupplies(_ supplies: [(node: Int, units: Int)], sink: Int, potential start: [Int64]) {
        var potential = start
        let infinity = Int64.max / 4
        var distance = [Int64](repeating: infinity, count: graph.count)
        var previous = [(node: Int, edge: Int)](repeating: (-1, -1), count: graph.count)
        var settled = [Bool](repeating: false, count: graph.count)
        var touched: [Int] = []
        var heap = MinHeap()
        for (supplier, units) in supplies {
            for _ in 0..<units {
                for node in touched {
                    distance[node] = infinity
                    settled[node] = false
                }
                touched.removeAll(keepingCapacity: true)
                distance[supplier] = 0
                touched.append(supplier)
                heap.removeAll()
                heap.push(0, supplier)
                var reached = false
                while let (d, node) = heap.pop() {
                    guard !settled[node], d == distance[node] else { continue }
                    settled[node] = true
                    if node == sink {
                        reached = true
                        break
                    }
                    for (index, edge) in graph[node].enumerated() where edge.capacity > 0 {
                        let next = d + edge.cost + potential[node] - potential[edge.to]
                        if next < distance[edge.to] {
                            if distance[edge.to] == infinity { touched.append(edge.to) }
                            distance[edge.to] = next
                            previous[edge.to] = (node, index)
                            heap.push(next, edge.to)
                        }
                    }
                }
                guard reached else { break }
                // Potentials move only where the search settled nodes short of the sink.
                let toSink = distance[sink]
                for node in touched where settled[node] && distance[node] < toSink {
                    potential[node] += distance[node] - toSink
                }
                var node = sink
                while node != supplier {
                    let step = previous[node]
                    graph[step.node][step.edge].capacity -= 1
                    let reverse = graph[step.node][step.edge].reverse
                    graph[node][reverse].capacity += 1
                    node = step.node
                }
            }
        }
    }
}
