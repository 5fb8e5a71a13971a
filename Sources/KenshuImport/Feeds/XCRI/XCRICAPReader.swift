import KenshuCore
import KenshuXML

/// Reads an XCRI-CAP 1.2 course feed (`catalog` → `provider` → `course` → `presentation`).
///
/// Streams: each `course` is read whole, mapped and handed on before the next is read, so
/// memory holds one course at a time whatever the feed's size. The enclosing `provider`'s
/// identifier, title and URL are kept as they stream past before its courses.
///
/// Per-record problems are warnings and the record (or just the value) is left out: an
/// unreadable date, a presentation ending before it starts, a course or presentation id
/// that repeats, a course without id or title. The read throws when the feed cannot be read
/// at all: not well-formed, over a limit (`XMLReadError` from the stream reader), or a root
/// element that is not an XCRI-CAP `catalog` (an `XMLReadError` that names the root).
///
/// A reader reads its stream once.
public struct XCRICAPReader: CourseFeedReader {
    /// A course with more elements than this makes the read fail (a hostile or broken feed).
    public static let maxNodesPerCourse = 20_000
    /// Same for one field of a provider (`dc:title` holding a whole document).
    static let maxNodesPerProviderField = 1_000

    private let reader: XMLStreamReader
    private let providerOverride: CourseProvider?
    /// Whether courses are mapped in place from libxml2's nodes when the reader allows it
    /// (false: always from a tree of `XMLNode`s, the path a validating reader takes).
    var mapsInPlace = true

    /// - Parameters:
    ///   - reader: a fresh reader over the feed.
    ///   - providerOverride: the provider every course is filed under (the admin's
    ///     `--provider`), instead of the feed's `provider` elements.
    public init(reader: XMLStreamReader, providerOverride: CourseProvider? = nil) {
        self.reader = reader
        self.providerOverride = providerOverride
    }

    /// Opens the feed at `path`.
    public init(path: String, limits: XMLLimits = XMLLimits(), providerOverride: CourseProvider? = nil) throws(XMLReadError) {
        self.init(reader: try XMLStreamReader(path: path, limits: limits), providerOverride: providerOverride)
    }

    public func read(course: (Course) throws -> Void, warning: (FeedWarning) -> Void) throws {
        try checkRoot(warning: warning)
        let mapper = XCRICourseMapper(file: reader.file)
        var providers: [XCRIProviderState] = []
        var depth = 1
        while let event = try reader.next() {
            switch event {
            case .start(let start):
                if XCRINames.isXCRIElement(start.name, "course") {
                    // Mapped in place from libxml2's nodes when it can be, else from a tree.
                    let map = { (node: XMLElementView) in
                        mapper.course(from: node, provider: self.provider(for: &providers, warning: warning), warning: warning)
                    }
                    let mapped: Course?
                    if mapsInPlace,
                       let viewed = try reader.withExpandedElement(from: start, maxNodes: Self.maxNodesPerCourse, map) {
                        mapped = viewed
                    } else {
                        let node = try reader.readSubtree(from: start, maxNodes: Self.maxNodesPerCourse)
                        mapped = mapper.course(from: node, provider: provider(for: &providers, warning: warning), warning: warning)
                    }
                    // A repeated course id is caught where the course is stored (memory here
                    // stays flat however many courses a feed has).
                    guard let mapped else { continue }
                    try course(mapped)
                } else if let last = providers.indices.last, start.depth == providers[last].depth + 1,
                          XCRIProviderState.isField(start.name) {
                    providers[last].record(try reader.readSubtree(from: start, maxNodes: Self.maxNodesPerProviderField))
                } else {
                    depth = start.depth
                    if XCRINames.isXCRIElement(start.name, "provider") {
                        providers.append(XCRIProviderState(depth: start.depth, line: start.line))
                    }
                }
            case .end:
                if providers.last?.depth == depth { providers.removeLast() }
                depth -= 1
            case .text:
                break
            }
        }
    }

    /// Reads up to the root element and checks that it is an XCRI-CAP `catalog`; warns when
    /// its namespace is a variant rather than XCRI-CAP 1.2's.
    private func checkRoot(warning: (FeedWarning) -> Void) throws(XMLReadError) {
        var root: XMLElementStart?
        while root == nil, let event = try reader.next() {
            if case .start(let start) = event { root = start }
        }
        guard let root else {
            throw XMLReadError("the document has no root element", at: SourceLocation(file: reader.file))
        }
        let location = SourceLocation(file: reader.file, line: root.line)
        guard XCRINames.isXCRIElement(root.name, "catalog") else {
            throw XMLReadError(
                "the root element is \(root.name), not an XCRI-CAP 1.2 catalog ({\(XCRINames.catalogNamespace)}catalog):"
                    + " feeds in other formats need a mapping profile",
                at: location)
        }
        if root.name.namespace != XCRINames.catalogNamespace {
            let namespace = root.name.namespace.isEmpty ? "no namespace" : "the namespace \(root.name.namespace)"
            warning(FeedWarning(
                "the catalog is in \(namespace), not XCRI-CAP 1.2's \(XCRINames.catalogNamespace); read as XCRI-CAP 1.2",
                at: location))
        }
    }

    /// The provider of a course about to be mapped: the override, else the innermost enclosing
    /// `provider` as read so far, else one named after the file (with a warning, once per provider).
    private func provider(for providers: inout [XCRIProviderState], warning: (FeedWarning) -> Void) -> CourseProvider {
        if let providerOverride { return providerOverride }
        if let provider = providers.last?.provider { return provider }
        let fallback = fileProvider
        if let last = providers.indices.last, !providers[last].warnedUnnamed {
            providers[last].warnedUnnamed = true
            warning(FeedWarning(
                "the provider has no dc:identifier or dc:title before its first course: its courses are filed under '\(fallback.id)'",
                at: SourceLocation(file: reader.file, line: providers[last].line)))
        }
        return fallback
    }

    /// The provider named after the feed's file (`feeds/acme.xml` → `acme`).
    private var fileProvider: CourseProvider {
        var name = Substring(reader.file.split(separator: "/").last ?? Substring(reader.file))
        if name.lowercased().hasSuffix(".xml"), name.count > 4 { name = name.dropLast(4) }
        return CourseProvider(id: String(name), name: String(name))
    }
}
