/// Finds an ability by any of the ways exports write it (`4`, `④`, `④政策形成能力`,
/// `政策形成能力`, the name without its gloss), with one dictionary lookup: an evaluations
/// file names an ability on each of its hundred thousand rows.
public struct AbilityIndex: Sendable {
    private let byKey: [String: Ability]
    private let byNumber: [Int: Ability]

    public init(_ abilities: [Ability]) {
        var byKey: [String: Ability] = [:]
        // Later spellings never replace earlier ones, so a name cannot shadow a symbol.
        for ability in abilities {
            for key in [ability.symbol, ability.label, ability.name, ability.shortName, ability.symbol + ability.shortName]
            where byKey[key] == nil {
                byKey[key] = ability
            }
        }
        self.byKey = byKey
        byNumber = Dictionary(abilities.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func ability(parsing text: String) -> Ability? {
        let key = text.trimmingWhitespace()
        if let number = Int(key) { return byNumber[number] }
        return byKey[key]
    }
}
