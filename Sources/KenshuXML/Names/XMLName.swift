/// An expanded XML name: namespace URI and local name, as the XML reader reports names and
/// feed profiles' paths name them. Matching is on these, never on a document's prefixes (one
/// feed writes `xcri:course`, another `course` under a default namespace).
public struct XMLName: Sendable, Hashable, CustomStringConvertible {
    /// The namespace URI, or "" for none.
    public var namespace: String
    public var local: String

    public init(_ namespace: String, _ local: String) {
        self.namespace = namespace
        self.local = local
    }

    /// `{urn:x}local`, or `local` without a namespace.
    public var description: String { namespace.isEmpty ? local : "{\(namespace)}\(local)" }
}
