internal import CLibXML2
import KenshuCore

/// Reads an XML document as a stream of events over libxml2's `xmlTextReader`: memory stays
/// flat whatever the document's size, and nothing is fetched from the network or the disk
/// on the document's behalf (no DTD loading, no external entities, no entity substitution).
///
/// Optionally validates against an XSD while reading. Not thread-safe: one reader per task.
public final class XMLStreamReader {
    let reader: xmlTextReaderPtr
    private let collector: DiagnosticCollector
    let schema: XMLSchema?
    let limits: XMLLimits
    var pendingEnd: XMLName?
    private var finished = false
    /// The reader stands on a node that `next()` has not reported yet (after skipping a subtree).
    private var unread = false
    /// The element of the last `.start` event while the reader still stands on it.
    var startNode: xmlNodePtr?
    let names = LibXMLNames()
    /// The file name (or label) used in diagnostics.
    public let file: String

    /// Opens a file for streaming. `encoding` overrides what the document declares (for
    /// feeds whose declaration is wrong, e.g. `UTF-16` on UTF-8 bytes).
    public convenience init(
        path: String, schema: XMLSchema? = nil, limits: XMLLimits = .init(), encoding: String? = nil
    ) throws(XMLReadError) {
        libxml2Initialised()
        try requireReadableFile(path)
        guard let reader = xmlReaderForFile(path, encoding, XMLStreamReader.parseOptions) else {
            throw XMLReadError("cannot open the file", at: SourceLocation(file: path))
        }
        try self.init(reader: reader, file: path, schema: schema, limits: limits)
    }

