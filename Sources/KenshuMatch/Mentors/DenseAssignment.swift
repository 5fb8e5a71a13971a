extension CapacitatedAssignment {
    /// The cost of a pair that is not allowed, in `AssignmentCosts`.
    static let forbidden = Int64.max

    /// A dense instance's answer: the column each row is paired with (or −1), how many
    /// columns each row was allowed, how many pairs and their total cost.
    struct DenseSolution {
        var columnOfRow: [Int]
        var allowed: [Int]
        var matched: Int
        var totalCost: Int64
    }

    /// Instances with at most this many pairs show the search every pair from the start.
    static let smallInstancePairs = 1 << 18

    /// Solves a dense instance exactly without handing every pair to the search. Each row
    /// first lists its `candidates` cheapest columns, with a floor under the others; when a
    /// search reaches the distance at which a missing pair could matter, the row is worked out
    /// again and lists twice as many, now the cheapest counting the columns' potentials (which
    /// price a popular mentor up). Costs are computed one row at a time and never stored.
    static func solve(capacities: [Int], costs: some AssignmentCosts, candidates: Int = 16,
                      everyPairUpTo: Int = smallInstancePairs) -> DenseSolution {
        let rows = costs.rows
        let columns = costs.columns
        let first = rows * columns <= everyPairUpTo ? columns : max(1, candidates)
        var buffer = [Int64](repeating: 0, count: columns)
        var allowed = [Int](repeating: 0, count: rows)
        var spread: Int64 = 0
        var cheapest = CheapestColumns(count: first)
        var lists: [RowEdges] = []
        lists.reserveCapacity(rows)
        for row in 0..<rows {
            buffer.withUnsafeMutableBufferPointer { costs.costs(ofRow: row, into: $0) }
            cheapest.removeAll()
            for column in 0..<columns where buffer[column] != forbidden {
                allowed[row] += 1
                spread += abs(buffer[column])
                cheapest.offer(buffer[column], column)
            }
            lists.append(edges(of: row, columns: columns, costs: buffer, chosen: cheapest,
                               complete: allowed[row] <= first))
        }
        let paths = AugmentingPaths(rows: lists, capacities: capacities, bonus: bonus(spread: spread)) { row, potentials, listed in
            let size = 2 * listed

            var cheapest = CheapestColumns(count: size)
            buffer.withUnsafeMutableBufferPointer { costs.costs(ofRow: row, into: $0) }
            for column in 0..<columns where buffer[column] != forbidden {
                cheapest.offer(buffer[column] - potentials[potentials.startIndex + column], column)
            }
            return edges(of: row, columns: columns, costs: buffer, chosen: cheapest, complete: allowed[row] <= size)
        }
        return DenseSolution(columnOfRow: paths.columnOfRow, allowed: allowed, matched: paths.columnOfRow.count { $0 >= 0 },
                             totalCost: zip(paths.columnOfRow, paths.costOfRow).reduce(0) { $0 + ($1.0 >= 0 ? $1.1 : 0) })
    }

    /// A row's chosen columns in the order of columns, with the floor under the others unless
    /// the row is complete.
    private static func edges(of row: Int, columns: Int, costs: [Int64], chosen: CheapestColumns, complete: Bool) -> RowEdges {
        var edges = RowEdges()
        for column in chosen.columns.sorted() { edges.add(column: column, cost: costs[column], order: row * columns + column) }
        if !complete { edges.floor = chosen.highestCost }
        return edges
    }
}
