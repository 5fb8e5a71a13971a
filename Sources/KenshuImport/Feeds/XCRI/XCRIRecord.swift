import KenshuCore
import KenshuXML

/// The fields a course or presentation record holds, as `XCRINames` matches them; the raw
/// value is the local name as XCRI-CAP spells it (feeds may write it in another letter case).
enum XCRIField: String, CaseIterable {
    case identifier, title, description, abstract, url, subject, prerequisite
    case start, end, applyUntil, attendanceMode, places, cost, venue
    /// A structural element, not a field: matched only in XCRI-CAP's namespaces.
    case presentation

    var local: String { rawValue }
}

/// One XCRI-CAP record read whole (a `course` or a `presentation`), its children sorted into
/// fields in a single pass, so that each field is found without matching every child's
/// name again (a feed maps a million records).
struct XCRIRecord<Node: XMLElementReading> {
    let node: Node
    /// The children the mappers read, with their field, in document order.
    private var fields: [(field: XCRIField, node: Node)] = []

    init(_ node: Node) {
        self.node = node
        fields.reserveCapacity(16)
        for child in node.children {
            if let field = XCRINames.field(of: child) { fields.append((field, child)) }
        }
    }

    /// The children that are `field`, in document order (no array made).
    func all(_ field: XCRIField) -> some Sequence<Node> {
        fields.lazy.filter { $0.field == field }.map(\.node)
    }

    /// The first child that is `field`.
    func first(_ field: XCRIField) -> Node? {
        fields.first { $0.field == field }?.node
    }

    /// The text of the first `field` child whose text is not blank, white space folded.
    func firstText(_ field: XCRIField) -> String? {
        for child in fields where child.field == field {
            let text = XCRIFields.foldedText(child.node)
            if !text.isEmpty { return text }
        }
        return nil
    }

    /// The record's id among its `dc:identifier`s: the first that is not a URL (a course
    /// code), else the first URL; nil when there is none.
    var preferredIdentifier: String? {
        var firstURL: String?
        for child in fields where child.field == .identifier {
            let text = XCRIFields.foldedText(child.node)
            if text.isEmpty { continue }
            if !XCRIFields.isURL(text) { return text }
            if firstURL == nil { firstURL = text }
        }
        return firstURL
    }
}
