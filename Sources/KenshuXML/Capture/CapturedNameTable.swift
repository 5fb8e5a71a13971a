import KenshuCore

/// The names a parse has met so far, frozen: each captured tree keeps the table of its
/// moment, so a tree can be read on another thread while the parse goes on and meets new
/// names (`CapturedNames` then makes a new table; a feed has a few dozen names in all).
/// The names' bytes sit in memory of the table's own, which trees read through pointers.
final class CapturedNameTable: @unchecked Sendable {
    /// Where a name's namespace URI and local name are in `bytes`.
    struct Range {
        var namespaceStart: Int32
        var namespaceCount: Int32
        var localStart: Int32
        var localCount: Int32
    }

    let names: [XMLName]
    let ranges: UnsafeBufferPointer<Range>
    let bytes: UnsafeBufferPointer<UInt8>

    convenience init() {
        self.init(names: [], ranges: [], bytes: [])
    }

    private init(names: [XMLName], ranges: [Range], bytes: [UInt8]) {
        self.names = names
        let storedRanges = UnsafeMutableBufferPointer<Range>.allocate(capacity: max(1, ranges.count))
        _ = storedRanges.initialize(from: ranges)
        self.ranges = UnsafeBufferPointer(rebasing: storedRanges[0..<ranges.count])
        let storedBytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = storedBytes.initialize(from: bytes)
        self.bytes = UnsafeBufferPointer(rebasing: storedBytes[0..<bytes.count])
    }

    deinit {
        ranges.baseAddress.map { UnsafeMutablePointer(mutating: $0).deallocate() }
        bytes.baseAddress.map { UnsafeMutablePointer(mutating: $0).deallocate() }
    }

    /// This table with one more name (numbered `names.count`).
    func adding(namespace: UnsafeBufferPointer<UInt8>, local: UnsafeBufferPointer<UInt8>) -> CapturedNameTable {
        let name = XMLName(String(decoding: namespace, as: UTF8.self), String(decoding: local, as: UTF8.self))
        let range = Range(namespaceStart: Int32(bytes.count), namespaceCount: Int32(namespace.count),
                          localStart: Int32(bytes.count + namespace.count), localCount: Int32(local.count))
        return CapturedNameTable(names: names + [name], ranges: Array(ranges) + [range],
                                 bytes: Array(bytes) + Array(namespace) + Array(local))
    }

    func name(_ number: Int32) -> XMLName { names[Int(number)] }

    /// Calls `body` with the namespace URI's and the local name's bytes of name `number`.
    func withBytes<R>(_ number: Int32, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        Self.withBytes(number, ranges: ranges, bytes: bytes, body)
    }

    /// `withBytes` on a table's storage as a tree holds it (no reference to the table needed).
    static func withBytes<R>(
        _ number: Int32, ranges: UnsafeBufferPointer<Range>, bytes: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        let range = ranges[Int(number)]
        let namespaceStart = Int(range.namespaceStart)
        let localStart = Int(range.localStart)
        return body(UnsafeBufferPointer(rebasing: bytes[namespaceStart..<namespaceStart + Int(range.namespaceCount)]),
                    UnsafeBufferPointer(rebasing: bytes[localStart..<localStart + Int(range.localCount)]))
    }
}
