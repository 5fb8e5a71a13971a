/// Some of a row's (left node's) edges, as the augmenting-path search sees them: each with its
/// column (right node), cost, and place in the caller's order (among equally good moves the
/// earlier edge wins). `floor`, when set, says that edges are missing and bounds them: every
/// missing edge has `cost − potential[column] ≥ floor` for the column potentials the search
/// has now or will have later (they only ever go down).
struct RowEdges {
    var column: [Int] = []
    var cost: [Int64] = []
    var order: [Int] = []
    var floor: Int64?

    mutating func add(column: Int, cost: Int64, order: Int) {
        self.column.append(column)
        self.cost.append(cost)
        self.order.append(order)
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
/// ask `refill` for more of the row (with the columns' potentials of the moment). The answer is
/// exact over every edge all the same.
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
    /// has (all of them, or a `floor` for the rest).
    init(rows: [RowEdges], capacities: [Int], bonus: Int64,
         refill: (_ row: Int, _ columnPotentials: ArraySlice<Int64>, _ listed: Int) -> RowEdges) {
        let count = rows.count
        columnOfRow = [Int](repeating: -1, count: count)
        costOfRow = [Int64](repeating: 0, count: count)
        orderOfRow = [Int](repeating: -1, count: count)
        potential = [Int64](repeating: 0, count: count + capacities.count + 1)
        for (row, edges) in rows.enumerated() {
            // Reduced costs start non-negative: a row's potential covers its cheapest edge
            // (which a row lists, when it lists only some).
            for cost in edges.cost { potential[row] = max(potential[row], bonus - cost) }
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
        var heap = AssignmentHeap()
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
        func relaxEdges(of row: Int) {
            let reached = distance[row]
            let edges = rows[row]
            for index in edges.column.indices where edges.order[index] != orderOfRow[row] {
                let column = rowCount + edges.column[index]
                let next = reached + (edges.cost[index] - bonus) + potential[row] - potential[column]
                if next < distance[column] {
                    reachedCost[column - rowCount] = edges.cost[index]
                    reachedOrder[column - rowCount] = edges.order[index]
                }
                relax(column, next, by: row)
            }
            if let floor = edges.floor { heap.push(reached + floor - bonus + potential[row], further + row) }
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
                    rows[row] = refill(row, potential[rowCount..<sink], rows[row].column.count)
                    relaxEdges(of: row)
                    continue
                }
                guard !settled[node], reached == distance[node] else { continue }
                settled[node] = true
                if node == sink { break }
                if node < rowCount {
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
