internal import CLibXML2
import KenshuCore

extension XMLStreamReader {
    /// Hands `body` the element the reader stands on (the last `.start` event's), parsed whole
    /// by libxml2 (`xmlTextReaderExpand`) and read in place, then moves the reader past the
    /// element without an event per node. The limits are checked first, as the events would
    /// check them, and `maxNodes` caps the element's descendants (itself included).
    ///
    /// Nil, without calling `body`, when that does not apply (a schema is validating the
    /// events, the element is empty, or the reader has moved on): read the events instead
    /// (`readSubtree` does).
    public func withExpandedElement<T>(
        from start: XMLElementStart, maxNodes: Int = 100_000, _ body: (XMLElementView) -> T
    ) throws(XMLReadError) -> T? {
        guard schema == nil, pendingEnd == nil, let element = startNode else { return nil }
        guard xmlTextReaderExpand(reader) != nil else { throw failure("the document is not well-formed") }
        var check = SubtreeCheck(reader: self, maxNodes: maxNodes)
        try check.count(line: start.line)
        try check.children(of: element, depth: start.depth)
        let result = body(XMLElementView(element, reader: self))
        try skipElement()
        return result
    }
}

/// Checks an expanded element's nodes against the limits, counting them against `maxNodes`.
private struct SubtreeCheck {
    let reader: XMLStreamReader
    let maxNodes: Int
    var nodes = 0

    init(reader: XMLStreamReader, maxNodes: Int) {
        self.reader = reader
        self.maxNodes = maxNodes
    }

    mutating func count(line: Int) throws(XMLReadError) {
        nodes += 1
        if nodes > maxNodes {
            throw XMLReadError("more than \(maxNodes) elements (limit maxNodes)", at: .init(file: reader.file, line: line))
        }
    }

    /// Checks what `element` (at `depth`, the root being 1) holds.
    mutating func children(of element: xmlNodePtr, depth: Int) throws(XMLReadError) {
        let limits = reader.limits
        var next = element.pointee.children
        while let current = next {
            next = current.pointee.next
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                if depth + 1 > limits.maxDepth {
                    throw reader.limitError("elements nest deeper than \(limits.maxDepth) levels", limit: "maxDepth",
                                            line: reader.line(of: current))
                }
                try reader.checkAttributes(of: current)
                try count(line: reader.line(of: current))
                try children(of: current, depth: depth + 1)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = current.pointee.content else { continue }
                if Int(xmlStrlen(content)) > limits.maxTextBytes {
                    throw reader.limitError("a text node is longer than \(limits.maxTextBytes) bytes", limit: "maxTextBytes",
                                            line: reader.line(of: current))
                }
            case XML_ENTITY_REF_NODE:
                throw reader.limitError("entity references are not allowed (&\(reader.string(current.pointee.name));)",
                                        limit: "entities", line: reader.line(of: current))
            default:
                continue
            }
        }
    }
}
