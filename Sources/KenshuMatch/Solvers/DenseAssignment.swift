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

    /// Solves a dense instance exactly without handing every pair to the search. A first pass
    /// counts each row's allowed pairs and sums the costs (for the bonus). A row is listed only
    /// when its turn comes: its `candidates` cheapest columns counting the columns' potentials
    /// (which price a popular mentor up), cheapest first, with a floor under the others. A
    /// search relaxes a listed row only as far as it gets, and should it reach the floor, the
    /// row is worked out again and lists twice as many. Costs are computed one row at a time
    /// and never stored.
    static func solve(capacities: [Int], costs: some AssignmentCosts, candidates: Int = 16,
                      everyPairUpTo: Int = smallInstancePairs) -> DenseSolution {
        let rows = costs.rows
        let columns = costs.columns
        let everyPair = rows * columns <= everyPairUpTo
        let first = everyPair ? columns : max(1, candidates)
        var buffer = [Int64](repeating: 0, count: columns)
        var allowed = [Int](repeating: 0, count: rows)
        var spread: Int64 = 0
        var lists: [RowEdges] = []
        lists.reserveCapacity(rows)
        for row in 0..<rows {
            buffer.withUnsafeMutableBufferPointer { costs.costs(ofRow: row, into: $0) }
            var least = Int64.max
            for column in 0..<columns where buffer[column] != forbidden {
                allowed[row] += 1
                spread += abs(buffer[column])
                least = min(least, buffer[column])
            }
            if everyPair {
                var edges = RowEdges()
                for column in 0..<columns where buffer[column] != forbidden {
                    edges.add(column: column, cost: buffer[column], order: row * columns + column)
                }
                lists.append(edges)
            } else {
                // Listed when the row's turn comes, at the prices of the moment.
                lists.append(RowEdges(floor: allowed[row] > 0 ? least : nil))
            }
        }
        let paths = AugmentingPaths(rows: lists, capacities: capacities, bonus: bonus(spread: spread)) { row, potentials, listed in
            let size = max(first, 2 * listed)
            var cheapest = CheapestColumns(count: size)
            buffer.withUnsafeMutableBufferPointer { costs.costs(ofRow: row, into: $0) }
            buffer.withUnsafeBufferPointer { costs in
                potentials.withUnsafeBufferPointer { potentials in
                    for column in 0..<columns where costs[column] != forbidden {
                        let key = costs[column] - potentials[column]
                        if cheapest.wouldKeep(key) { cheapest.offer(key, column) }
                    }
                }
            }
            return edges(of: row, columns: columns, costs: buffer, chosen: cheapest, complete: allowed[row] <= size)
        }
        return DenseSolution(columnOfRow: paths.columnOfRow, allowed: allowed, matched: paths.columnOfRow.count { $0 >= 0 },
                             totalCost: zip(paths.columnOfRow, paths.costOfRow).reduce(0) { $0 + ($1.0 >= 0 ? $1.1 : 0) })
    }

    /// A row's chosen columns, cheapest first (counting the columns' potentials), with the
    /// floor under the others unless the row is complete.
    private static func edges(of row: Int, columns: Int, costs: [Int64], chosen: CheapestColumns, complete: Bool) -> RowEdges {
        var edges = RowEdges()
        for (key, column) in chosen.ranked { edges.add(column: column, cost: costs[column], order: row * columns + column, key: key) }
        if !complete { edges.floor = chosen.highestCost }
        return edges
    }
}
