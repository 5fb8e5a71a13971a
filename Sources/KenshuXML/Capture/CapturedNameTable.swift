import KenshuCore

/// The names a parse has met so far, frozen: each captured tree keeps the table of its
/// moment, so a tree can be read on another thread while the parse goes on and meets new
/// names (`CapturedNames` then makes a new table; a feed has a few dozen names in all).
final class CapturedNameTable: @unchecked Sendable {
    let names: [XMLName]
    /// Each name's namespace URI and local name bytes, at `ranges[number]` in `bytes`.
    private let bytes: [UInt8]
    private let ranges: [(namespace: Range<Int>, local: Range<Int>)]

    init() {
        names = []
        bytes = []
        ranges = []
    }

    private init(names: [XMLName], bytes: [UInt8], ranges: [(namespace: Range<Int>, local: Range<Int>)]) {
        self.names = names
        self.bytes = bytes
        self.ranges = ranges
    }

    /// This table with one more name (numbered `names.count`).
    func adding(namespace: UnsafeBufferPointer<UInt8>, local: UnsafeBufferPointer<UInt8>) -> CapturedNameTable {
        var bytes = bytes
        let namespaceStart = bytes.count
        bytes.append(contentsOf: namespace)
        let localStart = bytes.count
        bytes.append(contentsOf: local)
        let name = XMLName(String(decoding: namespace, as: UTF8.self), String(decoding: local, as: UTF8.self))
        return CapturedNameTable(names: names + [name], bytes: bytes,
                                 ranges: ranges + [(namespaceStart..<localStart, localStart..<bytes.count)])
    }

    func name(_ number: Int32) -> XMLName { names[Int(number)] }

    /// Calls `body` with the namespace URI's and the local name's bytes of name `number`.
    func withBytes<R>(_ number: Int32, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = ranges[Int(number)]
        return bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[range.namespace]), UnsafeBufferPointer(rebasing: all[range.local]))
        }
    }
}
