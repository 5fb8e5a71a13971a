/// A post in the example city: its title, its place on the ladder and how long people
/// in it have typically served (years since hiring, years in the rank).
struct Role {
    let title: String
    let step: Int
    let service: ClosedRange<Int>
    /// nil for entry ranks: the rank dates from hiring.
    let yearsInRank: ClosedRange<Int>?
    /// Whether this post leads others below the managerial steps (a crew chief, a nursery 主任).
    var leads = false

    func with(title: String) -> Role {
        Role(title: title, step: step, service: service, yearsInRank: yearsInRank, leads: leads)
    }
}

/// The posts of each job family, with the policy catalogue's exact titles.
enum Roles {
    // 一般職
    static let kyokucho = Role(title: "局長", step: 5, service: 30...37, yearsInRank: 0...3)
    static let kacho = Role(title: "課長", step: 5, service: 26...36, yearsInRank: 0...6)
    static let jicho = Role(title: "次長", step: 4, service: 28...35, yearsInRank: 0...3)
    static let kachoHosa = Role(title: "課長補佐", step: 4, service: 22...32, yearsInRank: 0...5)
    static let kakaricho = Role(title: "係長", step: 3, service: 15...28, yearsInRank: 0...8)
    static let shukan = Role(title: "主幹", step: 2, service: 20...30, yearsInRank: 0...6)
    static let shusa = Role(title: "主査", step: 2, service: 12...24, yearsInRank: 0...8)
    static let shunin = Role(title: "主任", step: 1, service: 6...14, yearsInRank: 0...6)
    static let shuji = Role(title: "主事", step: 1, service: 0...10, yearsInRank: nil)
    /// Not in the policy: the example's rules.yaml aliases it to 主事.
    static let shujiHo = Role(title: "主事補", step: 1, service: 0...0, yearsInRank: nil)
    /// Not in the policy and not aliased: an unknown-title warning in `kenshu status`.
    static let sanyo = Role(title: "参与", step: 5, service: 36...40, yearsInRank: 0...1)

    // 保育士職
    static let encho = Role(title: "園長", step: 3, service: 25...35, yearsInRank: 0...6)
    static let nurseryShunin = Role(title: "主任", step: 2, service: 18...28, yearsInRank: 0...6, leads: true)
    static let hoikushiShusa = Role(title: "保育士(主査)", step: 1, service: 12...22, yearsInRank: 0...8)
    static let hoikushi = Role(title: "保育士", step: 1, service: 0...12, yearsInRank: nil)

    // 現業職: the chief of a crew leads it.
    static func crewChief(_ title: String) -> Role {
        Role(title: title, step: 2, service: 15...30, yearsInRank: 0...8, leads: true)
    }
    static func crew(_ title: String) -> Role { Role(title: title, step: 1, service: 0...25, yearsInRank: nil) }

    // 公安職
    static let shobocho = Role(title: "消防長", step: 5, service: 30...37, yearsInRank: 0...3)
    static let shoboJicho = Role(title: "消防次長", step: 4, service: 28...35, yearsInRank: 0...3)
    static let fireKacho = Role(title: "課長", step: 4, service: 24...33, yearsInRank: 0...5)
    static let shutchojoCho = Role(title: "出張所長", step: 4, service: 24...33, yearsInRank: 0...5)
    static let fireKakaricho = Role(title: "係長", step: 3, service: 16...26, yearsInRank: 0...6)
    static let shireiho = Role(title: "消防司令補", step: 2, service: 14...24, yearsInRank: 0...8)
    static let fireShusa = Role(title: "主査", step: 2, service: 14...24, yearsInRank: 0...8)
    static let shichoFire = Role(title: "消防士長", step: 1, service: 9...18, yearsInRank: 0...6)
    static let fukuShicho = Role(title: "消防副士長", step: 1, service: 4...10, yearsInRank: 0...5)
    static let shoboshi = Role(title: "消防士", step: 1, service: 0...5, yearsInRank: nil)
}
