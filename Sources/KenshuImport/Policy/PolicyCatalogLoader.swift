import KenshuCore
import KenshuXML

/// Loads the shipped policy catalogue (`<catalogue>/policy/policy-catalog.xml`), validated
/// against its schema (`policy-catalog.xsd` beside it), into a `PolicyCatalog`.
public enum PolicyCatalogLoader {
    /// The catalogue file inside a catalogue folder.
    public static let catalogFile = "policy/policy-catalog.xml"
    /// The schema inside a catalogue folder.
    public static let schemaFile = "policy/policy-catalog.xsd"
    static let namespace = "urn:kenshu:policy-catalog:1"

    /// Loads from a catalogue folder (the repository's `Catalog/`, or `/usr/local/share/kenshu`).
    public static func load(catalogDirectory: String) throws(CatalogLoadError) -> PolicyCatalog {
        let directory = catalogDirectory.hasSuffix("/") ? String(catalogDirectory.dropLast()) : catalogDirectory
        return try load(path: "\(directory)/\(catalogFile)", schemaPath: "\(directory)/\(schemaFile)")
    }

    /// Loads one catalogue file, validating it against `schemaPath`.
    public static func load(path: String, schemaPath: String) throws(CatalogLoadError) -> PolicyCatalog {
        let root: XMLNode
        do {
            let schema = try XMLSchema(path: schemaPath)
            let reader = try XMLStreamReader(path: path, schema: schema)
            root = try reader.readTree()
        } catch {
            throw CatalogLoadError(diagnostics: error.diagnostics.map(\.description))
        }
        do {
            return try PolicyCatalogDecoder(file: path).decode(root)
        } catch {
            throw CatalogLoadError(diagnostics: [error.description])
        }
    }
}

/// The policy catalogue could not be loaded: the program cannot work without it.
public struct CatalogLoadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [String]

    public var description: String {
        "the policy catalogue cannot be loaded:\n" + diagnostics.map { "  " + $0 }.joined(separator: "\n")
            + "\n  (the catalogue ships with Kenshu: check the `catalog` path in the config, or reinstall)"
    }
}
