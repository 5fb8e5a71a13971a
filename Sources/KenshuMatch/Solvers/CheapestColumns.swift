/// The `count` cheapest columns of a row, offered one at a time in the order of columns (ties
/// go to the earlier column): a max-heap of the kept ones, so that most offers are turned
/// down by a single comparison with the dearest kept.
struct CheapestColumns {
    private let count: Int
    private var costs: [Int64] = []
    private var columns: [Int] = []

    init(count: Int) {
        self.count = count
        costs.reserveCapacity(count)
        columns.reserveCapacity(count)
    }

    /// The kept columns with their costs, cheapest first (ties: the earlier column).
    var ranked: [(cost: Int64, column: Int)] {
        zip(costs, columns).map { ($0, $1) }.sorted { ($0.cost, $0.column) < ($1.cost, $1.column) }
    }

    /// The dearest cost kept (nil when none is).
    var highestCost: Int64? { costs.first }

    mutating func removeAll() {
        costs.removeAll(keepingCapacity: true)
        columns.removeAll(keepingCapacity: true)
    }

    /// Whether a column of this cost, offered now, would be kept (a later column never beats
    /// a kept one of the same cost).
    @inline(__always)
    func wouldKeep(_ cost: Int64) -> Bool {
        costs.count < count || cost < costs[0]
    }

    /// Offers a column; columns must come in increasing order.
    mutating func offer(_ cost: Int64, _ column: Int) {
        if costs.count < count {
            costs.append(cost)
            columns.append(column)
            var hole = costs.count - 1
            while hole > 0 {
                let parent = (hole - 1) / 2
                guard dearer(cost, column, than: parent) else { break }
                costs[hole] = costs[parent]
                columns[hole] = columns[parent]
                hole = parent
            }
            costs[hole] = cost
            columns[hole] = column
            return
        }
        // A later column never beats a kept one of the same cost.
        guard let top = costs.first, cost < top else { return }
        var hole = 0
        while true {
            let left = 2 * hole + 1
            guard left < count else { break }
            let right = left + 1
            let child = right < count && dearer(costs[right], columns[right], than: left) ? right : left
            guard dearer(costs[child], columns[child], thanCost: cost, column) else { break }
            costs[hole] = costs[child]
            columns[hole] = columns[child]
            hole = child
        }
        costs[hole] = cost
        columns[hole] = column
    }

    private func dearer(_ cost: Int64, _ column: Int, than place: Int) -> Bool {
        dearer(cost, column, thanCost: costs[place], columns[place])
    }

    private func dearer(_ cost: Int64, _ column: Int, thanCost other: Int64, _ otherColumn: Int) -> Bool {
        (cost, column) > (other, otherColumn)
    }
}
