#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CLibXML2
import KenshuCore

/// Reads a big XML document made of many records (a course feed) through libxml2's SAX2
/// push parser: no libxml2 tree is built, and the records a `CaptureRule` picks are each
/// captured whole into flat arrays and handed over as `CapturedElement`s; the elements around
/// them come as start and end items. Memory stays flat whatever the document's size: the file
/// is parsed 64 KB at a time and only that chunk's items are held.
///
/// The same protections as `XMLStreamReader`: nothing loaded from the network or the disk on
/// the document's behalf, a document that declares entities or refers to one refused, and
/// `XMLLimits` on depth, text and attributes (and the rule's cap on a record's elements).
/// SAX rather than libxml2's reader (which `XMLStreamReader` uses): libxml2 parses a big
/// document faster through SAX (`xmllint --sax --noout` against `--stream`).
///
/// Not thread-safe: one reader per task.
public final class XMLCaptureReader {
    /// What the read hands over, in document order.
    public enum Item {
        /// An element that is not captured opens (the root is one).
        case start(XMLElementStart)
        /// An element that was not captured closes; `depth` is its depth (the root being 1).
        case end(XMLName, depth: Int)
        /// A captured element, whole; valid until the next call to `next()`.
        case element(CapturedElement)
    }

    /// Decides at each element's start, outside captured ones, whether to capture it whole:
    /// the element's name, its parent's (nil for the root) and its depth (the root being 1);
    /// returns the most elements the capture may hold (itself included), or nil.
    public typealias CaptureRule = @Sendable (_ name: XMLName, _ parent: XMLName?, _ depth: Int) -> Int?

    /// The file name used in diagnostics.
    public let file: String
    let limits: XMLLimits
    private let rule: CaptureRule
    private var context: xmlParserCtxtPtr?
    private let descriptor: Int32
    private let collector: DiagnosticCollector
    let names = CapturedNames()
    private var chunk = [UInt8](repeating: 0, count: 64 << 10)
    private var finished = false

    /// Bytes of the file handed to the parser so far, for progress on large documents.
    public private(set) var bytesConsumed = 0

    /// What the parser callbacks keep between calls, and the items they queue. A struct behind
    /// a pointer: as stored properties of this class, every access would pay Swift's dynamic
    /// exclusivity check, and the callbacks reach them for every element and text of the feed.
    private struct State {
        var items: [Item] = []
        var head = 0
        /// The trees of the captured elements among `items` (the items only point at them).
        var heldTrees: [CapturedTree] = []
        var depth = 0
        var openNames: [Int32] = []
        var capturing = false
        var tree = CapturedStorage()
        var captureStack: [Int32] = []
        var captureNodes = 0
        var captureMaxNodes = 0
        var textRun = 0
        var failure: XMLReadError?
    }

    private let state: UnsafeMutablePointer<State>

