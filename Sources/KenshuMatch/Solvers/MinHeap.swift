/// A min-heap of (distance, node) for the shortest-path searches of the seat flow and the
/// mentor solver. Keys and nodes sit in two arrays and an entry moves into a hole rather than being swapped;
/// among equal keys it gives the same order as a textbook binary heap that swaps (the left
/// child first), so the solver breaks ties the same way whatever the heap's layout in memory.
struct MinHeap {
    private var keys: [Int64] = []
    private var nodes: [Int] = []

    /// Empties the heap, keeping its storage for the next search.
    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    /// The least key in the heap.
    var minimumKey: Int64? { keys.first }

    mutating func push(_ key: Int64, _ node: Int) {
        keys.append(key)
        nodes.append(node)
        var hole = keys.count - 1
        while hole > 0 {
            let parent = (hole - 1) / 2
            guard key < keys[parent] else { break }
            keys[hole] = keys[parent]
            nodes[hole] = nodes[parent]
            hole = parent
        }
        keys[hole] = key
        nodes[hole] = node
    }

    mutating func pop() -> (key: Int64, node: Int)? {
        guard let top = keys.first, let topNode = nodes.first else { return nil }
        let key = keys.removeLast()
        let node = nodes.removeLast()
        let count = keys.count
        guard count > 0 else { return (top, topNode) }
        var hole = 0
        while true {
            let left = 2 * hole + 1
            guard left < count else { break }
            let right = left + 1
            let child = right < count && keys[right] < keys[left] ? right : left
            guard keys[child] < key else { break }
            keys[hole] = keys[child]
            nodes[hole] = nodes[child]
            hole = child
        }
        keys[hole] = key
        nodes[hole] = node
        return (top, topNode)
    }
}
