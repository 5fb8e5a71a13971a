import Dispatch
import KenshuCore
import KenshuCycle

/// Runs the daemon's blocking work (imports, the weekly cycle: SQLite and file I/O) one job
/// at a time on a thread of its own, off Swift's cooperative pool, so that a long import
/// never starves the watchdog or signal handling, and two jobs never write the store at once.
public final class WorkQueue: Sendable {
    private let queue = DispatchQueue(label: "kenshu.work", qos: .utility)

    public init() {}

    /// Runs `job` after the jobs queued before it and returns its result.
    public func run<T: Sendable>(_ job: @escaping @Sendable () throws(KenshuError) -> T) async throws(KenshuError) -> T {
        let result: Result<T, KenshuError> = await withCheckedContinuation { continuation in
            queue.async {
                do throws(KenshuError) {
                    continuation.resume(returning: .success(try job()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }
}
