import KenshuCore

/// Builds the example city's roster: the organisation filled with people whose dates,
/// titles and flags look like a real HR export, seeded so it is the same every time.
struct RosterBuilder {
    private(set) var people: [ExamplePerson] = []
    private var rng: SeededRandom
    private let asOf: LocalDate
    private var nextNumber = 10_001
    private var usedEmails: Set<String> = []
    /// Department name → the staff number of its head.
    private var departmentHeads: [String: String] = [:]

    init(asOf: LocalDate, seed: UInt64) {
        self.asOf = asOf
        rng = SeededRandom(seed: seed)
    }

    /// The whole roster, in staff-number order.
    static func build(asOf: LocalDate, seed: UInt64) -> [ExamplePerson] {
        var builder = RosterBuilder(asOf: asOf, seed: seed)
        builder.addGeneralService()
        builder.addNurseries()
        builder.addFireService()
        builder.applyRecentPromotions()
        builder.applyFlags()
        return builder.people
    }

    // MARK: The organisation

    private mutating func addGeneralService() {
        for department in CityOrganisation.departments {
            departmentHeads[department.name] = addDepartment(department, manager: "")
        }
        let heads = departmentHeads
        // The education deputy (次長) leads the two education departments.
        let jicho = add(.general, "学校教育課", "", Roles.jicho, manager: "")
        for name in ["学校教育課", "生涯学習課"] {
            if let head = heads[name], let index = people.firstIndex(where: { $0.id == head }) {
                people[index].managerID = jicho
            }
        }
        _ = addDepartment(CityOrganisation.lunchCentre, manager: heads["学校教育課"] ?? "", headed: false)
        for (department, section) in [("総務課", "行政係"), ("企画政策課", "企画係")] {
            _ = add(.general, department, section, Roles.sanyo, manager: heads[department] ?? "")
        }
        for section in ["人事係", "市民窓口係", "収納係"] {
            let department = CityOrganisation.departments.first { $0.sections.contains { $0.name == section } }
            let leader = people.first { $0.section == section && $0.title == "係長" }?.id ?? ""
            _ = add(.general, department?.name ?? "", section, Roles.shujiHo, manager: leader)
        }
    }

    /// A department's head, deputy, and sections; returns the head's id (or `manager` when headless).
    private mutating func addDepartment(_ department: CityOrganisation.Department, manager: String,
                                        headed: Bool = true) -> String {
        var head = manager
        if headed {
            let role = department.headTitle == "局長" ? Roles.kyokucho : Roles.kacho
            head = add(.general, department.name, "", role, manager: manager)
        }
        var sectionManager = head
        if department.hasDeputy {
            sectionManager = add(.general, department.name, "", Roles.kachoHosa, manager: head)
        }
        for section in department.sections {
            addSection(section, of: department.name, manager: sectionManager)
        }
        return head
    }

    private mutating func addSection(_ section: CityOrganisation.Section, of department: String, manager: String) {
        let leader = add(.general, department, section.name, Roles.kakaricho, manager: manager)
        if rng.chance(0.15) { _ = add(.general, department, section.name, Roles.shukan, manager: leader) }
        for _ in 0..<rng.int(1...2) {
            _ = add(.general, department, section.name, Roles.shusa.with(title: section.kind.seniorTitle), manager: leader)
        }
        for _ in 0..<rng.int(1...2) { _ = add(.general, department, section.name, Roles.shunin, manager: leader) }
        for _ in 0..<rng.int(3...5) {
            _ = add(.general, department, section.name, Roles.shuji.with(title: section.kind.entryTitle), manager: leader)
        }
        if let crew = section.crew {
            var crewManager = leader
            if let chief = crew.chiefTitle {
                crewManager = add(.manual, department, section.name, Roles.crewChief(chief), manager: leader)
            }
            for _ in 0..<crew.size {
                _ = add(.manual, department, section.name, Roles.crew(crew.memberTitle), manager: crewManager)
            }
        }
    }

    private mutating func addNurseries() {
        let supervisor = departmentHeads["子育て支援課"] ?? ""
        for nursery in CityOrganisation.nurseries {
            let head = add(.nursery, nursery, "", Roles.encho, manager: supervisor)
            var leads: [String] = []
            for _ in 0..<rng.int(1...2) { leads.append(add(.nursery, nursery, "", Roles.nurseryShunin, manager: head)) }
            for _ in 0..<rng.int(2...3) { _ = add(.nursery, nursery, "", Roles.hoikushiShusa, manager: rng.pick(leads)) }
            for _ in 0..<rng.int(8...10) { _ = add(.nursery, nursery, "", Roles.hoikushi, manager: rng.pick(leads)) }
        }
    }

    private mutating func addFireService() {
        let department = CityOrganisation.fireDepartment
        let chief = add(.fire, department, "", Roles.shobocho, manager: "")
        let deputy = add(.fire, department, "", Roles.shoboJicho, manager: chief)
        for (division, sections) in CityOrganisation.fireDivisions {
            let head = add(.fire, department, division, Roles.fireKacho, manager: deputy)
            for section in sections {
                let name = division + section
                let leader = add(.fire, department, name, Roles.fireKakaricho, manager: head)
                addFireCrew(section: name, leader: leader, size: 4...6)
            }
        }
        for station in CityOrganisation.fireStations {
            let head = add(.fire, department, station, Roles.shutchojoCho, manager: deputy)
            addFireCrew(section: station, leader: head, size: 5...7)
        }
    }

