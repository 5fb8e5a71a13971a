/// Some of a row's (left node's) edges, as the augmenting-path search sees them: each with its
/// column (right node), cost, and place in the caller's order (among equally good moves the
/// earlier edge wins). `floor`, when set, says that edges are missing and bounds them: every
/// missing edge has `cost − potential[column] ≥ floor` for the column potentials the search
/// has now or will have later (they only ever go down).
struct RowEdges {
    var column: [Int] = []
    var cost: [Int64] = []
    var order: [Int] = []
    /// Empty, or each edge's `cost − potential[column]` when listed, in increasing order: a
    /// bound like `floor` for the edges from there on, so the search relaxes them only as far
    /// as it gets.
    var key: [Int64] = []
    var floor: Int64?

    mutating func add(column: Int, cost: Int64, order: Int, key: Int64? = nil) {
        self.column.append(column)
        self.cost.append(cost)
        self.order.append(order)
        if let key { self.key.append(key) }
    }
}

/// Successive shortest augmenting paths (the Hungarian method with capacities): rows are added
/// one at a time, each along a shortest path in the residual graph (Dijkstra on costs reduced
/// by Johnson potentials, stopping at the sink). A row may also stay unmatched at no cost, so
/// each edge carries `cost − bonus`: with `bonus` above any difference of total costs, more
/// pairs always win, then the cheaper. The residual graph is never built: a row's forward
/// edges are its allowed edges, a column's backward edges its occupants.
///
/// A row need not list all its edges. Its missing ones are bounded by `floor`, so the search
/// knows the least distance at which one could matter; only if the search gets that far does it
/// ask `refill` for more of the row (with the columns' potentials of the moment). Likewise a
/// row listed with keys is relaxed edge by edge only as far as the search has got. The answer
/// is exact over every edge all the same.
struct AugmentingPaths {
    /// The column each row is paired with (−1: unmatched), the cost and the caller's order of
    /// the edge that pairs it.
    private(set) var columnOfRow: [Int]
    private(set) var costOfRow: [Int64]
    private(set) var orderOfRow: [Int]
    /// Rows, then columns, then the sink: every residual edge has a non-negative reduced cost
    /// (`cost − bonus + potential[row] − potential[rows + column]` for an edge not in use).
    private(set) var potential: [Int64]

    /// `refill(row, columnPotentials, listed)` gives more of the row's edges than the `listed` it
    /// has (all of them, or a `floor` for the rest); it is only called for rows with a floor.
    init(rows: [RowEdges], capacities: [Int], bonus: Int64,
         refill: (_ row: Int, _ columnPotentials: ArraySlice<Int64>, _ listed: Int) -> RowEdges) {
        let count = rows.count
        columnOfRow = [Int](repeating: -1, count: count)
        costOfRow = [Int64](repeating: 0, count: count)
        orderOfRow = [Int](repeating: -1, count: count)
        potential = [Int64](repeating: 0, count: count + capacities.count + 1)
        for (row, edges) in rows.enumerated() {
            // Reduced costs start non-negative: a row's potential covers its cheapest edge,
            // listed or under the floor.
            for cost in edges.cost { potential[row] = max(potential[row], bonus - cost) }
            if let floor = edges.floor { potential[row] = max(potential[row], bonus - floor) }
        }
        search(rows, capacities: capacities.map { max(0, $0) }, bonus: bonus, refill: refill)
    }

