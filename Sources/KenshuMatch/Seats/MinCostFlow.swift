/// Minimum-cost flow by successive shortest paths (Dijkstra with Johnson potentials). Costs
/// are integers; negative edge costs are allowed on the first graph as long as it has no
/// negative cycle (potentials start from Bellman-Ford). `run` stops as soon as one more unit
/// of flow would no longer lower the total cost, so with costs = −score it finds the flow of
/// greatest total score, not the largest flow.
struct MinCostFlow {
    struct Edge {
        var to: Int
        var reverse: Int
        var capacity: Int
        var cost: Int64
    }

    private(set) var graph: [[Edge]]
    /// Scratch of `augmentAlongTightEdges`, kept between phases (reset only where touched).
    private var level: [Int] = []
    private var next: [Int] = []

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

    /// Sends flow from `source` to `sink` while it lowers the total cost; returns (flow, cost).
    mutating func run(source: Int, sink: Int) -> (flow: Int, cost: Int64) {
        let count = graph.count
        let infinity = Int64.max / 4
        var potential = bellmanFord(source: source, infinity: infinity)
        var flow = 0
        var cost: Int64 = 0
        var distance = [Int64](repeating: infinity, count: count)
        while true {
            for node in 0..<count { distance[node] = infinity }
            distance[source] = 0
            var heap = BinaryHeap()
            heap.push(0, source)
            while let (d, node) = heap.pop() {
                guard d <= distance[node], potential[node] < infinity else { continue }
                for edge in graph[node] where edge.capacity > 0 && potential[edge.to] < infinity {
                    let next = d + edge.cost + potential[node] - potential[edge.to]
                    if next < distance[edge.to] {
                        distance[edge.to] = next
                        heap.push(next, edge.to)
                    }
                }
            }
            guard distance[sink] < infinity else { break }
            for node in 0..<count where distance[node] < infinity { potential[node] += distance[node] }
            // The real cost of a shortest path: stop once it no longer pays.
            let pathCost = potential[sink] - potential[source]
            guard pathCost < 0 else { break }
            // Every path of this cost at once (Dinic-style over the edges whose reduced cost
            // is now zero), instead of one Dijkstra per unit of flow.
            let pushed = augmentAlongTightEdges(source: source, sink: sink, potential: potential, infinity: infinity)
            guard pushed > 0 else { break }
            flow += pushed
            cost += Int64(pushed) * pathCost
        }
        return (flow, cost)
    }

    /// Pushes flow along paths whose every edge has reduced cost zero, until none is left;
    /// returns the amount. Levels (BFS distance in edges) keep the search acyclic.
    private mutating func augmentAlongTightEdges(source: Int, sink: Int, potential: [Int64], infinity: Int64) -> Int {
        if level.count != graph.count {
            level = [Int](repeating: -1, count: graph.count)
            next = [Int](repeating: 0, count: graph.count)
        }
        func tight(_ node: Int, _ edge: Edge) -> Bool {
            edge.capacity > 0 && potential[edge.to] < infinity && edge.cost + potential[node] - potential[edge.to] == 0
        }
        var total = 0
        // Only the nodes a round touches are reset: a phase must not cost the whole graph.
        var touched: [Int] = []
        defer { for node in touched { level[node] = -1; next[node] = 0 } }
        while true {
            for node in touched { level[node] = -1; next[node] = 0 }
            touched.removeAll(keepingCapacity: true)
            level[source] = 0
            touched.append(source)
            var head = 0
            while head < touched.count {
                let node = touched[head]
                head += 1
                for edge in graph[node] where level[edge.to] < 0 && edge.to != source && tight(node, edge) {
                    level[edge.to] = level[node] + 1
                    touched.append(edge.to)
                }
            }
            guard level[sink] >= 0 else { return total }
            // Iterative depth-first search for one path at a time along increasing levels.
            while true {
                var path: [(node: Int, edge: Int)] = []
                var node = source
                var found = false
                while true {
                    if node == sink {
                        found = true
                        break
                    }
                    var advanced = false
                    while next[node] < graph[node].count {
                        let edge = graph[node][next[node]]
                        if level[edge.to] == level[node] + 1 && tight(node, edge) {
                            path.append((node, next[node]))
                            node = edge.to
                            advanced = true
                            break
                        }
                        next[node] += 1
                    }
                    if advanced { continue }
                    // Dead end: never try this node again in this round; step back.
                    level[node] = -2
                    guard let last = path.popLast() else { break }
                    node = last.node
                    next[node] += 1
                }
                guard found else { break }
                var push = Int.max
                for step in path { push = min(push, graph[step.node][step.edge].capacity) }
                for step in path {
                    graph[step.node][step.edge].capacity -= push
                    let edge = graph[step.node][step.edge]
                    graph[edge.to][edge.reverse].capacity += push
                }
                total += push
            }
        }
    }

    /// Shortest distances from `source` over edges with capacity (negative costs allowed).
    private func bellmanFord(source: Int, infinity: Int64) -> [Int64] {
        var distance = [Int64](repeating: infinity, count: graph.count)
        distance[source] = 0
        var queue = [source]
        var queued = [Bool](repeating: false, count: graph.count)
        queued[source] = true
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            queued[node] = false
            for edge in graph[node] where edge.capacity > 0 && distance[node] + edge.cost < distance[edge.to] {
                distance[edge.to] = distance[node] + edge.cost
                if !queued[edge.to] {
                    queued[edge.to] = true
                    queue.append(edge.to)
                }
            }
        }
        return distance
    }
}