    private mutating func addFireCrew(section: String, leader: String, size: ClosedRange<Int>) {
        let department = CityOrganisation.fireDepartment
        _ = add(.fire, department, section, rng.chance(0.5) ? Roles.shireiho : Roles.fireShusa, manager: leader)
        for _ in 0..<rng.int(size) {
            let role = rng.pick([Roles.shichoFire, Roles.fukuShicho, Roles.shoboshi, Roles.shoboshi])
            _ = add(.fire, department, section, role, manager: leader)
        }
    }

    // MARK: People

    /// Adds one person in `role`; returns their staff number.
    private mutating func add(_ family: JobFamily, _ department: String, _ section: String, _ role: Role,
                              manager: String) -> String {
        let id = String(nextNumber)
        nextNumber += 1
        let fiscalYear = asOf.fiscalYear
        let service = rng.int(role.service)
        // Most are hired on 1 April; a few mid-career hires join on 1 October.
        var hiredOn = LocalDate(year: fiscalYear - service, month: 4, day: 1) ?? asOf
        if service > 0, rng.chance(0.06) { hiredOn = LocalDate(year: fiscalYear - service, month: 10, day: 1) ?? hiredOn }
        var rankSince = hiredOn
        if let years = role.yearsInRank {
            let inRank = min(rng.int(years), max(0, service - 1))
            rankSince = max(hiredOn, LocalDate(year: fiscalYear - inRank, month: 4, day: 1) ?? hiredOn)
        }
        let surname = rng.pick(SyntheticNames.surnames)
        let given = rng.pick(SyntheticNames.givenNames)
        var person = ExamplePerson(
            id: id, name: "\(surname.kanji)　\(given.kanji)", email: uniqueEmail(surname.romaji, given.romaji),
            family: family, department: department, section: section, title: role.title, step: role.step,
            hiredOn: hiredOn, rankSince: rankSince, managerID: manager)
        let style = Double.random(in: 0..<1, using: &rng)
        person.dateStyle = style < 0.75 ? .iso : style < 0.9 ? .slashes : .japaneseEra
        people.append(person)
        return id
    }

    private mutating func uniqueEmail(_ surname: String, _ given: String) -> String {
        let base = "\(given).\(surname)"
        var candidate = base
        var suffix = 2
        while usedEmails.contains(candidate) {
            candidate = "\(base)\(suffix)"
            suffix += 1
        }
        usedEmails.insert(candidate)
        return candidate + "@example.jp"
    }

    // MARK: What makes the example exercise the policy

    /// Three 係長 promoted in the last three months (the mentor programme's newly promoted
    /// managers), and a handful more promoted to a leading post this fiscal year.
    private mutating func applyRecentPromotions() {
        let kakaricho = people.indices.filter { people[$0].family == .general && people[$0].title == "係長" }
        let monthStart = LocalDate(year: asOf.year, month: asOf.month, day: 1) ?? asOf
        for (months, index) in zip(1...3, stride(from: 3, to: kakaricho.count, by: 11).map { kakaricho[$0] }) {
            people[index].rankSince = max(people[index].hiredOn, monthStart.adding(months: -months))
        }
        let fiscalStart = LocalDate(year: asOf.fiscalYear, month: 4, day: 1) ?? asOf
        for title in ["課長", "課長補佐", "園長", "主任", "主任調理員", "出張所長", "係長"] {
            let candidates = people.indices.filter {
                people[$0].title == title && people[$0].rankSince < fiscalStart && people[$0].hiredOn < fiscalStart
            }
            if let index = candidates.last { people[index].rankSince = fiscalStart }
        }
    }

    /// Career track, digital tier, mentor training, opt-outs and the few records with gaps.
    private mutating func applyFlags() {
        for index in people.indices where people[index].family == .general {
            let years = people[index].hiredOn.months(until: asOf) / 12
            if years < 10 {
                people[index].track = "ゼネラリスト"
            } else if rng.chance(0.12) {
                people[index].track = "プロフェッショナル"
            }
            people[index].digitalTier = people[index].section == "情報政策係" && people[index].step == 2
                ? "高度専門人材" : "一般行政職員"
        }
        // One DX推進リーダー per department, from its middle ranks.
        var seen: Set<String> = []
        for index in people.indices where people[index].family == .general
            && ["主任", "主査", "技師(主査)"].contains(people[index].title) && !seen.contains(people[index].department) {
            seen.insert(people[index].department)
            people[index].digitalTier = "DX推進リーダー"
        }
        for index in people.indices where [2, 3].contains(people[index].step) || people[index].title == "主任" {
            people[index].mentorTrained = rng.chance(0.3)
        }
        let count = people.count
        for offset in [17, 203, 388] { people[offset % count].optedOut = true }
        for offset in [41, 142, 260, 419] where !people[offset % count].optedOut { people[offset % count].email = "" }
        // A 係 name with a comma, which the CSV must quote.
        if let index = people.firstIndex(where: { $0.section == "財政係" && $0.title == "主事" }) {
            people[index].section = "財政係,契約担当"
        }
    }
}
