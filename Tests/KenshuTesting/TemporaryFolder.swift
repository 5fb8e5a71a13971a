import Foundation

/// A new folder under the system's temporary folder, removed with everything in it when the
/// last reference goes: a test suite that keeps one as a property cleans up after each test.
public final class TemporaryFolder: Sendable {
    public let url: URL

    /// Makes `<tmp>/<prefix>-<UUID>`.
    public init(_ prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
