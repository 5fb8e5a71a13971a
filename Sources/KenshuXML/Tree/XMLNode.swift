import KenshuCore

/// A small in-memory element tree, for documents (or one record of a feed) that are known
/// to be small: the policy catalogue, one course of a feed. Big documents stay streamed.
public struct XMLNode: Sendable, Equatable {
    public var name: XMLName
    public var attributes: [XMLAttribute]
    public var children: [XMLNode]
    /// The element's own text (not its children's), joined.
    public var text: String
    public var line: Int

    public init(name: XMLName, attributes: [XMLAttribute] = [], children: [XMLNode] = [], text: String = "", line: Int = 0) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
    }

    /// The value of an attribute in no namespace.
    public func attribute(_ local: String) -> String? {
        attributes.first { $0.name.local == local && $0.name.namespace.isEmpty }?.value
    }

    /// Child elements with this local name (in the element's own namespace).
    public func children(_ local: String) -> [XMLNode] {
        children.filter { $0.name.local == local && $0.name.namespace == name.namespace }
    }

    /// The first child element with this local name (in the element's own namespace).
    public func child(_ local: String) -> XMLNode? {
        children.first { $0.name.local == local && $0.name.namespace == name.namespace }
    }
}

extension XMLStreamReader {
    /// Reads the whole document into a tree and returns its root element.
    /// - Parameter maxNodes: elements beyond this make the read fail (a small document is expected).
    public func readTree(maxNodes: Int = 100_000) throws(XMLReadError) -> XMLNode {
        var root: XMLNode?
        var nodes = 0
        while let event = try next() {
            guard case .start(let start) = event else { continue }
            root = try readSubtree(from: start, nodes: &nodes, maxNodes: maxNodes)
        }
        guard let root else { throw XMLReadError("the document has no root element", at: .init(file: file)) }
        return root
    }

    /// Reads the element that `start` opened, up to its end, into a tree.
    public func readSubtree(from start: XMLElementStart, maxNodes: Int = 100_000) throws(XMLReadError) -> XMLNode {
        var nodes = 0
        if let expanded = try withExpandedElement(from: start, maxNodes: maxNodes, XMLNode.init) { return expanded }
        return try readSubtree(from: start, nodes: &nodes, maxNodes: maxNodes)
    }

    private func readSubtree(from start: XMLElementStart, nodes: inout Int, maxNodes: Int) throws(XMLReadError) -> XMLNode {
        nodes += 1
        if nodes > maxNodes {
            throw XMLReadError("more than \(maxNodes) elements (limit maxNodes)", at: .init(file: file, line: start.line))
        }
        var node = XMLNode(name: start.name, attributes: start.attributes, line: start.line)
        while let event = try next() {
            switch event {
            case .start(let child):
                node.children.append(try readSubtree(from: child, nodes: &nodes, maxNodes: maxNodes))
            case .text(let text):
                node.text += text
            case .end:
                return node
            }
        }
        throw XMLReadError("the document ends inside <\(start.name.local)>", at: .init(file: file, line: start.line))
    }
}
