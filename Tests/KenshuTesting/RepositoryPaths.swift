import Foundation

/// Where the tests find the repository's own files and the shared material beside it.
///
/// `../shared` (beside the clone) holds the third-party XCRI-CAP feeds and the public
/// validator's fixtures; the tests that read it are skipped when it is absent
/// (`hasShared`).
public enum RepositoryPaths {
    /// The repository's root folder (this file is `Tests/KenshuTesting/RepositoryPaths.swift`).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Catalog/`: the policy catalogue, profiles, templates and the example city.
    public static let catalog = root.appendingPathComponent("Catalog")

    /// A file of the example city (`Catalog/example/NAME`).
    public static func example(_ name: String) -> String {
        catalog.appendingPathComponent("example/\(name)").path
    }

    /// `../shared`, beside the clone.
    public static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    /// Whether `../shared/xcri-cap` is there.
    public static var hasShared: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("xcri-cap").path)
    }
}
