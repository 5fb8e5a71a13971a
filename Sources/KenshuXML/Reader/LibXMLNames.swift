internal import CLibXML2
import KenshuCore

/// Turns libxml2's names (element and attribute local names, namespace URIs) into Swift
/// strings once per distinct C string, instead of once per node: a feed of a million
/// courses names the same twenty elements over and over.
///
/// Keyed by the C string's address (libxml2 interns names in the reader's dictionary, and a
/// namespace's URI is one string for every element in it), and checked against a copy of
/// the bytes, so an address reused for other text can never return a stale name.
final class LibXMLNames {
    private struct Slot {
        var key: UnsafeRawPointer?
        var bytes: UnsafeMutablePointer<xmlChar>?
        var string = ""
    }

    private static let slotCount = 256
    private var slots = [Slot](repeating: Slot(), count: LibXMLNames.slotCount)

    deinit {
        for slot in slots { slot.bytes?.deallocate() }
    }

    /// The string of a NUL-terminated UTF-8 name, "" for nil.
    func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let key = UnsafeRawPointer(pointer)
        let bits = UInt(bitPattern: key)
        let index = Int(truncatingIfNeeded: (bits >> 3) ^ (bits >> 11)) & (Self.slotCount - 1)
        if slots[index].key == key, let bytes = slots[index].bytes, xmlStrEqual(bytes, pointer) != 0 {
            return slots[index].string
        }
        let string = String(cString: pointer)
        let length = Int(xmlStrlen(pointer))
        let copy = UnsafeMutablePointer<xmlChar>.allocate(capacity: length + 1)
        copy.initialize(from: pointer, count: length + 1)
        slots[index].bytes?.deallocate()
        slots[index] = Slot(key: key, bytes: copy, string: string)
        return string
    }

    /// The expanded name of an element or attribute node of libxml2's tree.
    func name(local: UnsafePointer<xmlChar>?, namespace: xmlNsPtr?) -> XMLName {
        XMLName(string(namespace?.pointee.href), string(local))
    }
}
