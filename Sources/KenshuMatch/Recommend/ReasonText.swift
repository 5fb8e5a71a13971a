import KenshuCore

/// The reasons of a recommendation in Japanese, as the staff mail and `explain` show them:
/// 「係長の期待水準 ④政策形成能力 4 に対し評価 2.5。本研修は④を扱います」.
struct ReasonText {
    let catalog: PolicyCatalog
    /// Each ability's symbol and short name, and its symbol alone, by number (looked up once:
    /// a weekly run writes reasons for every recommendation).
    private let names: [Int: (name: String, symbol: String)]

    init(catalog: PolicyCatalog) {
        self.catalog = catalog
        var names: [Int: (name: String, symbol: String)] = [:]
        for ability in catalog.abilities where names[ability.number] == nil {
            names[ability.number] = ("\(ability.symbol)\(ability.shortName)", ability.symbol)
        }
        self.names = names
    }

    /// `target`: how the course is aimed at the person (their rank, or an audience they are in);
    /// `work`: the course's field the person works in, and where (a domain course).
    func reasons(
        course: Course, tags: [AbilityWeight], parts: ScoreParts, person: PersonContext, target: RankTarget?,
        work: (field: String, place: String)?
    ) -> [String] {
        var reasons: [String] = []
        let title = person.staff.title
        if parts.mandatory {
            let months = person.monthsInRank ?? 0
            let since = person.staff.rankSince == person.staff.hiredOn ? "採用" : "\(title)昇任"
            reasons.append("\(since) \(months)か月: 階層別研修（必須）")
        }
        var covered: [(tag: AbilityWeight, gap: AbilityGap)] = []
        for tag in tags {
            if let gap = person.gap(tag.ability), gap.gap > 0 { covered.append((tag, gap)) }
        }
        covered.sort { lhs, rhs in lhs.gap.gap * lhs.tag.weight > rhs.gap.gap * rhs.tag.weight }
        for (tag, gap) in covered.prefix(2) {
            let ability = names[tag.ability]
            let name = ability?.name ?? "能力\(tag.ability)"
            let symbol = ability?.symbol ?? "\(tag.ability)"
            let evaluated = gap.fromPrior ? "評価なし（仮に \(format(gap.evaluated))）" : "評価 \(format(gap.evaluated))"
            reasons.append("\(title)の期待水準 \(name) \(gap.expected) に対し\(evaluated)。本研修は\(symbol)を扱います")
        }
        if let work { reasons.append("\(work.place)の担当業務（\(work.field)）に関わる研修です") }
        if parts.rank == 1 && !parts.mandatory {
            switch target {
            case .audience(let audience): reasons.append("\(audience.text(rankName: rankName))向けの研修です")
            case .line(let term) where !term.everyone: reasons.append("研修の対象（\(term.text)）に当たります")
            case .line: break
            case .rank, nil: reasons.append("\(title)を対象とした研修です")
            }
        }
        if parts.track == 1 {
            reasons.append(course.kind == "external.open-call.generalist"
                ? "ゼネラリスト育成（採用後10年程度まで）の公募型研修です"
                : "プロフェッショナル人材の育成を目的とした研修です")
        }
        if parts.tier == 1, let tier = course.digitalTier {
            let name = catalog.digitalTiers.first { $0.id == tier }?.name ?? tier
            reasons.append("デジタル人材区分（\(name)）向けの研修です")
        }
        return reasons
    }

    /// A title as written, a band id by its label.
    private func rankName(_ rank: String) -> String {
        catalog.band(id: rank)?.label ?? rank
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
