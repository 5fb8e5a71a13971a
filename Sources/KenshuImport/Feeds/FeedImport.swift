import KenshuConfig
import KenshuCore
import KenshuStore

/// Imports course feeds for the commands and the cycle: builds the importer from the config
/// (profiles, limits, the XCRI-CAP schema) and maps failures to exit codes.
public enum FeedImport {
    /// The mapping profiles the setup's `feeds.profiles` folder holds, each checked.
    public static func profiles(setup: Setup) throws(KenshuError) -> [FeedProfile] {
        do {
            return try FeedProfileLoader.loadAll(inDirectory: setup.configuration.feeds.profilesDirectory, catalog: setup.catalog)
        } catch {
            throw KenshuError(.badInput, error.description)
        }
    }

    /// The importer the setup describes, writing to `store`.
    public static func importer(setup context: Setup, store: KenshuStore) throws(KenshuError) -> FeedImporter {
        let settings = context.configuration.feeds
        let profiles = try profiles(setup: context)
        let schema = context.configuration.catalogDirectory + "/schemas/xcri-cap/xcri_cap_1_2.xsd"
        return FeedImporter(store: store, settings: settings, profiles: profiles, xcriSchemaPath: schema,
                            tagger: AbilityTagger(rules: context.rules.courseTags, catalog: context.catalog))
    }

    /// Imports one feed; a rejected feed is exit 2, a store failure exit 1.
    public static func run(
        file: String, profile: String?, provider: String?, validateOnly: Bool, validate: Bool? = nil,
        recordedAs: String? = nil, importer: FeedImporter, progress: FeedImporter.Progress? = nil
    ) throws(KenshuError) -> FeedImportSummary {
        do {
            return try importer.importFeed(path: file, profile: profile, provider: provider, validateOnly: validateOnly,
                                           validate: validate, recordedAs: recordedAs, progress: progress)
        } catch {
            switch error {
            case .rejected(_, let message):
                throw KenshuError(.badInput, message + (validateOnly ? "" : "\nこのフィードは取り込んでいません（前の研修一覧のままです）"))
            case .store(let message):
                throw KenshuError(.runtime, message)
            }
        }
    }

    /// One line for a log or a summary, in Japanese: format, providers, changes, warnings.
    public static func describe(_ summary: FeedImportSummary) -> String {
        "\(summary.format)、研修機関 \(summary.changes.providers.joined(separator: "・")): \(summary.changes)、"
            + "警告 \(summary.warningCount) 件、能力タグなし \(summary.untaggedCount) 件"
    }
}
