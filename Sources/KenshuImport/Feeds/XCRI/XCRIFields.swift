import KenshuCore
import KenshuXML

/// Reads fields out of an element tree of one XCRI-CAP record: the children that are a
/// given field (see `XCRINames.isField`), their text, and their identifiers.
enum XCRIFields {
    /// The child elements of `node` that are the field `local`, in document order.
    static func all(_ local: String, in node: XMLNode) -> [XMLNode] {
        node.children.filter { XCRINames.isField($0.name, local) }
    }

    /// The first child element of `node` that is the field `local`.
    static func first(_ local: String, in node: XMLNode) -> XMLNode? {
        node.children.first { XCRINames.isField($0.name, local) }
    }

    /// The text of the first `local` field whose text is not blank, white space folded.
    static func firstText(_ local: String, in node: XMLNode) -> String? {
        for child in all(local, in: node) {
            let text = FeedValues.foldWhitespace(allText(child))
            if !text.isEmpty { return text }
        }
        return nil
    }

    /// The element's text and all its descendants' (an XHTML `div` of paragraphs), each
    /// piece separated by a space. `XMLNode` keeps an element's own text apart from its
    /// children, so in mixed content (`a <b>b</b> c`) the own text comes first.
    static func allText(_ node: XMLNode) -> String {
        guard !node.children.isEmpty else { return node.text }
        var parts = [node.text]
        for child in node.children { parts.append(allText(child)) }
        return parts.joined(separator: " ")
    }

    /// Whether the element has an `xsi:type` (a typed identifier, a keyword description).
    static func isTyped(_ node: XMLNode) -> Bool {
        node.attributes.contains { $0.name.local == "type" && $0.name.namespace == XCRINames.xsiNamespace }
    }

    /// Whether an identifier is a URL (`http://…`) rather than a code.
    static func isURL(_ identifier: String) -> Bool {
        let bytes = Array(identifier.utf8.prefix(64))
        guard bytes.count >= 3 else { return false }
        return (0..<(bytes.count - 2)).contains { bytes[$0] == 0x3A && bytes[$0 + 1] == 0x2F && bytes[$0 + 2] == 0x2F }
    }

    /// The record's id among its `dc:identifier`s: the first that is not a URL (a course
    /// code), else the first URL; nil when there is none.
    static func preferredIdentifier(in node: XMLNode) -> String? {
        let identifiers = all("identifier", in: node)
            .map { FeedValues.foldWhitespace(allText($0)) }
            .filter { !$0.isEmpty }
        return identifiers.first { !isURL($0) } ?? identifiers.first
    }

    /// A value as warnings quote it: on one line, long values cut.
    static func quoted(_ value: String) -> String {
        let line = FeedValues.foldWhitespace(value)
        return "'" + (line.count > 60 ? String(line.prefix(57)) + "..." : line) + "'"
    }
}
