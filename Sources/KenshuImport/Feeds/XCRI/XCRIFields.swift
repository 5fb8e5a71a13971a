import KenshuCore
import KenshuXML

/// Reads values out of an element tree of one XCRI-CAP record: text, types, identifiers
/// (`XCRIRecord` finds the fields).
enum XCRIFields {
    /// The element's text and all its descendants' (an XHTML `div` of paragraphs), each
    /// piece separated by a space. `XMLNode` keeps an element's own text apart from its
    /// children, so in mixed content (`a <b>b</b> c`) the own text comes first.
    static func allText<Node: XMLElementReading>(_ node: Node) -> String {
        var bytes: [UInt8] = []
        appendAllText(node, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `allText` with white space folded (`FeedValues.foldWhitespace`), made as one string.
    static func foldedText<Node: XMLElementReading>(_ node: Node) -> String {
        var bytes: [UInt8] = []
        appendAllText(node, to: &bytes)
        return FeedValues.foldWhitespace(&bytes)
    }

    /// Appends the bytes of `allText` to `bytes`.
    static func appendAllText<Node: XMLElementReading>(_ node: Node, to bytes: inout [UInt8]) {
        node.appendText(to: &bytes)
        for child in node.children {
            bytes.append(UInt8(ascii: " "))
            appendAllText(child, to: &bytes)
        }
    }

    /// Whether the element has an `xsi:type` (a typed identifier, a keyword description).
    static func isTyped<Node: XMLElementReading>(_ node: Node) -> Bool {
        node.attribute("type", namespace: XCRINames.xsiNamespace) != nil
    }

    /// Whether an identifier is a URL (`http://…`) rather than a code.
    static func isURL(_ identifier: String) -> Bool {
        let bytes = Array(identifier.utf8.prefix(64))
        guard bytes.count >= 3 else { return false }
        return (0..<(bytes.count - 2)).contains { bytes[$0] == 0x3A && bytes[$0 + 1] == 0x2F && bytes[$0 + 2] == 0x2F }
    }

    /// A value as warnings quote it: on one line, long values cut.
    static func quoted(_ value: String) -> String {
        let line = FeedValues.foldWhitespace(value)
        return "'" + (line.count > 60 ? String(line.prefix(57)) + "..." : line) + "'"
    }
}
