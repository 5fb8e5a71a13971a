import KenshuCatalog
import KenshuConfig
import KenshuCore
import KenshuStore

/// What every command starts from: the config, the policy catalogue, the rules, and (when
/// the command needs it) the store. Loading checks each, so a command never runs on a
/// half-valid setup.
public struct AppContext: Sendable {
    public let configuration: KenshuConfiguration
    public let catalog: PolicyCatalog
    public let rules: Rules
    public let resolver: BandResolver

    /// Loads config, catalogue and rules. `catalogOverride` replaces the config's catalogue folder.
    public static func load(configPath: String, catalogOverride: String? = nil) throws(AppError) -> AppContext {
        var configuration: KenshuConfiguration
        do {
            configuration = try ConfigurationLoader.load(path: configPath)
        } catch {
            throw AppError(.badInput, error.description)
        }
        if let catalogOverride { configuration.catalogDirectory = catalogOverride }
        let catalog = try loadCatalog(configuration.catalogDirectory)
        let (rules, resolver) = try loadRules(configuration.rulesFile, catalog: catalog)
        return AppContext(configuration: configuration, catalog: catalog, rules: rules, resolver: resolver)
    }

    /// The same context with the rules of another file (checked like the config's own).
    public func withRules(at path: String) throws(AppError) -> AppContext {
        let (rules, resolver) = try Self.loadRules(path, catalog: catalog)
        return AppContext(configuration: configuration, catalog: catalog, rules: rules, resolver: resolver)
    }

    /// A rules file, checked against the catalogue, and the band resolver its aliases make.
    private static func loadRules(_ path: String, catalog: PolicyCatalog) throws(AppError) -> (Rules, BandResolver) {
        let rules: Rules
        do {
            rules = try RulesLoader.load(path: path, catalog: catalog)
        } catch {
            throw AppError(.badInput, error.description)
        }
        do {
            return (rules, try BandResolver(catalog: catalog, aliases: rules.titleAliases))
        } catch {
            throw AppError(.badInput, "\(path): \(error)")
        }
    }

    /// Loads the policy catalogue alone (for `catalog show` without a config).
    public static func loadCatalog(_ directory: String) throws(AppError) -> PolicyCatalog {
        do {
            return try PolicyCatalogLoader.load(catalogDirectory: directory)
        } catch {
            throw AppError(.runtime, error.description)
        }
    }

    /// Opens the store named by the config.
    public func openStore() throws(AppError) -> KenshuStore {
        do {
            return try KenshuStore.open(path: configuration.databasePath)
        } catch {
            throw AppError(.runtime, error.description)
        }
    }
}
