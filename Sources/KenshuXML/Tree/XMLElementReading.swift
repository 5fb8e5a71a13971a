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
    /// The value of the attribute with this name ("" namespace: none, the usual case).
    func attribute(_ local: String, namespace: String) -> String?
}

extension XMLNode: XMLElementReading {
    public func attribute(_ local: String, namespace: String) -> String? {
        attributes.first { $0.name.local == local && $0.name.namespace == namespace }?.value
    }
}
