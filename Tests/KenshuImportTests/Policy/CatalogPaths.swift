import Foundation
import KenshuTesting

/// Paths of the repository the policy-catalogue tests read.
enum CatalogPaths {
    static let repository = RepositoryPaths.root
    static let catalog = RepositoryPaths.catalog.path
    /// The policy text in `../shared`, beside the repository, where it exists.
    static let policyText = RepositoryPaths.shared.appendingPathComponent("policy/000_1400a95aea2e3ef2.txt").path
}