    private mutating func search(_ initialRows: [RowEdges], capacities: [Int], bonus: Int64,
                                 refill: (Int, ArraySlice<Int64>, Int) -> RowEdges) {
        var rows = initialRows
        let rowCount = rows.count
        let sink = rowCount + capacities.count
        // Heap entries past the sink stand for "look further into row (entry − sink − 1)".
        let further = sink + 1
        let infinity = Int64.max / 4
        var distance = [Int64](repeating: infinity, count: sink + 1)
        // A column is reached from a row along an edge (its cost and order kept here); the
        // sink from a node; a row only ever from the column it occupies.
        var reachedBy = [Int](repeating: -1, count: sink + 1)
        var reachedCost = [Int64](repeating: 0, count: capacities.count)
        var reachedOrder = [Int](repeating: 0, count: capacities.count)
        var settled = [Bool](repeating: false, count: sink + 1)
        var touched: [Int] = []
        var heap = MinHeap()
        // The rows holding each column, in the caller's order of their edges.
        var occupants = [[Int]](repeating: [], count: capacities.count)
        // A row left unmatched for good (its way to the sink is used).
        var alone = [Bool](repeating: false, count: rowCount)
        var potential = self.potential
        var columnOfRow = self.columnOfRow
        var costOfRow = self.costOfRow
        var orderOfRow = self.orderOfRow

        func relax(_ node: Int, _ next: Int64, by: Int) {
            guard next < distance[node] else { return }
            if distance[node] == infinity { touched.append(node) }
            distance[node] = next
            reachedBy[node] = by
            heap.push(next, node)
        }
        // How far each settled row's edges have been relaxed in this search.
        var relaxed = [Int](repeating: 0, count: rowCount)
        func relaxEdges(of row: Int) {
            let reached = distance[row]
            let edges = rows[row]
            var index = relaxed[row]
            let ranked = !edges.key.isEmpty
            while index < edges.column.count {
                // Ranked edges are relaxed only as far as the search has got (at least one a time).
                if ranked && index > relaxed[row], let next = heap.minimumKey,
                   reached + edges.key[index] - bonus + potential[row] > next { break }
                if edges.order[index] != orderOfRow[row] {
                    let column = rowCount + edges.column[index]
                    let next = reached + (edges.cost[index] - bonus) + potential[row] - potential[column]
                    if next < distance[column] {
                        reachedCost[column - rowCount] = edges.cost[index]
                        reachedOrder[column - rowCount] = edges.order[index]
                    }
                    relax(column, next, by: row)
                }
                index += 1
            }
            relaxed[row] = index
            if let bound = index < edges.column.count ? edges.key[index] : edges.floor {
                heap.push(reached + bound - bonus + potential[row], further + row)
            }
        }

        for source in 0..<rowCount {
            for node in touched {
                distance[node] = infinity
                settled[node] = false
            }
            touched.removeAll(keepingCapacity: true)
            distance[source] = 0
            touched.append(source)
            heap.removeAll()
            heap.push(0, source)
            while let (reached, node) = heap.pop() {
                if node >= further {
                    let row = node - further
                    if relaxed[row] == rows[row].column.count {
                        rows[row] = refill(row, potential[rowCount..<sink], rows[row].column.count)
                        relaxed[row] = 0
                    }
                    relaxEdges(of: row)
                    continue
                }
                guard !settled[node], reached == distance[node] else { continue }
                settled[node] = true
                if node == sink { break }
                if node < rowCount {
                    relaxed[node] = 0
                    relaxEdges(of: node)
                    if !alone[node] { relax(sink, reached + potential[node] - potential[sink], by: node) }
                } else {
                    let column = node - rowCount
                    for row in occupants[column] {
                        relax(row, reached - (costOfRow[row] - bonus) + potential[node] - potential[row], by: node)
                    }
                    if occupants[column].count < capacities[column] {
                        relax(sink, reached + potential[node] - potential[sink], by: node)
                    }
                }
            }
            // Potentials move only where the search settled nodes short of the sink.
            let toSink = distance[sink]
            for node in touched where settled[node] && distance[node] < toSink {
                potential[node] += distance[node] - toSink
            }
            // Walk the path back: each row on it takes the column it reached, leaving its own.
            let last = reachedBy[sink]
            var column: Int
            if last < rowCount {
                // The path ends by leaving a row unmatched (the source itself, or a row whose
                // column has a better use, when no pair can be added).
                alone[last] = true
                guard last != source else { continue }
                column = columnOfRow[last]
                occupants[column].removeAll { $0 == last }
                columnOfRow[last] = -1
                orderOfRow[last] = -1
            } else {
                column = last - rowCount
            }
            while true {
                let row = reachedBy[rowCount + column]
                let left = columnOfRow[row]
                if left >= 0 { occupants[left].removeAll { $0 == row } }
                columnOfRow[row] = column
                costOfRow[row] = reachedCost[column]
                orderOfRow[row] = reachedOrder[column]
                let place = occupants[column].firstIndex { orderOfRow[$0] > orderOfRow[row] } ?? occupants[column].count
                occupants[column].insert(row, at: place)
                if row == source { break }
                column = left
            }
        }
        self.potential = potential
        self.columnOfRow = columnOfRow
        self.costOfRow = costOfRow
        self.orderOfRow = orderOfRow
    }
}
