internal import CLibXML2
import KenshuCore

/// One element of a subtree libxml2 has parsed whole, read in place: names, text and
/// attributes become Swift values only when asked for, and nothing is built for the rest.
/// Valid only inside the `withExpandedElement` call that hands it over (the nodes are
/// libxml2's, freed as the reader moves on).
public struct XMLElementView: XMLElementReading {
    private let pointer: UnsafeMutableRawPointer
    private unowned(unsafe) let reader: XMLStreamReader

    init(_ node: xmlNodePtr, reader: XMLStreamReader) {
        pointer = UnsafeMutableRawPointer(node)
        self.reader = reader
    }

    private var node: xmlNodePtr { pointer.assumingMemoryBound(to: xmlNode.self) }

    public var name: XMLName { reader.names.name(local: node.pointee.name, namespace: node.pointee.ns) }

    public var line: Int { reader.line(of: node) }

    public var text: String {
        var text = ""
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            guard current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                  let content = current.pointee.content else { continue }
            if text.isEmpty { text = reader.string(content) } else { text += reader.string(content) }
        }
        return text
    }

    public func withNameBytes<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(Self.bytes(node.pointee.ns?.pointee.href), Self.bytes(node.pointee.name))
    }

    public func appendText(to bytes: inout [UInt8]) {
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            guard current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE else { continue }
            bytes.append(contentsOf: Self.bytes(current.pointee.content))
        }
    }

    /// The bytes of a NUL-terminated libxml2 string (not the NUL), empty for nil.
    private static func bytes(_ pointer: UnsafePointer<xmlChar>?) -> UnsafeBufferPointer<UInt8> {
        guard let pointer else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: pointer, count: Int(xmlStrlen(pointer)))
    }

    /// Every attribute (namespace declarations are not among them).
    public var attributes: [XMLAttribute] { reader.checkedAttributes(of: node) }

    public func attribute(_ local: String, namespace: String = "") -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if reader.names.string(current.pointee.name) == local,
               reader.names.string(current.pointee.ns?.pointee.href) == namespace {
                return reader.value(of: current)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    public var children: Children { Children(next: node.pointee.children, reader: reader) }

    /// The child elements of an element (text, comments and the like left out).
    public struct Children: Sequence, IteratorProtocol {
        private var pointer: UnsafeMutableRawPointer?
        private unowned(unsafe) let reader: XMLStreamReader

        init(next: xmlNodePtr?, reader: XMLStreamReader) {
            pointer = next.map { UnsafeMutableRawPointer($0) }
            self.reader = reader
        }

        public mutating func next() -> XMLElementView? {
            while let raw = pointer {
                let node = raw.assumingMemoryBound(to: xmlNode.self)
                pointer = node.pointee.next.map { UnsafeMutableRawPointer($0) }
                if node.pointee.type == XML_ELEMENT_NODE { return XMLElementView(node, reader: reader) }
            }
            return nil
        }
    }
}
