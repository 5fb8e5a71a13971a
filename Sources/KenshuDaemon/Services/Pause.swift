import ServiceLifecycle

/// Waits `duration`, or less when the daemon starts shutting down: true when the wait ran
/// its course, false when the service should return.
func pause(_ duration: Duration) async -> Bool {
    if Task.isShuttingDownGracefully || Task.isCancelled { return false }
    do {
        try await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
    } catch {
        return false
    }
    return !Task.isShuttingDownGracefully && !Task.isCancelled
}
