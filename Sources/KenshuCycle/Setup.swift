import KenshuConfig
import KenshuCore
import KenshuImport
import KenshuStore

extension Setup {
    /// Loads config, catalogue and rules, checking each, so a command never runs on a
    /// half-valid setup. `catalogOverride` replaces the config's catalogue folder.
    public static func load(configPath: String, catalogOverride: String? = nil) throws(KenshuError) -> Setup {
        var configuration: KenshuConfiguration
        do {
            configuration = try ConfigurationLoader.load(path: configPath)
        } catch {
            throw KenshuError(.badInput, error.description)
        }
        if let catalogOverride { configuration.catalogDirectory = catalogOverride }
        let catalog = try loadCatalog(configuration.catalogDirectory)
        let (rules, resolver) = try loadRules(configuration.rulesFile, catalog: catalog)
        return Setup(configuration: configuration, catalog: catalog, rules: rules, resolver: resolver)
    }

    /// The same setup with the rules of another file (checked like the config's own).
    public func withRules(at path: String) throws(KenshuError) -> Setup {
        let (rules, resolver) = try Self.loadRules(path, catalog: catalog)
        return Setup(configuration: configuration, catalog: catalog, rules: rules, resolver: resolver)
    }

    /// A rules file, checked against the catalogue, and the band resolver its aliases make.
    private static func loadRules(_ path: String, catalog: PolicyCatalog) throws(KenshuError) -> (Rules, BandResolver) {
        let rules: Rules
        do {
            rules = try RulesLoader.load(path: path, catalog: catalog)
        } catch {
            throw KenshuError(.badInput, error.description)
        }
        do {
            return (rules, try BandResolver(catalog: catalog, aliases: rules.titleAliases))
        } catch {
            throw KenshuError(.badInput, "\(path): \(error)")
        }
    }

    /// Loads the policy catalogue alone (for `catalog show` without a config).
    public static func loadCatalog(_ directory: String) throws(KenshuError) -> PolicyCatalog {
        do {
            return try PolicyCatalogLoader.load(catalogDirectory: directory)
        } catch {
            throw KenshuError(.runtime, error.description)
        }
    }

    /// Opens the store the config names. A command calls this once and hands the store to
    /// each step it runs.
    public func openStore(access: KenshuStore.Access = .readWrite) throws(KenshuError) -> KenshuStore {
        do {
            return try KenshuStore.open(path: configuration.databasePath, access: access)
        } catch {
            throw KenshuError(.runtime, error.description)
        }
    }
}
