import KenshuCore

/// The HR admins' matching rules (`rules.yaml`). This version holds the title aliases; the
/// matching stages add their own sections.
public struct Rules: Sendable, Equatable {
    /// Per job family: local title → a title the policy lists, or a band id.
    public var titleAliases: [JobFamily: [String: String]]

    public init(titleAliases: [JobFamily: [String: String]] = [:]) {
        self.titleAliases = titleAliases
    }
}

/// Reads and checks `rules.yaml`.
public enum RulesLoader {
    static let keys = ["titles"]
    static let titleKeys = ["aliases"]

    /// Loads a rules file, checking it against the catalogue (aliases must point at a band).
    public static func load(path: String, catalog: PolicyCatalog) throws(ConfigurationError) -> Rules {
        let bytes: [UInt8]
        do {
            bytes = try FilePaths.readBytes(path, what: "rules file")
        } catch {
            throw .unreadable(error)
        }
        do {
            return try parse(String(decoding: bytes, as: UTF8.self), file: path, catalog: catalog)
        } catch {
            throw .invalid(error)
        }
    }

    public static func parse(_ text: String, file: String, catalog: PolicyCatalog) throws(InputError) -> Rules {
        let root = try YAMLValue.parse(text, file: file).mapping(allowed: keys)
        var rules = Rules()
        let titles = try root["titles"]?.mapping(allowed: titleKeys) ?? [:]
        for (familyName, familyKey, table) in try titles["aliases"]?.entries() ?? [] {
            guard let family = JobFamily(parsing: familyName) else {
                throw familyKey.error("unknown job family '\(familyName)'",
                                  hint: "one of \(JobFamily.allCases.map(\.japaneseName).joined(separator: ", "))")
            }
            var aliases: [String: String] = [:]
            for (alias, _, target) in try table.entries() {
                let targetTitle = try target.string()
                do {
                    _ = try BandResolver(catalog: catalog, aliases: [family: [alias: targetTitle]])
                } catch {
                    throw target.error("'\(targetTitle)' is neither a \(family.japaneseName) title of the policy nor a band id")
                }
                aliases[alias] = targetTitle
            }
            rules.titleAliases[family] = aliases
        }
        return rules
    }
}
