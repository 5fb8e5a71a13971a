import KenshuCore

/// An attribute of an element.
public struct XMLAttribute: Sendable, Hashable {
    public var name: XMLName
    public var value: String

    public init(name: XMLName, value: String) {
        self.name = name
        self.value = value
    }
}
