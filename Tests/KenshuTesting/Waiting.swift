import Foundation

/// Waiting on a condition with a deadline: a test polls what it waits for, never sleeps a
/// fixed time, and fails (rather than hangs) when the deadline passes.
public enum Waiting {
    /// Polls `condition` every `interval` until it holds or `timeout` has passed; returns
    /// whether it held.
    @discardableResult
    public static func until(
        timeout: Duration, interval: Duration = .milliseconds(50), _ condition: () throws -> Bool
    ) rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            if try condition() { return true }
            if ContinuousClock.now >= deadline { return false }
            Thread.sleep(forTimeInterval: seconds(interval))
        }
    }

    /// Runs `body` on another thread and waits at most `timeout` for it to return; false when
    /// it did not (the thread is left to finish on its own), so a test that would hang fails.
    public static func returns(within timeout: Duration, _ body: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            body()
            done.signal()
        }
        return done.wait(timeout: .now() + seconds(timeout)) == .success
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
