/// Unguessable tokens for session ids and CSRF tokens: 256 bits from the system's random
/// source, as 64 hex digits.
enum RandomTokens {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - word.count) + word
        }.joined()
    }
}
