import Foundation

/// Paths of the repository, found from this file's location.
enum CatalogPaths {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let catalog = repository.appendingPathComponent("Catalog").path
    /// The policy text in `../shared`, beside the repository, where it exists.
    static let policyText = repository.deletingLastPathComponent()
        .appendingPathComponent("shared/policy/000_1400a95aea2e3ef2.txt").path
}
