/// The residual network that cost scaling works on, and one phase of it (`refine`): arcs
/// grouped by tail node, each node's excess and price. Held in buffers of its own, as the
/// inner loops run over millions of arcs. Prices follow Goldberg's sign: an arc is
/// admissible when it has residual capacity and cost + price(tail) − price(head) < 0.
final class ResidualNetwork {
    /// An arc, with its reverse's residual capacity beside its own: searches backwards then
    /// read one arc, not two far apart.
    struct Arc {
        var head: Int32
        var reverse: Int32
        var residual: Int32
        var reverseResidual: Int32
        var cost: Int64
    }

    private let nodes: Int
    /// The nodes with demand.
    private let sinks: [Int]
    /// Where each node's arcs begin; the last entry is where they all end.
    private let first: UnsafeMutableBufferPointer<Int>
    private let arcs: UnsafeMutableBufferPointer<Arc>
    private let excess: UnsafeMutableBufferPointer<Int>
    private let price: UnsafeMutableBufferPointer<Int64>
    /// Per node, the arc its discharge goes on from: the arcs before it are not admissible.
    private let current: UnsafeMutableBufferPointer<Int>
    /// Nodes with excess, first in first out, each at most once.
    private let queue: UnsafeMutableBufferPointer<Int>
    private let queued: UnsafeMutableBufferPointer<Bool>
    private var queueHead = 0
    private var queueCount = 0
    private let isSink: UnsafeMutableBufferPointer<Bool>
    private var waitingSinks: [Int] = []
    /// The price update's distances (in ε) and which nodes it has settled.
    private let distance: UnsafeMutableBufferPointer<Int64>
    private let settled: UnsafeMutableBufferPointer<Bool>
    private var heap = MinHeap()

    /// - Returns: the network, and where each edge's forward arc is.
    static func make(
        nodes: Int, edges: [(from: Int, to: Int, capacity: Int, cost: Int64)], supply: [Int]
    ) -> (network: ResidualNetwork, forward: [Int]) {
        let network = ResidualNetwork(nodes: nodes, arcCount: edges.count * 2, sinks: supply.indices.filter { supply[$0] < 0 })
        var next = [Int](repeating: 0, count: nodes + 1)
        for edge in edges {
            next[edge.from + 1] += 1
            next[edge.to + 1] += 1
        }
        for node in 0..<nodes { next[node + 1] += next[node] }
        for node in 0...nodes { network.first[node] = next[node] }
        var forward = [Int](repeating: 0, count: edges.count)
        for (number, edge) in edges.enumerated() {
            let out = next[edge.from]
            next[edge.from] += 1
            let back = next[edge.to]
            next[edge.to] += 1
            let capacity = Int32(clamping: edge.capacity)
            network.arcs[out] = Arc(head: Int32(edge.to), reverse: Int32(back), residual: capacity, reverseResidual: 0,
                                    cost: edge.cost)
            network.arcs[back] = Arc(head: Int32(edge.from), reverse: Int32(out), residual: 0, reverseResidual: capacity,
                                     cost: -edge.cost)
            forward[number] = out
        }
        for node in 0..<nodes { network.excess[node] = supply[node] }
        return (network, forward)
    }

    private init(nodes: Int, arcCount: Int, sinks: [Int]) {
        self.nodes = nodes
        self.sinks = sinks
        first = .allocate(capacity: nodes + 1)
        arcs = .allocate(capacity: arcCount)
        arcs.initialize(repeating: Arc(head: 0, reverse: 0, residual: 0, reverseResidual: 0, cost: 0))
        excess = .allocate(capacity: nodes)
        excess.initialize(repeating: 0)
        price = .allocate(capacity: nodes)
        price.initialize(repeating: 0)
        current = .allocate(capacity: nodes)
        current.initialize(repeating: 0)
        queue = .allocate(capacity: max(1, nodes))
        queue.initialize(repeating: 0)
        queued = .allocate(capacity: nodes)
        queued.initialize(repeating: false)
        isSink = .allocate(capacity: nodes)
        isSink.initialize(repeating: false)
        for sink in sinks { isSink[sink] = true }
        distance = .allocate(capacity: nodes)
        distance.initialize(repeating: 0)
        settled = .allocate(capacity: nodes)
        settled.initialize(repeating: false)
    }

    deinit {
        for buffer in [first, current, queue, excess] { buffer.deallocate() }
        for buffer in [price, distance] { buffer.deallocate() }
        queued.deallocate()
        isSink.deallocate()
        settled.deallocate()
        arcs.deallocate()
    }

    /// The largest |cost| of any arc.
    var largestCost: Int64 { arcs.reduce(0) { max($0, abs($1.cost)) } }

    /// The flow through an edge, given its forward arc.
    func flow(forward arc: Int) -> Int { Int(arcs[arc].reverseResidual) }

