import KenshuCore

extension LocalDate {
    /// Calls `body` with `description` (`2027-01-20`) as UTF-8 bytes, its digits put straight
    /// into a buffer with no String made (a catalogue import writes several dates a course);
    /// nil, `body` not called, for a date whose fields do not fit that pattern.
    func withISOBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { bytes in
            func put(_ value: Int, at end: Int, digits: Int) {
                var rest = value
                for offset in stride(from: end, to: end - digits, by: -1) {
                    bytes[offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(year, at: 3, digits: 4)
            bytes[4] = UInt8(ascii: "-")
            put(month, at: 6, digits: 2)
            bytes[7] = UInt8(ascii: "-")
            put(day, at: 9, digits: 2)
            return body(UnsafeBufferPointer(bytes))
        }
    }
}