    /// Opens a file. `encoding` overrides what the document declares (for feeds whose
    /// declaration is wrong, e.g. `UTF-16` on UTF-8 bytes).
    public init(path: String, limits: XMLLimits = .init(), encoding: String? = nil, capture rule: @escaping CaptureRule)
        throws(XMLReadError) {
        libxml2Initialised()
        try requireReadableFile(path)
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw XMLReadError("cannot open the file (\(String(cString: strerror(errno))))", at: SourceLocation(file: path))
        }
        self.descriptor = descriptor
        file = path
        self.limits = limits
        self.rule = rule
        collector = DiagnosticCollector(file: path)
        state = .allocate(capacity: 1)
        state.initialize(to: State())
        var handler = XMLCaptureReader.makeHandler()
        // The first bytes tell libxml2 the encoding (a BOM, UTF-16's zero bytes), as its reader does.
        let first = try readChunk()
        let detected = min(first, 4)
        context = chunk.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { bytes in
                xmlCreatePushParserCtxt(&handler, Unmanaged.passUnretained(self).toOpaque(), bytes.baseAddress,
                                        Int32(detected), path)
            }
        }
        guard let context else { throw XMLReadError("cannot start the XML parser", at: SourceLocation(file: path)) }
        xmlCtxtUseOptions(context, XMLStreamReader.parseOptions)
        if let encoding {
            guard let converter = xmlFindCharEncodingHandler(encoding) else {
                throw XMLReadError("unsupported encoding \(encoding)", at: SourceLocation(file: path))
            }
            xmlSwitchToEncoding(context, converter)
        }
        if first > detected { try parse(from: detected, count: first - detected) }
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
        close(descriptor)
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// The next item, or nil at the end of a well-formed document. Throws at the first fatal
    /// error or limit, or at the end when libxml2 reported errors.
    public func next() throws(XMLReadError) -> Item? {
        while state.pointee.head == state.pointee.items.count {
            if finished { return nil }
            state.pointee.items.removeAll(keepingCapacity: true)
            state.pointee.head = 0
            state.pointee.heldTrees.removeAll(keepingCapacity: true)
            let count = try readChunk()
            try parse(from: 0, count: count)
        }
        let item = state.pointee.items[state.pointee.head]
        state.pointee.head += 1
        return item
    }

    /// Reads the next chunk of the file into `chunk`; 0 at the end.
    private func readChunk() throws(XMLReadError) -> Int {
        var count = -1
        repeat {
            count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        } while count < 0 && errno == EINTR
        guard count >= 0 else {
            throw XMLReadError("cannot read the file (\(String(cString: strerror(errno))))", at: SourceLocation(file: file))
        }
        return count
    }

    /// Parses `count` bytes of `chunk` from `offset`; with none, ends the document.
    private func parse(from offset: Int, count: Int) throws(XMLReadError) {
        guard let context else { return }
        let status = chunk.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { bytes in
                xmlParseChunk(context, bytes.baseAddress.map { $0 + offset }, Int32(count), count == 0 ? 1 : 0)
            }
        }
        bytesConsumed += count
        if let failure = state.pointee.failure { throw failure }
        if status != 0 || context.pointee.wellFormed == 0 { throw failure("the document is not well-formed") }
        guard count == 0 else { return }
        finished = true
        if collector.hasErrors { throw failure("the document has errors") }
    }

    // MARK: - What the callbacks do

    private var line: Int {
        guard let input = context?.pointee.input else { return 0 }
        return Int(input.pointee.line)
    }

    fileprivate func startElement(
        local: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?, attributeCount: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard state.pointee.failure == nil else { return }
        state.pointee.depth += 1
        state.pointee.textRun = 0
        let depth = state.pointee.depth
        let line = line
        if depth > limits.maxDepth {
            return stop("elements nest deeper than \(limits.maxDepth) levels (limit maxDepth)", line: line)
        }
        if attributeCount > limits.maxAttributes {
            return stop("an element has more than \(limits.maxAttributes) attributes (limit maxAttributes)", line: line)
        }
        let name = names.number(local: local, namespace: namespace)
        if state.pointee.capturing, let parent = state.pointee.captureStack.last {
            state.pointee.captureNodes += 1
            if state.pointee.captureNodes > state.pointee.captureMaxNodes {
                return stop("more than \(state.pointee.captureMaxNodes) elements (limit maxNodes)", line: line)
            }
            let element = state.pointee.tree.appendElement(name: name, line: Int32(clamping: line), parent: parent)
            captureAttributes(of: element, count: attributeCount, attributes)
            state.pointee.captureStack.append(element)
        } else if let maxNodes = rule(names.name(name), state.pointee.openNames.last.map(names.name), depth) {
            state.pointee.capturing = true
            state.pointee.tree.reset()
            state.pointee.captureNodes = 1
            state.pointee.captureMaxNodes = maxNodes
            let element = state.pointee.tree.appendElement(name: name, line: Int32(clamping: line), parent: -1)
            captureAttributes(of: element, count: attributeCount, attributes)
            state.pointee.captureStack = [element]
        } else {
            state.pointee.openNames.append(name)
            var values: [XMLAttribute] = []
            forEachAttribute(count: attributeCount, attributes) { name, value in
                values.append(XMLAttribute(name: names.name(name), value: String(decoding: value, as: UTF8.self)))
            }
            state.pointee.items.append(.start(XMLElementStart(name: names.name(name), attributes: values, line: line,
                                                              depth: depth)))
        }
    }

    fileprivate func endElement() {
        guard state.pointee.failure == nil else { return }
        state.pointee.textRun = 0
        if state.pointee.capturing {
            state.pointee.captureStack.removeLast()
            if state.pointee.captureStack.isEmpty {
                // The items only point at the tree: it is held until they are all read.
                let tree = CapturedTree(copying: state.pointee.tree, names: names.current)
                state.pointee.heldTrees.append(tree)
                state.pointee.items.append(.element(tree.root))
                state.pointee.capturing = false
            }
        } else if let name = state.pointee.openNames.popLast() {
            state.pointee.items.append(.end(names.name(name), depth: state.pointee.depth))
        }
        state.pointee.depth -= 1
    }

    fileprivate func characters(_ text: UnsafeBufferPointer<UInt8>) {
        guard state.pointee.failure == nil else { return }
        state.pointee.textRun += text.count
        if state.pointee.textRun > limits.maxTextBytes {
            return stop("a text node is longer than \(limits.maxTextBytes) bytes (limit maxTextBytes)", line: line)
        }
        if state.pointee.capturing, let element = state.pointee.captureStack.last {
            state.pointee.tree.appendText(of: element, text)
        }
    }

    /// A comment or processing instruction ends a text node, as in libxml2's tree.
    fileprivate func endTextRun() {
        state.pointee.textRun = 0
    }

    fileprivate func refuseEntities(_ message: String) {
        guard state.pointee.failure == nil else { return }
        stop("\(message) (limit entities)", line: line)
    }

    fileprivate func report(_ error: xmlErrorPtr) {
        if error.pointee.code == Int32(XML_WAR_UNDECLARED_ENTITY.rawValue) {
            let name = error.pointee.str1.map { String(cString: $0) } ?? "?"
            refuseEntities("entity references are not allowed (&\(name);)")
        }
        collector.add(error)
    }

    private func captureAttributes(
        of element: Int32, count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        forEachAttribute(count: count, attributes) { name, value in
            state.pointee.tree.appendAttribute(of: element, name: name, value: value)
        }
    }

    /// libxml2's SAX2 attributes: five pointers each (local name, prefix, URI, value, value end).
    /// Not substituting entities, libxml2 hands a value's `&` over as `&#38;` (for its own tree
    /// builder to decode); every other reference comes decoded. So `&#38;` is turned back into
    /// `&` here: a bare `&` cannot stand in a well-formed value, and other entities are refused.
    private func forEachAttribute(
        count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
        _ body: (Int32, UnsafeBufferPointer<UInt8>) -> Void
    ) {
        guard let attributes else { return }
        for index in 0..<count {
            let base = attributes + index * 5
            guard let local = base[0], let value = base[3], let end = base[4] else { continue }
            let name = names.number(local: local, namespace: base[2])
            let bytes = UnsafeBufferPointer(start: value, count: end - value)
            guard bytes.contains(UInt8(ascii: "&")) else {
                body(name, bytes)
                continue
            }
            let ampersand = Array("&#38;".utf8)
            var decoded: [UInt8] = []
            var offset = 0
            while offset < bytes.count {
                if bytes[offset] == UInt8(ascii: "&"), offset + ampersand.count <= bytes.count,
                   bytes[offset..<offset + ampersand.count].elementsEqual(ampersand) {
                    decoded.append(UInt8(ascii: "&"))
                    offset += ampersand.count
                } else {
                    decoded.append(bytes[offset])
                    offset += 1
                }
            }
            decoded.withUnsafeBufferPointer { body(name, $0) }
        }
    }

    /// Stops the parse at a limit or a refused construct.
    private func stop(_ message: String, line: Int) {
        state.pointee.failure = XMLReadError(message, at: SourceLocation(file: file, line: line > 0 ? line : nil))
        if let context { xmlStopParser(context) }
    }

    /// The error for a failed parse: libxml2's errors when it reported any, else `fallback`
    /// at the parser's position.
    private func failure(_ fallback: String) -> XMLReadError {
        let errors = collector.diagnostics.filter { $0.severity != .warning }
        if !errors.isEmpty {
            return Truncation.explain(XMLReadError(errors), lastLine: Truncation.lastLine(ofFile: file),
                                      openElements: collector.openElementsAtFirstError ?? state.pointee.depth)
        }
        var column: Int?
        if let input = context?.pointee.input { column = Int(input.pointee.col) }
        return XMLReadError(fallback, at: SourceLocation(file: file, line: line > 0 ? line : nil,
                                                          column: column.flatMap { $0 > 0 ? $0 : nil }))
    }

    // MARK: - The C callbacks

    /// Calls `body` with the reader a callback's context points at, without retaining it: the
    /// callbacks run only while the reader drives its parser (in `init` and `parse`), so the
    /// reader is alive, and a retain and release for each of a feed's millions of elements
    /// and pieces of text cost more than some of the callbacks themselves.
    private static func withReader(_ context: UnsafeMutableRawPointer?, _ body: (XMLCaptureReader) -> Void) {
        guard let context else { return }
        Unmanaged<XMLCaptureReader>.fromOpaque(context)._withUnsafeGuaranteedRef(body)
    }

    /// The SAX2 handler: elements and text go to the reader; entity declarations and
    /// references are refused; nothing external is resolved; errors are collected.
    private static func makeHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, local, _, namespace, _, _, attributeCount, _, attributes in
            guard let local else { return }
            XMLCaptureReader.withReader(context) {
                $0.startElement(local: local, namespace: namespace, attributeCount: Int(attributeCount), attributes: attributes)
            }
        }
        handler.endElementNs = { context, _, _, _ in XMLCaptureReader.withReader(context) { $0.endElement() } }
        handler.characters = { context, text, count in
            guard let text, count > 0 else { return }
            XMLCaptureReader.withReader(context) { $0.characters(UnsafeBufferPointer(start: text, count: Int(count))) }
        }
        handler.ignorableWhitespace = handler.characters
        handler.comment = { context, _ in XMLCaptureReader.withReader(context) { $0.endTextRun() } }
        handler.processingInstruction = { context, _, _ in XMLCaptureReader.withReader(context) { $0.endTextRun() } }
        handler.entityDecl = { context, _, _, _, _, _ in
            XMLCaptureReader.withReader(context) {
                $0.refuseEntities("the document declares entities (<!ENTITY …>), which are not allowed")
            }
        }
        handler.reference = { context, name in
            let name = name.map { String(cString: $0) } ?? "?"
            XMLCaptureReader.withReader(context) { $0.refuseEntities("entity references are not allowed (&\(name);)") }
        }
        handler.resolveEntity = { _, _, _ in nil }
        handler.serror = { context, error in
            guard let error else { return }
            XMLCaptureReader.withReader(context) { $0.report(error) }
        }
        return handler
    }
}