    /// One phase: from any pseudoflow to an ε-optimal flow that meets every supply (every
    /// residual arc's reduced cost at least −ε).
    func refine(epsilon: Int64) {
        // A node with demand (the sink) has many arcs in, and scanning them all to relabel it
        // costs more than anything: its price is lowered first so that no arc into it has to
        // be saturated, and its excess stays negative.
        for sink in sinks {
            var lowest = price[sink]
            for arc in first[sink]..<first[sink + 1] {
                if arcs[arc].reverseResidual > 0 { lowest = min(lowest, price[Int(arcs[arc].head)] - arcs[arc].cost) }
            }
            price[sink] = lowest
        }
        // Arcs of negative reduced cost are saturated: the pseudoflow is then 0-optimal.
        for node in 0..<nodes {
            for arc in first[node]..<first[node + 1] where arcs[arc].residual > 0 {
                let head = Int(arcs[arc].head)
                guard arcs[arc].cost + price[node] - price[head] < 0 else { continue }
                let units = Int(arcs[arc].residual)
                move(units, along: arc)
                excess[node] -= units
                excess[head] += units
            }
        }
        for node in 0..<nodes where excess[node] > 0 { enqueue(node) }
        // Relabelling node by node from the saturated pseudoflow would take many small steps
        // (and on the sink, a scan of all its arcs each): a global update sets every price at
        // once (Goldberg's price update heuristic), at the start, and again should relabels
        // pile up.
        updatePrices(epsilon: epsilon)
        let updateAfter = nodes * 4 + 16
        var relabels = 0
        while true {
            guard let node = dequeue() else {
                // The sinks' turn comes when no other node has excess (see `enqueue`).
                guard !waitingSinks.isEmpty else { break }
                for sink in waitingSinks {
                    queued[sink] = false
                    enqueue(sink, now: true)
                }
                waitingSinks.removeAll()
                continue
            }
            relabels += discharge(node, epsilon: epsilon)
            if relabels > updateAfter {
                updatePrices(epsilon: epsilon)
                relabels = 0
            }
        }
    }

    /// Pushes a node's excess along admissible arcs, relabelling it whenever none is left;
    /// returns how many times it was relabelled.
    private func discharge(_ node: Int, epsilon: Int64) -> Int {
        let end = first[node + 1]
        var arc = current[node]
        var relabels = 0
        while excess[node] > 0 {
            if arc == end {
                // Relabel: the price that makes the best residual arc's reduced cost −ε.
                var best = Int64.min
                for candidate in first[node]..<end where arcs[candidate].residual > 0 {
                    best = max(best, price[Int(arcs[candidate].head)] - arcs[candidate].cost)
                }
                guard best > Int64.min else { break }
                price[node] = best - epsilon
                relabels += 1
                arc = first[node]
                continue
            }
            let head = Int(arcs[arc].head)
            if arcs[arc].residual > 0, arcs[arc].cost + price[node] - price[head] < 0 {
                let units = min(excess[node], Int(arcs[arc].residual))
                move(units, along: arc)
                excess[node] -= units
                let before = excess[head]
                excess[head] += units
                if before <= 0 && excess[head] > 0 { enqueue(head) }
                if arcs[arc].residual > 0 { break }
            }
            arc += 1
        }
        current[node] = arc
        return relabels
    }

    /// Lowers prices at once so that every node with excess has an admissible path to a node
    /// with a deficit, lowering each by the fewest steps of ε it needs (a shortest-path search
    /// backwards from the deficits, an arc's length being how many steps of ε make it
    /// admissible). Every residual arc stays at reduced cost −ε or more.
    private func updatePrices(epsilon: Int64) {
        var waiting = 0
        for node in 0..<nodes {
            settled[node] = false
            distance[node] = Int64.max
            if excess[node] > 0 { waiting += 1 }
        }
        heap.removeAll()
        for node in 0..<nodes where excess[node] < 0 {
            distance[node] = 0
            heap.push(0, node)
        }
        var reached: Int64 = 0
        while waiting > 0, let (steps, node) = heap.pop() {
            guard !settled[node], steps == distance[node] else { continue }
            settled[node] = true
            reached = steps
            if excess[node] > 0 { waiting -= 1 }
            for arc in first[node]..<first[node + 1] {
                // The residual arc into `node` is this arc's reverse.
                let tail = Int(arcs[arc].head)
                guard arcs[arc].reverseResidual > 0, !settled[tail] else { continue }
                let reduced = price[tail] - arcs[arc].cost - price[node]
                let next = steps + (reduced < 0 ? 0 : reduced / epsilon + 1)
                if next < distance[tail] {
                    distance[tail] = next
                    heap.push(next, tail)
                }
            }
        }
        for node in 0..<nodes {
            price[node] -= (settled[node] ? distance[node] : reached) * epsilon
            current[node] = first[node]
        }
    }

    /// Queues a node with excess. A sink waits until no other node has excess: relabelling it
    /// looks at all its arcs, and by then it may have to be relabelled once, not many times.
    /// Sends `units` along an arc (at most its residual capacity).
    @inline(__always)
    private func move(_ units: Int, along arc: Int) {
        let amount = Int32(truncatingIfNeeded: units)
        let reverse = Int(arcs[arc].reverse)
        arcs[arc].residual -= amount
        arcs[arc].reverseResidual += amount
        arcs[reverse].residual += amount
        arcs[reverse].reverseResidual -= amount
    }

    private func enqueue(_ node: Int, now: Bool = false) {
        guard !queued[node] else { return }
        if !now && isSink[node] {
            queued[node] = true
            waitingSinks.append(node)
            return
        }
        queued[node] = true
        queue[(queueHead + queueCount) % queue.count] = node
        queueCount += 1
    }

    private func dequeue() -> Int? {
        guard queueCount > 0 else { return nil }
        let node = queue[queueHead]
        queueHead = (queueHead + 1) % queue.count
        queueCount -= 1
        queued[node] = false
        return node
    }
}
