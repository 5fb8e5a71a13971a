/// Windows-31J (CP932): Shift_JIS as Japanese Windows and most Japanese HR systems write it,
/// with the NEC special characters (①, ㈱ …) and the NEC/IBM extensions (髙, 﨑 …).
public enum CP932 {
    /// A character that CP932 cannot hold.
    public struct UnencodableCharacter: Error, Sendable, CustomStringConvertible {
        public var character: Character
        public var description: String { "'\(character)' has no CP932 code" }
    }

    /// The CP932 bytes of `text`.
    public static func encode(_ text: String) throws(UnencodableCharacter) -> [UInt8] {
        let utf8 = Array(text.utf8)
        do {
            return try Iconv.convert(utf8, from: "UTF-8", to: "CP932")
        } catch {
            let rest = String(decoding: utf8.dropFirst(error.offset), as: UTF8.self)
            throw UnencodableCharacter(character: rest.first ?? "?")
        }
    }

    /// Decodes CP932 bytes; on failure, the byte offset of the first invalid sequence.
    static func decode(_ bytes: [UInt8]) throws(Iconv.Failure) -> String {
        let utf8 = try Iconv.convert(bytes, from: "CP932", to: "UTF-8")
        return String(decoding: utf8, as: UTF8.self)
    }
}
