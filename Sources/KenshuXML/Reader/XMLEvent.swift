import KenshuCore

/// One step of a streaming read: an element opens, text arrives, an element closes.
/// An empty element (`<a/>`) gives a start and an end like any other.
public enum XMLEvent: Sendable, Equatable {
    case start(XMLElementStart)
    case text(String)
    case end(XMLName)
}

/// An opening tag with its attributes (namespace declarations left out) and where it stands.
public struct XMLElementStart: Sendable, Equatable {
    public var name: XMLName
    public var attributes: [XMLAttribute]
    /// 1-based line of the tag in the document.
    public var line: Int
    /// Nesting depth, the root element being 1.
    public var depth: Int

    public init(name: XMLName, attributes: [XMLAttribute], line: Int, depth: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
        self.depth = depth
    }

    /// The value of the attribute with this name in no namespace (the usual case).
    public func attribute(_ local: String, namespace: String = "") -> String? {
        attributes.first { $0.name.local == local && $0.name.namespace == namespace }?.value
    }
}
