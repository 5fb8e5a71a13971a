import KenshuCore

/// One element of a document captured whole by `XMLCaptureReader`, with its descendants, in
/// flat arrays (no object per node): element records, their attributes and text as ranges of
/// one byte buffer. Built by the reader's parser callbacks (a struct, so the hot path pays no
/// dynamic exclusivity checks), then copied into a `CapturedTree`.
struct CapturedStorage {
    struct Element {
        var name: Int32
        var line: Int32
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var nextSibling: Int32 = -1
        var firstAttribute: Int32
        var attributeCount: Int32
        var firstText: Int32 = -1
        var lastText: Int32 = -1
    }

    /// A run of text: `count` bytes at `start`, then the element's next run (-1: none).
    struct TextRun {
        var start: Int32
        var count: Int32
        var next: Int32 = -1
    }

    struct Attribute {
        var name: Int32
        var start: Int32
        var count: Int32
    }

    var elements: [Element] = []
    var runs: [TextRun] = []
    var attributes: [Attribute] = []
    var bytes: [UInt8] = []

    /// Empties the storage for the next capture, keeping its buffers (a tree copies what it
    /// needs), unless a huge record grew them: then they are let go.
    mutating func reset() {
        guard bytes.capacity <= 1 << 20, elements.capacity <= 4_096 else {
            self = CapturedStorage()
            return
        }
        elements.removeAll(keepingCapacity: true)
        runs.removeAll(keepingCapacity: true)
        attributes.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends an element as the last child of `parent` (-1 for the captured element itself).
    mutating func appendElement(name: Int32, line: Int32, parent: Int32) -> Int32 {
        let index = Int32(elements.count)
        elements.append(Element(name: name, line: line, firstAttribute: Int32(attributes.count), attributeCount: 0))
        if parent >= 0 {
            let last = elements[Int(parent)].lastChild
            if last >= 0 { elements[Int(last)].nextSibling = index } else { elements[Int(parent)].firstChild = index }
            elements[Int(parent)].lastChild = index
        }
        return index
    }

    mutating func appendAttribute(of element: Int32, name: Int32, value: UnsafeBufferPointer<UInt8>) {
        attributes.append(Attribute(name: name, start: Int32(bytes.count), count: Int32(value.count)))
        bytes.append(contentsOf: value)
        elements[Int(element)].attributeCount += 1
    }

    /// Appends text to `element`'s own text, extending its last run when the text continues it.
    mutating func appendText(of element: Int32, _ text: UnsafeBufferPointer<UInt8>) {
        let last = elements[Int(element)].lastText
        if last >= 0, runs[Int(last)].start + runs[Int(last)].count == Int32(bytes.count) {
            runs[Int(last)].count += Int32(text.count)
        } else {
            let index = Int32(runs.count)
            runs.append(TextRun(start: Int32(bytes.count), count: Int32(text.count)))
            if last >= 0 { runs[Int(last)].next = index } else { elements[Int(element)].firstText = index }
            elements[Int(element)].lastText = index
        }
        bytes.append(contentsOf: text)
    }
}

/// A captured element as handed over: its storage copied into one block of exactly its size
/// (the reader's working arrays are reused for the next capture), with the names it refers
/// to. Read through pointers, so mapping pays no reference counting per access; never changed
/// once made, so it may be read on another thread (see `KeptCapturedElement`).
final class CapturedTree {
    let elements: UnsafeBufferPointer<CapturedStorage.Element>
    let runs: UnsafeBufferPointer<CapturedStorage.TextRun>
    let attributes: UnsafeBufferPointer<CapturedStorage.Attribute>
    let bytes: UnsafeBufferPointer<UInt8>
    /// Holds the names' storage, which `nameRanges` and `nameBytes` point into.
    let names: CapturedNameTable
    let nameRanges: UnsafeBufferPointer<CapturedNameTable.Range>
    let nameBytes: UnsafeBufferPointer<UInt8>
    private let block: UnsafeMutableRawPointer

    init(copying storage: CapturedStorage, names: CapturedNameTable) {
        self.names = names
        nameRanges = names.ranges
        nameBytes = names.bytes
        // One allocation: the element records, runs and attributes (4-byte fields), then the bytes.
        let elementBytes = storage.elements.count * MemoryLayout<CapturedStorage.Element>.stride
        let runBytes = storage.runs.count * MemoryLayout<CapturedStorage.TextRun>.stride
        let attributeBytes = storage.attributes.count * MemoryLayout<CapturedStorage.Attribute>.stride
        let block = UnsafeMutableRawPointer.allocate(
            byteCount: max(1, elementBytes + runBytes + attributeBytes + storage.bytes.count),
            alignment: MemoryLayout<CapturedStorage.Element>.alignment)
        self.block = block
        elements = Self.copy(storage.elements, to: block)
        runs = Self.copy(storage.runs, to: block + elementBytes)
        attributes = Self.copy(storage.attributes, to: block + elementBytes + runBytes)
        bytes = Self.copy(storage.bytes, to: block + elementBytes + runBytes + attributeBytes)
    }

