/// One of the policy's 10 abilities every member of staff needs (求められる10の能力, ①〜⑩).
public struct Ability: Sendable, Hashable, Codable {
    /// 1 to 10.
    public var number: Int
    /// The policy's name, verbatim (e.g. `心身の健康保持能力 (自己管理能力)`).
    public var name: String
    /// The policy's description (内容), verbatim.
    public var description: String

    public init(number: Int, name: String, description: String) {
        self.number = number
        self.name = name
        self.description = description
    }

    /// The circled numeral the policy writes before the name (①〜⑩).
    public var symbol: String { Ability.circledNumeral(number) }

    /// `④政策形成能力`: how the policy itself refers to an ability.
    public var label: String { symbol + name }

    /// The name without a parenthesised gloss: `心身の健康保持能力` for ③.
    public var shortName: String {
        guard let open = name.firstIndex(where: { $0 == "(" || $0 == "（" }) else { return name }
        return String(name[..<open]).trimmingWhitespace()
    }

    /// ① for 1 … ⑳ for 20.
    public static func circledNumeral(_ number: Int) -> String {
        guard (1...20).contains(number), let scalar = Unicode.Scalar(0x2460 + UInt32(number - 1)) else {
            return String(number)
        }
        return String(Character(scalar))
    }
}
