import KenshuCore

/// What code that maps a record needs of an element, whether the element is an `XMLNode`
/// of a tree or an `XMLElementView` straight onto libxml2's nodes: one mapping serves both.
public protocol XMLElementReading {
    associatedtype Children: Sequence where Children.Element == Self
    var name: XMLName { get }
    /// 1-based line of the tag in the document.
    var line: Int { get }
    /// The element's own text (not its children's), joined.
    var text: String { get }
    /// The child elements, in document order.
    var children: Children { get }
    /// Every attribute (namespace declarations are not among them).
    var attributes: [XMLAttribute] { get }
    /// The value of the attribute with this name ("" namespace: none, the usual case).
    func attribute(_ local: String, namespace: String) -> String?
    /// Calls `body` with the UTF-8 bytes of the namespace URI (empty for none) and of the local
    /// name, without making strings of them (for matching names on every element of a big feed).
    func withNameBytes<R>(_ body: (_ namespace: UnsafeBufferPointer<UInt8>, _ local: UnsafeBufferPointer<UInt8>) -> R) -> R
    /// Appends the UTF-8 bytes of `text` to `bytes`, without making a string of it.
    func appendText(to bytes: inout [UInt8])
}

extension XMLNode: XMLElementReading {
    public func attribute(_ local: String, namespace: String) -> String? {
        attributes.first { $0.name.local == local && $0.name.namespace == namespace }?.value
    }

    public func withNameBytes<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        var namespace = name.namespace
        var local = name.local
        return namespace.withUTF8 { namespace in local.withUTF8 { local in body(namespace, local) } }
    }

    public func appendText(to bytes: inout [UInt8]) {
        bytes.append(contentsOf: text.utf8)
    }
}

extension XMLNode {
    /// The tree of an element read in place, built whole.
    public init<Element: XMLElementReading>(_ element: Element) {
        self.init(name: element.name, attributes: element.attributes, children: element.children.map { XMLNode($0) },
                  text: element.text, line: element.line)
    }
}