    /// Reads a document held in memory; `file` names it in diagnostics.
    public convenience init(bytes: [UInt8], file: String, schema: XMLSchema? = nil, limits: XMLLimits = .init()) throws(XMLReadError) {
        libxml2Initialised()
        // xmlReaderForMemory does not copy: keep the bytes alive with the reader.
        let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(bytes.count, 1))
        for (index, byte) in bytes.enumerated() { buffer[index] = CChar(bitPattern: byte) }
        guard let base = buffer.baseAddress,
              let reader = xmlReaderForMemory(base, Int32(clamping: bytes.count), file, nil, XMLStreamReader.parseOptions)
        else {
            buffer.deallocate()
            throw XMLReadError("cannot read the document", at: SourceLocation(file: file))
        }
        try self.init(reader: reader, file: file, schema: schema, limits: limits, ownedBuffer: buffer)
    }

    /// The bytes of an in-memory document, freed with the reader.
    private let ownedBuffer: UnsafeMutableBufferPointer<CChar>?

    /// Takes ownership of `reader` and `ownedBuffer`: once every property is set, a throw still
    /// runs `deinit`, which frees both.
    private init(reader: xmlTextReaderPtr, file: String, schema: XMLSchema?, limits: XMLLimits,
                 ownedBuffer: UnsafeMutableBufferPointer<CChar>? = nil) throws(XMLReadError) {
        self.reader = reader
        self.ownedBuffer = ownedBuffer
        self.file = file
        self.schema = schema
        self.limits = limits
        self.collector = DiagnosticCollector(file: file)
        xmlTextReaderSetStructuredErrorHandler(reader, DiagnosticCollector.callback, Unmanaged.passUnretained(collector).toOpaque())
        if let schema, xmlTextReaderSetSchema(reader, schema.pointer) != 0 {
            throw XMLReadError("cannot attach the schema \(schema.path)", at: SourceLocation(file: file))
        }
    }

    deinit {
        xmlFreeTextReader(reader)
        ownedBuffer?.deallocate()
    }

    /// Parser options: no network, no DTD loading, no entity substitution, libxml2's size
    /// limits kept (no XML_PARSE_HUGE), true line numbers past 65535.
    static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Bytes of the input the parser has consumed so far, for progress on large documents.
    public var bytesConsumed: Int { max(0, Int(xmlTextReaderByteConsumed(reader))) }

    /// Problems reported so far (warnings included).
    public var diagnostics: [XMLDiagnostic] { collector.diagnostics }

    /// The next event, or nil at the end of a well-formed (and, with a schema, valid) document.
    /// Throws at the first fatal error, or at the end when schema validation found problems.
    public func next() throws(XMLReadError) -> XMLEvent? {
        startNode = nil
        if let end = pendingEnd {
            pendingEnd = nil
            return .end(end)
        }
        if unread {
            unread = false
            if let event = try currentEvent() { return event }
        }
        while !finished {
            guard try advanced(xmlTextReaderRead(reader)) else { return nil }
            if let event = try currentEvent() { return event }
        }
        return nil
    }

    /// Skips the rest of the element the reader stands on (its subtree, already read) and
    /// stops on the node after it, which the next call to `next()` reports.
    func skipElement() throws(XMLReadError) {
        startNode = nil
        if try advanced(xmlTextReaderNext(reader)) { unread = true }
    }

    /// Checks the status of a move of the reader: true when it stands on a node, false at
    /// the end of the document; throws at a fatal error, or at the end when there were errors.
    private func advanced(_ status: Int32) throws(XMLReadError) -> Bool {
        if status < 0 { throw failure("the document is not well-formed") }
        if status > 0 { return true }
        finished = true
        if collector.hasErrors || (schema != nil && xmlTextReaderIsValid(reader) != 1) {
            throw failure("the document is not valid against its schema")
        }
        return false
    }

    private func currentEvent() throws(XMLReadError) -> XMLEvent? {
        let type = xmlTextReaderNodeType(reader)
        switch type {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            let depth = Int(xmlTextReaderDepth(reader)) + 1
            if depth > limits.maxDepth {
                throw limitError("elements nest deeper than \(limits.maxDepth) levels", limit: "maxDepth")
            }
            guard let node = xmlTextReaderCurrentNode(reader) else {
                throw failure("the document is not well-formed")
            }
            let name = names.name(local: node.pointee.name, namespace: node.pointee.ns)
            let line = currentLine ?? Int(xmlTextReaderGetParserLineNumber(reader))
            let attributes = try attributes(of: node)
            if xmlTextReaderIsEmptyElement(reader) == 1 { pendingEnd = name } else { startNode = node }
            return .start(XMLElementStart(name: name, attributes: attributes, line: line, depth: depth))
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            guard let node = xmlTextReaderCurrentNode(reader) else {
                throw failure("the document is not well-formed")
            }
            return .end(names.name(local: node.pointee.name, namespace: node.pointee.ns))
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            let value = string(xmlTextReaderConstValue(reader))
            if value.utf8.count > limits.maxTextBytes {
                throw limitError("a text node is longer than \(limits.maxTextBytes) bytes", limit: "maxTextBytes")
            }
            return .text(value)
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
            // libxml2 substitutes entities in attribute values whatever the options, so a
            // document that declares any entity is refused outright.
            if xmlTextReaderCurrentDoc(reader)?.pointee.intSubset?.pointee.entities != nil {
                throw limitError("the document declares entities (<!ENTITY …>), which are not allowed", limit: "entities")
            }
            return nil
        case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
            throw limitError("entity references are not allowed (&\(string(xmlTextReaderConstName(reader)));)", limit: "entities")
        default:
            return nil
        }
    }

    /// The attributes of an element node (namespace declarations are not among them), within
    /// the limit on their number.
    func attributes(of node: xmlNodePtr) throws(XMLReadError) -> [XMLAttribute] {
        try checkAttributes(of: node)
        return checkedAttributes(of: node)
    }

    /// Throws when an element has more attributes than the limit, or an entity reference in
    /// an attribute's value.
    func checkAttributes(of node: xmlNodePtr) throws(XMLReadError) {
        var count = 0
        var attribute = node.pointee.properties
        while let current = attribute {
            count += 1
            if count > limits.maxAttributes {
                throw limitError("an element has more than \(limits.maxAttributes) attributes", limit: "maxAttributes",
                                 line: line(of: node))
            }
            var child = current.pointee.children
            while let part = child {
                if part.pointee.type == XML_ENTITY_REF_NODE {
                    throw limitError("entity references are not allowed (&\(string(part.pointee.name));)", limit: "entities",
                                     line: line(of: node))
                }
                child = part.pointee.next
            }
            attribute = current.pointee.next
        }
    }

    /// The attributes of an element `checkAttributes` accepted.
    func checkedAttributes(of node: xmlNodePtr) -> [XMLAttribute] {
        guard node.pointee.properties != nil else { return [] }
        var attributes: [XMLAttribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            attributes.append(XMLAttribute(name: names.name(local: current.pointee.name, namespace: current.pointee.ns),
                                           value: value(of: current)))
            attribute = current.pointee.next
        }
        return attributes
    }

    /// An attribute's value: its text children (libxml2 substitutes entities in attribute
    /// values, and `checkAttributes` refuses any left).
    func value(of attribute: xmlAttrPtr) -> String {
        guard let first = attribute.pointee.children else { return "" }
        if first.pointee.next == nil { return string(first.pointee.content) }
        var value = ""
        var child: xmlNodePtr? = first
        while let node = child {
            value += string(node.pointee.content)
            child = node.pointee.next
        }
        return value
    }

    /// A node's line, 0 when libxml2 does not know it.
    func line(of node: xmlNodePtr) -> Int {
        max(0, Int(xmlGetLineNo(node)))
    }

    func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    /// The line of the node the reader is on. (The parser's own line number runs ahead, to
    /// wherever it has buffered the input.)
    private var currentLine: Int? {
        guard let node = xmlTextReaderCurrentNode(reader) else { return nil }
        let line = Int(xmlGetLineNo(node))
        return line > 0 ? line : nil
    }

    /// Where the reader is, for errors: the current node's line, else the parser's position.
    private var here: SourceLocation {
        if let line = currentLine { return SourceLocation(file: file, line: line) }
        let line = Int(xmlTextReaderGetParserLineNumber(reader))
        let column = Int(xmlTextReaderGetParserColumnNumber(reader))
        return SourceLocation(file: file, line: line > 0 ? line : nil, column: column > 0 ? column : nil)
    }

    func failure(_ fallback: String) -> XMLReadError {
        let errors = collector.diagnostics.filter { $0.severity != .warning }
        if errors.isEmpty { return XMLReadError(fallback, at: here) }
        let lastLine = ownedBuffer.map { buffer in Truncation.lastLine(of: buffer.lazy.map { UInt8(bitPattern: $0) }) }
            ?? Truncation.lastLine(ofFile: file)
        return Truncation.explain(XMLReadError(errors), lastLine: lastLine, openElements: collector.openElementsAtFirstError ?? 0)
    }

    /// Stops the read at a limit; `line` is where, when not the reader's current node.
    func limitError(_ message: String, limit: String, line: Int? = nil) -> XMLReadError {
        finished = true
        let location = line.flatMap { $0 > 0 ? SourceLocation(file: file, line: $0) : nil } ?? here
        return XMLReadError("\(message) (limit \(limit))", at: location)
    }
}

/// Limits on what a document may contain, so hostile input cannot exhaust memory or time.
public struct XMLLimits: Sendable, Hashable {
    public var maxDepth: Int
    public var maxTextBytes: Int
    public var maxAttributes: Int

    public init(maxDepth: Int = 64, maxTextBytes: Int = 1 << 20, maxAttributes: Int = 64) {
        self.maxDepth = maxDepth
        self.maxTextBytes = maxTextBytes
        self.maxAttributes = maxAttributes
    }
}

private let libxml2Init: Void = { xmlInitParser() }()

/// Initialises libxml2 once per process, before any thread uses it.
func libxml2Initialised() { libxml2Init }
