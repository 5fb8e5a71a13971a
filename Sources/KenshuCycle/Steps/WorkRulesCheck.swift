import KenshuCore
import KenshuStore

/// What `kenshu rules check` says of the rules' work map (`work`) against the data in the
/// store: a field no course of the catalogue has, and a 所属 or 係 the roster does not have,
/// each with a did-you-mean. Warnings, not errors: a field may wait for next year's feed.
public enum WorkRulesCheck {
    /// The warnings, in Japanese; none when the store holds no staff or no courses to check against.
    public static func warnings(_ work: WorkRules, store: KenshuStore) throws(KenshuError) -> [String] {
        guard !work.isEmpty else { return [] }
        let staff: [StaffMember]
        let listings: [CourseListing]
        do {
            staff = try store.allStaff().filter(\.active)
            listings = try store.courseListings()
        } catch {
            throw KenshuError(.runtime, error.description)
        }
        var places = Set<String>()
        for member in staff { places.formUnion(WorkRules.places(department: member.department, section: member.section)) }
        let subjects = Set(listings.flatMap(\.course.subjects))
        return warnings(work, subjects: subjects, places: places)
    }

    /// The warnings for the subjects the catalogue has and the places (所属, 所属/係) the roster has.
    static func warnings(_ work: WorkRules, subjects: Set<String>, places: Set<String>) -> [String] {
        var warnings: [String] = []
        let knownSubjects = subjects.sorted()
        let knownPlaces = places.sorted()
        func place(_ key: String, _ name: String) {
            guard !places.isEmpty, !places.contains(name) else { return }
            let guess = Spelling.closest(to: name, in: knownPlaces).map { "（もしかして「\($0)」？）" } ?? ""
            warnings.append("\(key): 「\(name)」は職員名簿にない所属・係です\(guess)")
        }
        func fields(_ key: String, _ list: [String]) {
            guard !subjects.isEmpty else { return }
            for field in list where !subjects.contains(field) {
                let guess = Spelling.closest(to: field, in: knownSubjects).map { "（もしかして「\($0)」？）" } ?? ""
                warnings.append("\(key): 分野「\(field)」はどの研修フィードの研修にもありません\(guess)")
            }
        }
        for (department, list) in work.departments.sorted(by: { $0.key < $1.key }) {
            place("work.departments.\(department)", department)
            fields("work.departments.\(department)", list)
        }
        for (section, list) in work.sections.sorted(by: { $0.key < $1.key }) {
            place("work.sections.\(section)", section)
            fields("work.sections.\(section)", list)
        }
        for (role, list) in work.roles.sorted(by: { $0.key < $1.key }) {
            for name in list { place("work.roles.\(role)", name) }
        }
        return warnings
    }
}
