#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CLibXML2
import KenshuCore

/// The element and attribute names of one parse, each made a Swift `XMLName` once and
/// referred to by number: a feed of a million courses names the same twenty elements over
/// and over. The names themselves are kept in a frozen `CapturedNameTable`, replaced when a
/// name is added, so that trees captured earlier can be read on another thread. Looked up by
/// the addresses of libxml2's name strings (interned in the parser's dictionary) in a small
/// open-addressed cache, checked against the bytes, so an address reused for another name can
/// never return a stale one.
///
/// The table sits behind a pointer: every element's name is looked up, and a class's stored
/// properties would pay Swift's dynamic exclusivity checks on each.
final class CapturedNames {
    private struct Slot {
        var local: UnsafeRawPointer?
        var namespace: UnsafeRawPointer?
        var number: Int32 = -1
    }

    private struct Table {
        var slots = [Slot](repeating: Slot(), count: CapturedNames.slotCount)
        var current = CapturedNameTable()
        /// Every name by its namespace and local bytes (a 0 between), for the cache's misses.
        var numbers: [[UInt8]: Int32] = [:]
    }

    private static let slotCount = 1_024
    private static let probes = 8
    private let table: UnsafeMutablePointer<Table>

    init() {
        table = .allocate(capacity: 1)
        table.initialize(to: Table())
    }

    deinit {
        table.deinitialize(count: 1)
        table.deallocate()
    }

    /// The number of the name with these NUL-terminated UTF-8 strings (namespace nil: none).
    func number(local: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?) -> Int32 {
        let localKey = UnsafeRawPointer(local)
        let namespaceKey = namespace.map(UnsafeRawPointer.init)
        let mixed = UInt64(UInt(bitPattern: localKey)) &* 0x9E37_79B9_7F4A_7C15
            ^ UInt64(UInt(bitPattern: namespaceKey)) &* 0xC2B2_AE3D_27D4_EB4F
        let home = Int(truncatingIfNeeded: mixed >> 54) & (Self.slotCount - 1)
        // Open addressing over a few slots: two hot names whose addresses hash alike each keep
        // a slot instead of evicting each other.
        var free: Int?
        for probe in 0..<Self.probes {
            let index = (home + probe) & (Self.slotCount - 1)
            let slot = table.pointee.slots[index]
            if slot.number < 0 {
                free = index
                break
            }
            if slot.local == localKey, slot.namespace == namespaceKey, matches(slot.number, local: local, namespace: namespace) {
                return slot.number
            }
        }
        let number = lookUp(local: local, namespace: namespace)
        table.pointee.slots[free ?? home] = Slot(local: localKey, namespace: namespaceKey, number: number)
        return number
    }

    /// The names met so far: what a tree captured now refers to.
    var current: CapturedNameTable { table.pointee.current }

    func name(_ number: Int32) -> XMLName { table.pointee.current.name(number) }

    private func matches(_ number: Int32, local: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?) -> Bool {
        table.pointee.current.withBytes(number) { storedNamespace, storedLocal in
            Self.equal(storedLocal, local) && Self.equal(storedNamespace, namespace)
        }
    }

    /// The number of a name seen before under other addresses (or in a slot taken since), or
    /// of a new one.
    private func lookUp(local: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?) -> Int32 {
        let localBytes = UnsafeBufferPointer(start: local, count: Int(xmlStrlen(local)))
        let namespaceBytes = namespace.map { UnsafeBufferPointer(start: $0, count: Int(xmlStrlen($0))) }
            ?? UnsafeBufferPointer(start: nil, count: 0)
        let key = Array(namespaceBytes) + [0] + Array(localBytes)
        if let number = table.pointee.numbers[key] { return number }
        let number = Int32(table.pointee.current.names.count)
        table.pointee.current = table.pointee.current.adding(namespace: namespaceBytes, local: localBytes)
        table.pointee.numbers[key] = number
        return number
    }

    /// Whether the stored bytes are the NUL-terminated string (nil: the empty string).
    private static func equal(_ stored: UnsafeBufferPointer<UInt8>, _ string: UnsafePointer<xmlChar>?) -> Bool {
        guard let string else { return stored.isEmpty }
        guard let base = stored.baseAddress else { return string[0] == 0 }
        // The NUL first: a shorter string ends there, and memcmp reads no further than it.
        return xmlStrlen(string) == stored.count && memcmp(base, string, stored.count) == 0
    }
}
