import KenshuCore
import KenshuStore

/// What importing one feed did, for the command line, `status` and the HR report.
public struct FeedImportSummary: Sendable, Codable {
    public var file: String
    /// `XCRI-CAP 1.2` or `profile NAME`.
    public var format: String
    public var changes: CatalogChanges
    /// How many per-record warnings there were in all.
    public var warningCount: Int
    /// The first `FeedImportSummary.keptWarnings` of them.
    public var warnings: [FeedWarning]
    /// Courses no rule tags with an ability: in all, and the first ones with suggestions.
    public var untaggedCount: Int
    public var untagged: [UntaggedCourse]
    /// Whether the feed was checked against its XSD.
    public var validated: Bool
    /// Schema deviations, when validation was asked for (reported, never a gate).
    public var schemaDeviations: [String]
    public var bytes: Int
    public var seconds: Double
    /// True for `--validate-only`: read and checked, nothing stored.
    public var validateOnly: Bool

    public static let keptWarnings = 100
}

/// A course no rule tags with an ability, with the abilities its text suggests, for an admin
/// to confirm in `rules.yaml` (`courses.abilities`).
public struct UntaggedCourse: Sendable, Codable {
    public var provider: String
    public var id: String
    public var title: String
    public var suggestions: [AbilityTagger.Suggestion]
}

/// A feed that could not be imported: the previous catalogue stays.
public enum FeedImportError: Error, Sendable, CustomStringConvertible {
    /// The feed itself is bad (not well-formed, a limit, not a known format …): exit 2.
    case rejected(file: String, message: String)
    /// The store failed: exit 1.
    case store(String)

    public var description: String {
        switch self {
        case .rejected(_, let message): message
        case .store(let message): message
        }
    }
}
