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
    /// A course with more elements than this makes the read fail (a hostile or broken feed),
    /// unless the reader is given its own limit (`feeds.limits.maxCourseNodes`).
    public static let maxNodesPerCourse = 10_000
    /// Same for one field of a provider (`dc:title` holding a whole document).
    static let maxNodesPerProviderField = 1_000

    /// Where the feed's XML comes from: libxml2's SAX parser capturing each course (a feed
    /// opened by path, the import's way), or a stream reader (a document in memory, or a
    /// reader validating against a schema) whose courses are expanded or read as events.
    private enum Source {
        case capture(XMLCaptureReader)
        case stream(XMLStreamReader)
    }

    private let source: Source
    private let providerOverride: CourseProvider?
    /// The most elements one course may have (with a capture reader, its capture rule's).
    var maxCourseNodes = XCRICAPReader.maxNodesPerCourse
    /// With a stream reader: whether courses are mapped in place from libxml2's nodes when the
    /// reader allows it (false: always from a tree of `XMLNode`s, the path a validating reader takes).
    var mapsInPlace = true

    /// - Parameters:
    ///   - reader: a fresh reader over the feed.
    ///   - providerOverride: the provider every course is filed under (the admin's
    ///     `--provider`), instead of the feed's `provider` elements.
    public init(reader: XMLStreamReader, providerOverride: CourseProvider? = nil) {
        source = .stream(reader)
        self.providerOverride = providerOverride
    }

    /// Opens the feed at `path` for a SAX read (`encoding` overrides the declared one).
    public init(path: String, limits: XMLLimits = XMLLimits(), encoding: String? = nil,
                providerOverride: CourseProvider? = nil) throws(XMLReadError) {
        self.init(capturing: try XMLCaptureReader(path: path, limits: limits, encoding: encoding, capture: Self.captureRule),
                  providerOverride: providerOverride)
    }

    /// Reads through a capture reader made with `captureRule`.
    public init(capturing reader: XMLCaptureReader, providerOverride: CourseProvider? = nil) {
        source = .capture(reader)
        self.providerOverride = providerOverride
    }

    /// What a capture reader captures whole: each `course`, and the fields of a `provider`
    /// (below the root).
    public static let captureRule = captureRule(maxCourseNodes: maxNodesPerCourse)

    /// The same, with courses of at most `maxCourseNodes` elements.
    public static func captureRule(maxCourseNodes: Int) -> XMLCaptureReader.CaptureRule {
        { name, parent, depth in
            guard depth > 1 else { return nil }
            if XCRINames.isXCRIElement(name, "course") { return maxCourseNodes }
            if let parent, XCRINames.isXCRIElement(parent, "provider"), XCRIProviderState.isField(name) {
                return maxNodesPerProviderField
            }
            return nil
        }
    }

    private var file: String {
        switch source {
        case .capture(let reader): reader.file
        case .stream(let reader): reader.file
        }
    }

    public func read(course: (Course) throws -> Void, warning: (FeedWarning) -> Void) throws {
        switch source {
        case .capture(let reader):
            let mapper = XCRICourseMapper(file: reader.file)
            try read(reader, warning: warning) { element, provider in
                // A repeated course id is caught where the course is stored.
                if let mapped = mapper.course(from: element, provider: provider, warning: warning) { try course(mapped) }
            }
        case .stream(let reader): try read(reader, course: course, warning: warning)
        }
    }

    /// Through a capture reader, a course comes unmapped whenever `sink` asks for it.
    public func read(into sink: some CourseSink) throws {
        guard case .capture(let reader) = source else {
            return try read(course: { try sink.course($0) }, warning: { sink.warning($0) })
        }
        let mapper = XCRICourseMapper(file: reader.file)
        try read(reader, warning: { sink.warning($0) }) { element, provider in
            if sink.takesUnmapped() {
                try sink.unmapped(UnmappedCourse(element: element.kept, provider: provider, file: reader.file))
            } else if let mapped = mapper.course(from: element, provider: provider, warning: { sink.warning($0) }) {
                try sink.course(mapped)
            }
        }
    }

    /// Reads through a capture reader, handing each `course` element on with its provider.
    private func read(
        _ reader: XMLCaptureReader, warning: (FeedWarning) -> Void,
        course: (CapturedElement, CourseProvider) throws -> Void
    ) throws {
        var providers: [XCRIProviderState] = []
        var root: XMLElementStart?
        while let item = try reader.next() {
            switch item {
            case .start(let start):
                guard root != nil else {
                    root = start
                    try check(root: start, warning: warning)
                    continue
                }
                if XCRINames.isXCRIElement(start.name, "provider") {
                    providers.append(XCRIProviderState(depth: start.depth, line: start.line))
                }
            case .end(_, let depth):
                if providers.last?.depth == depth { providers.removeLast() }
            case .element(let element):
                if XCRINames.isXCRIElement(element.name, "course") {
                    try course(element, provider(for: &providers, warning: warning))
                } else if let last = providers.indices.last {
                    providers[last].record(XMLNode(element))
                }
            }
        }
        if root == nil { throw XMLReadError("the document has no root element", at: SourceLocation(file: reader.file)) }
    }

    private func read(_ reader: XMLStreamReader, course: (Course) throws -> Void, warning: (FeedWarning) -> Void) throws {
        try checkRoot(reader, warning: warning)
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
                       let viewed = try reader.withExpandedElement(from: start, maxNodes: maxCourseNodes, map) {
                        mapped = viewed
                    } else {
                        let node = try reader.readSubtree(from: start, maxNodes: maxCourseNodes)
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
    private func checkRoot(_ reader: XMLStreamReader, warning: (FeedWarning) -> Void) throws(XMLReadError) {
        var root: XMLElementStart?
        while root == nil, let event = try reader.next() {
            if case .start(let start) = event { root = start }
        }
        guard let root else {
            throw XMLReadError("the document has no root element", at: SourceLocation(file: reader.file))
        }
        try check(root: root, warning: warning)
    }

    /// Checks that the root element is an XCRI-CAP `catalog`; warns when its namespace is a
    /// variant rather than XCRI-CAP 1.2's.
    private func check(root: XMLElementStart, warning: (FeedWarning) -> Void) throws(XMLReadError) {
        let location = SourceLocation(file: file, line: root.line)
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
                at: SourceLocation(file: file, line: providers[last].line)))
        }
        return fallback
    }

    /// The provider named after the feed's file (`feeds/acme.xml` → `acme`).
    private var fileProvider: CourseProvider {
        var name = Substring(file.split(separator: "/").last ?? Substring(file))
        if name.lowercased().hasSuffix(".xml"), name.count > 4 { name = name.dropLast(4) }
        return CourseProvider(id: String(name), name: String(name))
    }
}
