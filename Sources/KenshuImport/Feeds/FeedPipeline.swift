import Foundation
import KenshuCore
import KenshuXML

/// Reads a feed on a thread of its own while the import's transaction stores what it has
/// read, so that the import takes both cores: the reading side parses and maps courses, the
/// storing side stores them, and maps a share of them itself, as much as it has time for
/// (`unmappedShare`). The two meet in a bounded hand-off, so memory holds at most `capacity`
/// courses (and a batch being gathered) whatever the feed's size.
final class FeedPipeline: @unchecked Sendable {
    /// What the reading thread hands over.
    enum Item {
        case course(Course)
        /// For the storing side to map (it had time to spare).
        case unmapped(UnmappedCourse)
        case warning(FeedWarning)
    }

    /// The storing side stopped early: the reading side stops too.
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private var items: [Item] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private var readerDone = false
    private var consumed = 0
    let capacity: Int
    /// Items the reading thread hands over at a time: one lock and one wake-up of the
    /// storing side per batch, not per course.
    private let batchSize: Int
    /// Items the storing side is done with, released on the reading thread: memory goes back
    /// to the thread that allocated it, where glibc's malloc reuses it without taking a lock
    /// the reading side also needs.
    private var returned: [Item] = []
    /// Read and not yet handed over (touched by the reading thread only).
    private var pending: [Item] = []
    private var pendingBytes = 0

    /// The share of unmapped courses, in sixteenths, when fixed (for tests); nil: it adapts.
    private let fixedShare: Int?

    init(capacity: Int = 1_024, fixedShare: Int? = nil) {
        self.capacity = capacity
        batchSize = max(1, capacity / 8)
        self.fixedShare = fixedShare
        if let fixedShare { unmappedShare = fixedShare }
    }

    /// Starts reading on a new thread; `makeReader` runs there (readers are not thread-safe)
    /// and returns the reader with what tells how far it has read (bytes).
    func start(_ makeReader: @escaping @Sendable () throws -> (reader: CourseFeedReader, bytesConsumed: () -> Int)) {
        let thread = Thread { [self] in
            do {
                let (reader, bytesConsumed) = try makeReader()
                try reader.read(into: ReadingSide(pipeline: self, bytesConsumed: bytesConsumed))
                try handOver()
                finish(nil)
            } catch {
                // What was read before the failure still arrives, then the failure.
                if !(error is Cancelled) { try? handOver() }
                finish(error)
            }
        }
        thread.name = "kenshu feed reader"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The reading thread's sink: what is read is queued, and a course comes unmapped in the
    /// share `unmappedShare` sets.
    private struct ReadingSide: CourseSink {
        let pipeline: FeedPipeline
        let bytesConsumed: () -> Int

        func course(_ course: Course) throws { try pipeline.put(.course(course), bytes: bytesConsumed()) }
        func warning(_ warning: FeedWarning) { try? pipeline.put(.warning(warning), bytes: bytesConsumed()) }
        func unmapped(_ course: UnmappedCourse) throws { try pipeline.put(.unmapped(course), bytes: bytesConsumed()) }

        func takesUnmapped() -> Bool {
            pipeline.unmappedCredit += pipeline.unmappedShare
            guard pipeline.unmappedCredit >= FeedPipeline.shareSteps else { return false }
            pipeline.unmappedCredit -= FeedPipeline.shareSteps
            return true
        }
    }

    /// Sixteenths of the courses the reading side leaves unmapped for the storing side (touched
    /// by the reading thread only). Mapping is about half of the reading side's work: were the
    /// reading side to map every course, the storing side would sit waiting much of the time.
    /// The share follows the storing side: up a step each time it has taken everything handed
    /// over (it waits for more), down a step each time it has not.
    private var unmappedShare = FeedPipeline.shareSteps / 2
    private var unmappedCredit = 0
    private static let shareSteps = 16

    /// Bytes the parser has consumed, for progress.
    var bytesConsumed: Int {
        condition.lock()
        defer { condition.unlock() }
        return consumed
    }

    /// Queues one item, handing over a batch when there is one.
    private func put(_ item: Item, bytes: Int) throws {
        pending.append(item)
        pendingBytes = bytes
        if pending.count >= batchSize { try handOver() }
    }

    /// Hands over the pending items, waiting while the storing side is `capacity` items behind.
    private func handOver() throws {
        guard !pending.isEmpty else { return }
        var released: [Item] = []
        condition.lock()
        while items.count >= capacity && !cancelled { condition.wait() }
        if cancelled {
            condition.unlock()
            throw Cancelled()
        }
        if items.isEmpty {
            // The storing side has taken everything: the batch changes hands without a copy.
            swap(&items, &pending)
            if fixedShare == nil { unmappedShare = min(Self.shareSteps, unmappedShare + 1) }
        } else {
            items.append(contentsOf: pending)
            pending.removeAll(keepingCapacity: true)
            if fixedShare == nil { unmappedShare = max(0, unmappedShare - 1) }
        }
        swap(&released, &returned)
        consumed = pendingBytes
        condition.broadcast()
        condition.unlock()
        // The courses the storing side is done with are freed here, and their buffer gathers
        // the next batch.
        released.removeAll(keepingCapacity: true)
        if released.capacity > pending.capacity { swap(&pending, &released) }
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        readerDone = true
        if !(error is Cancelled) { failure = error }
        condition.broadcast()
        condition.unlock()
    }

    /// Puts the items read since the last call in `batch` (what it held goes back to the
    /// reading side, to be freed and its buffer reused), waiting for some; false when the feed is read.
    /// Rethrows what stopped the reading (a rejected feed).
    func next(into batch: inout [Item]) throws -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if returned.isEmpty {
            swap(&returned, &batch)
        } else {
            // The reading side has not collected the last batch yet (it is waiting on the file
            // or has finished): this one is freed here.
            batch.removeAll(keepingCapacity: true)
        }
        while items.isEmpty && !finished { condition.wait() }
        if !items.isEmpty {
            swap(&batch, &items)
            condition.broadcast()
            return true
        }
        if let failure { throw failure }
        return false
    }

    /// Stops the reading side (the storing side failed) and waits until it has let go of the file.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !readerDone { condition.wait() }
        condition.unlock()
    }
}
