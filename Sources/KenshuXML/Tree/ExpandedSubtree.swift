internal import CLibXML2
import KenshuCore

extension XMLStreamReader {
    /// Reads the element the reader stands on (the last `.start` event's) as a tree in one
    /// go: libxml2 parses the element whole (`xmlTextReaderExpand`), its nodes are read
    /// straight from libxml2's tree, and the reader moves past the element without an event
    /// per node. The limits are checked as the events would check them.
    ///
    /// Nil when that does not apply (a schema is validating the events, the element is
    /// empty, or the reader has moved on): the caller reads the events instead.
    func expandSubtree(from start: XMLElementStart, maxNodes: Int) throws(XMLReadError) -> XMLNode? {
        guard schema == nil, pendingEnd == nil, let element = startNode else { return nil }
        guard xmlTextReaderExpand(reader) != nil else { throw failure("the document is not well-formed") }
        var walk = SubtreeWalk(reader: self, maxNodes: maxNodes)
        var root = XMLNode(name: start.name, attributes: start.attributes, line: start.line)
        try walk.count(line: start.line)
        try walk.fill(&root, from: element, depth: start.depth)
        try skipElement()
        return root
    }
}

/// One walk over an expanded element's nodes, counting them against `maxNodes`.
private struct SubtreeWalk {
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

    /// Adds the children and the own text of `element` (at `depth`, the root being 1) to `node`.
    /// White-space-only text counts, as the reader's events give it whatever `xml:space` says.
    mutating func fill(_ node: inout XMLNode, from element: xmlNodePtr, depth: Int) throws(XMLReadError) {
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
                let name = reader.names.name(local: current.pointee.name, namespace: current.pointee.ns)
                let attributes = try reader.attributes(of: current)
                let line = reader.line(of: current)
                try count(line: line)
                var child = XMLNode(name: name, attributes: attributes, line: line)
                try fill(&child, from: current, depth: depth + 1)
                node.children.append(child)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = current.pointee.content else { continue }
                if Int(xmlStrlen(content)) > limits.maxTextBytes {
                    throw reader.limitError("a text node is longer than \(limits.maxTextBytes) bytes", limit: "maxTextBytes",
                                            line: reader.line(of: current))
                }
                node.text += reader.string(content)
            case XML_ENTITY_REF_NODE:
                throw reader.limitError("entity references are not allowed (&\(reader.string(current.pointee.name));)",
                                        limit: "entities", line: reader.line(of: current))
            default:
                continue
            }
        }
    }
}
