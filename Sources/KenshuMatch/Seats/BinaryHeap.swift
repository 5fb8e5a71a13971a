/// A min-heap of (key, value) pairs, for Dijkstra's algorithm in the min-cost flow.
struct BinaryHeap {
    private var items: [(key: Int64, value: Int)] = []

    /// Empties the heap, keeping its storage for the next search.
    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func push(_ key: Int64, _ value: Int) {
        items.append((key, value))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].key < items[parent].key else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (key: Int64, value: Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < items.count && items[left].key < items[smallest].key { smallest = left }
                if right < items.count && items[right].key < items[smallest].key { smallest = right }
                guard smallest != parent else { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }
}
