import KenshuCore
import KenshuXML

/// The namespaces XCRI-CAP 1.2 feeds write their elements in, and how the reader matches
/// names in them: by namespace URI and local name, never by prefix.
///
/// Real feeds are loose, so matching is too: XCRI-CAP's namespace also in the variants feeds
/// use (`http://xcri.org/profiles/catalog/1.2`, 1.1's `http://xcri.org/profiles/catalog`,
/// none at all); Dublin Core with or without its trailing slash; local names in any letter
/// case (North Lindsey writes `applyuntil`); and a field found in any of the three vocabularies
/// (North Lindsey writes `dc:start` and `description`, the schema `mlo:start` and `dc:description`).
enum XCRINames {
    /// XCRI-CAP 1.2's own namespace.
    static let catalogNamespace = "http://xcri.org/profiles/1.2/catalog"
    static let xsiNamespace = "http://www.w3.org/2001/XMLSchema-instance"

    /// XCRI-CAP namespaces as feeds write them, normalised (see `normalised`); "" is none.
    private static let xcriNamespaces: Set<String> = [
        "xcri.org/profiles/1.2/catalog",
        "xcri.org/profiles/catalog/1.2",
        "xcri.org/profiles/catalog",
        "xcri.org/profiles/1.2",
        "",
    ]

    /// Dublin Core elements and the MLO profile, normalised.
    private static let otherVocabularies: Set<String> = [
        "purl.org/dc/elements/1.1",
        "purl.org/net/mlo",
    ]

    /// `http://xcri.org/profiles/1.2/catalog/` → `xcri.org/profiles/1.2/catalog`: no scheme,
    /// no trailing slash, lower case.
    private static func normalised(_ namespace: String) -> String {
        var text = Substring(namespace.lowercased())
        for scheme in ["http://", "https://"] where text.hasPrefix(scheme) {
            text = text.dropFirst(scheme.count)
        }
        while text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }

    /// Whether `namespace` is XCRI-CAP's (or a variant feeds use, or none). The canonical
    /// spellings are checked first: this runs for every element of every course.
    static func isXCRI(_ namespace: String) -> Bool {
        if namespace == catalogNamespace || namespace.isEmpty { return true }
        if namespace == dublinCore || namespace == mlo { return false }
        return xcriNamespaces.contains(normalised(namespace))
    }

    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let mlo = "http://purl.org/net/mlo"

    /// Whether `name` is the XCRI-CAP structural element `local` (`catalog`, `provider`, `course`).
    static func isXCRIElement(_ name: XMLName, _ local: String) -> Bool {
        sameLocal(name.local, local) && isXCRI(name.namespace)
    }

    /// Whether `name` is the field `local` in XCRI-CAP, Dublin Core or MLO.
    static func isField(_ name: XMLName, _ local: String) -> Bool {
        guard sameLocal(name.local, local) else { return false }
        if name.namespace == dublinCore || name.namespace == mlo { return true }
        return isXCRI(name.namespace) || otherVocabularies.contains(normalised(name.namespace))
    }

    /// The field a record's child element is among those the course and presentation mappers
    /// read (matched as `isField` matches, and `presentation` as `isXCRIElement` does), or nil.
    /// Matched on the name's bytes: this runs for every child of every record of a feed.
    static func field<Node: XMLElementReading>(of node: Node) -> XCRIField? {
        node.withNameBytes { namespace, local in
            guard local.count < fieldsByLength.count,
                  let field = fieldsByLength[local.count].first(where: { sameLocal(local, $0.bytes) })?.field
            else { return nil }
            switch vocabulary(namespace) {
            case .xcri: return field
            case .other: return field == .presentation ? nil : field
            case .none: return nil
            }
        }
    }

    /// Where a namespace puts an element: XCRI-CAP (a variant, or none), Dublin Core or MLO, or neither.
    private enum Vocabulary { case xcri, other, none }

    /// The vocabulary of a namespace URI given as bytes; the canonical spellings are checked
    /// without making a string.
    private static func vocabulary(_ namespace: UnsafeBufferPointer<UInt8>) -> Vocabulary {
        if namespace.isEmpty || same(namespace, catalogBytes) { return .xcri }
        if same(namespace, dublinCoreBytes) || same(namespace, mloBytes) { return .other }
        let text = String(decoding: namespace, as: UTF8.self)
        if isXCRI(text) { return .xcri }
        return otherVocabularies.contains(normalised(text)) ? .other : .none
    }

    private static let catalogBytes = Array(catalogNamespace.utf8)
    private static let dublinCoreBytes = Array(dublinCore.utf8)
    private static let mloBytes = Array(mlo.utf8)

    /// The fields by the length of their local name, each with the name's bytes in lower
    /// case, made once: most names are told apart by their length alone.
    private static let fieldsByLength: [[(field: XCRIField, bytes: [UInt8])]] = {
        let fields = XCRIField.allCases.map { (field: $0, bytes: Array($0.local.lowercased().utf8)) }
        let longest = fields.map(\.bytes.count).max() ?? 0
        return (0...longest).map { count in fields.filter { $0.bytes.count == count } }
    }()

    /// ASCII case-insensitive equality of a name's bytes and a field's (`local`, in lower case).
    private static func sameLocal(_ bytes: UnsafeBufferPointer<UInt8>, _ local: [UInt8]) -> Bool {
        guard bytes.count == local.count else { return false }
        return local.withUnsafeBufferPointer { local in
            for index in local.indices where lower(bytes[index]) != local[index] { return false }
            return true
        }
    }

    /// Byte equality, compared from the end (namespace URIs share their beginnings).
    private static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ other: [UInt8]) -> Bool {
        guard bytes.count == other.count else { return false }
        return other.withUnsafeBufferPointer { other in
            for index in other.indices.reversed() where bytes[index] != other[index] { return false }
            return true
        }
    }

    /// ASCII case-insensitive equality, without allocating.
    static func sameLocal(_ lhs: String, _ rhs: String) -> Bool {
        if lhs == rhs { return true }
        return lhs.utf8.count == rhs.utf8.count && zip(lhs.utf8, rhs.utf8).allSatisfy { lower($0) == lower($1) }
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }
}