    private static func copy<T>(_ array: [T], to region: UnsafeMutableRawPointer) -> UnsafeBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer(start: region.bindMemory(to: T.self, capacity: array.count), count: array.count)
        _ = buffer.initialize(from: array)
        return UnsafeBufferPointer(buffer)
    }

    deinit {
        block.deallocate()
    }

    /// The captured element itself.
    var root: CapturedElement { CapturedElement(tree: self, index: 0) }

    func withNameBytes<R>(_ number: Int32, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        CapturedNameTable.withBytes(number, ranges: nameRanges, bytes: nameBytes, body)
    }

    /// The bytes of a range of `bytes`.
    func bytes(_ start: Int32, _ count: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(start + count)])
    }
}

/// An element of a `CapturedTree`: what the feed mappers read (`XMLElementReading`). Valid
/// until the reader that handed it over is asked for its next item; `kept` keeps it longer.
public struct CapturedElement: XMLElementReading {
    unowned(unsafe) let tree: CapturedTree
    let index: Int32

    /// This element with its tree held: valid after the reader has moved on, and readable
    /// on another thread while the reader goes on.
    public var kept: KeptCapturedElement { KeptCapturedElement(tree: tree, index: index) }

    private var element: CapturedStorage.Element { tree.elements[Int(index)] }

    public var name: XMLName { tree.names.name(element.name) }

    public var line: Int { Int(element.line) }

    public var text: String {
        let first = element.firstText
        guard first >= 0 else { return "" }
        let run = tree.runs[Int(first)]
        // One run, the usual case: the string made straight from the bytes.
        guard run.next >= 0 else { return String(decoding: tree.bytes(run.start, run.count), as: UTF8.self) }
        var bytes: [UInt8] = []
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public func appendText(to bytes: inout [UInt8]) {
        var run = element.firstText
        while run >= 0 {
            let current = tree.runs[Int(run)]
            bytes.append(contentsOf: tree.bytes(current.start, current.count))
            run = current.next
        }
    }

    public func withNameBytes<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        tree.withNameBytes(element.name, body)
    }

    public var attributes: [XMLAttribute] {
        let element = element
        return (element.firstAttribute..<element.firstAttribute + element.attributeCount).map { index in
            let attribute = tree.attributes[Int(index)]
            return XMLAttribute(name: tree.names.name(attribute.name), value: value(of: attribute))
        }
    }

    public func attribute(_ local: String, namespace: String = "") -> String? {
        let element = element
        guard element.attributeCount > 0 else { return nil }
        var local = local
        var namespace = namespace
        return local.withUTF8 { local in
            namespace.withUTF8 { namespace in
                for index in element.firstAttribute..<element.firstAttribute + element.attributeCount {
                    let attribute = tree.attributes[Int(index)]
                    let matches = tree.withNameBytes(attribute.name) { attributeNamespace, attributeLocal in
                        attributeLocal.elementsEqual(local) && attributeNamespace.elementsEqual(namespace)
                    }
                    if matches { return value(of: attribute) }
                }
                return nil
            }
        }
    }

    private func value(of attribute: CapturedStorage.Attribute) -> String {
        String(decoding: tree.bytes(attribute.start, attribute.count), as: UTF8.self)
    }

    public var children: Children { Children(tree: tree, following: element.firstChild) }

    /// The child elements, in document order.
    public struct Children: Sequence, IteratorProtocol {
        unowned(unsafe) let tree: CapturedTree
        var following: Int32

        public mutating func next() -> CapturedElement? {
            guard following >= 0 else { return nil }
            let element = CapturedElement(tree: tree, index: following)
            following = tree.elements[Int(following)].nextSibling
            return element
        }
    }
}

/// A captured element that holds its tree (`CapturedElement.kept`): handed to another thread,
/// it is read there while the reader goes on (the tree and its names never change).
public struct KeptCapturedElement: @unchecked Sendable {
    let tree: CapturedTree
    let index: Int32

    /// Calls `body` with the element, valid within `body`.
    public func withElement<R>(_ body: (CapturedElement) throws -> R) rethrows -> R {
        try withExtendedLifetime(tree) { try body(CapturedElement(tree: tree, index: index)) }
    }
}
