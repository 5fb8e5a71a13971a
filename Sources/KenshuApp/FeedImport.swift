import KenshuConfig
import KenshuCore
import KenshuImport
import KenshuStore

/// Imports course feeds for the commands and the cycle: builds the importer from the config
/// (profiles, limits, the XCRI-CAP schema) and maps failures to exit codes.
public enum FeedImport {
    /// The importer the config describes, writing to the config's store or to `store`.
    public static func importer(context: AppContext, store: KenshuStore? = nil) throws(AppError) -> FeedImporter {
        let settings = context.configuration.feeds
        let profiles: [FeedProfile]
        do {
            profiles = try FeedProfileLoader.loadAll(inDirectory: settings.profilesDirectory, catalog: context.catalog)
        } catch {
            throw AppError(.badInput, error.description)
        }
        let schema = context.configuration.catalogDirectory + "/schemas/xcri-cap/xcri_cap_1_2.xsd"
        let target: KenshuStore
        if let store { target = store } else { target = try context.openStore() }
        return FeedImporter(store: target, settings: settings, profiles: profiles, xcriSchemaPath: schema,
                            tagger: AbilityTagger(rules: context.rules.courseTags, catalog: context.catalog))
    }

    /// Imports one feed; a rejected feed is exit 2, a store failure exit 1.
    public static func run(
        file: String, profile: String?, provider: String?, validateOnly: Bool, validate: Bool? = nil,
        importer: FeedImporter, progress: FeedImporter.Progress? = nil
    ) throws(AppError) -> FeedImportSummary {
        do {
            return try importer.importFeed(path: file, profile: profile, provider: provider, validateOnly: validateOnly,
                                           validate: validate, progress: progress)
        } catch {
            switch error {
            case .rejected(_, let message):
                throw AppError(.badInput, message + (validateOnly ? "" : "\nthe feed was rejected; the previous catalogue stays"))
            case .store(let message):
                throw AppError(.runtime, message)
            }
        }
    }

    /// One line for a log or a summary: format, providers, changes, warnings.
    public static func describe(_ summary: FeedImportSummary) -> String {
        "\(summary.format), providers \(summary.changes.providers.joined(separator: ", ")); \(summary.changes); "
            + "\(summary.warningCount) warning(s), \(summary.untaggedCount) untagged"
    }
}
