#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// `map` on both cores (or all): the items are cut into chunks that the cores take in turn,
/// and the results come back in the items' order. For work that is pure and large, such as
/// making a city's mails or reading its catalogue; small lists are mapped in place.
public enum ParallelMap {
    public static func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
        let workers = min(max(sysconf(Int32(_SC_NPROCESSORS_ONLN)), 1), 8)
        guard workers > 1, items.count >= 64 else { return items.map(transform) }
        // Several chunks a core, so that one slow chunk does not leave the other core idle.
        let size = (items.count + workers * 4 - 1) / (workers * 4)
        let starts = Array(stride(from: 0, to: items.count, by: size))
        let done = Mutex<[Int: [Result]]>([:])
        DispatchQueue.concurrentPerform(iterations: starts.count) { chunk in
            let range = starts[chunk]..<min(starts[chunk] + size, items.count)
            let results = items[range].map(transform)
            done.withLock { $0[chunk] = results }
        }
        let chunks = done.withLock { $0 }
        return starts.indices.flatMap { chunks[$0] ?? [] }
    }
}
