/// The work (担当業務) of the city's departments (the `work` section of `rules.yaml`): the
/// fields (分野) each department, or one 係 of it, works in, and the roles an audience line
/// may name (窓口担当 → the departments that have a counter).
///
/// A field some department owns makes a course about it a domain course: it goes only to
/// staff of the departments that own one of its fields. A field no department owns is
/// general, open to everyone. Fields are compared as the feeds write them (分野,
/// `dc:subject`), white space folded.
public struct WorkRules: Sendable, Equatable {
    /// 所属 → the fields its staff work in.
    public var departments: [String: [String]]
    /// `所属/係` → the fields of that 係 alone.
    public var sections: [String: [String]]
    /// A role as audience lines name it (窓口担当) → the `所属` or `所属/係` that have it.
    public var roles: [String: [String]]

    public init(departments: [String: [String]] = [:], sections: [String: [String]] = [:], roles: [String: [String]] = [:]) {
        self.departments = departments
        self.sections = sections
        self.roles = roles
    }

    public var isEmpty: Bool { departments.isEmpty && sections.isEmpty && roles.isEmpty }

    /// Every field some department or 係 owns.
    public var ownedFields: Set<String> {
        Set(departments.values.joined()).union(sections.values.joined())
    }

    /// The places a member of staff works in, as the rules name them: their 所属, and
    /// `所属/係` for each 係 the roster gives (a cell may list several, `財政係,契約担当`).
    public static func places(department: String, section: String) -> [String] {
        var places = [department]
        for part in section.split(whereSeparator: { $0 == "," || $0 == "、" }) {
            let name = String(part).trimmingWhitespace()
            if !name.isEmpty { places.append("\(department)/\(name)") }
        }
        return places
    }

    /// The fields a member of staff works in: their department's and their 係's.
    public func fields(department: String, section: String) -> Set<String> {
        Set(placeOfField(department: department, section: section).keys)
    }

    /// Each field a member of staff works in, with the place that owns it for them, as a
    /// sentence names it (`placeName`): their 所属's first, then their 係's.
    public func placeOfField(department: String, section: String) -> [String: String] {
        var places: [String: String] = [:]
        for field in departments[department] ?? [] where places[field] == nil { places[field] = department }
        for place in Self.places(department: department, section: section).dropFirst() {
            for field in sections[place] ?? [] where places[field] == nil { places[field] = Self.placeName(place) }
        }
        return places
    }

    /// `企画政策課/財政係` as a sentence names it: 企画政策課 財政係.
    public static func placeName(_ place: String) -> String {
        String(place.map { $0 == "/" ? " " : $0 })
    }

    /// The roles a member of staff has through their 所属 or 係.
    public func roles(department: String, section: String) -> Set<String> {
        let places = Set(Self.places(department: department, section: section))
        return Set(roles.filter { !places.isDisjoint(with: $0.value) }.keys)
    }

    /// The 所属 and `所属/係` that own `field`, in name order.
    public func owners(of field: String) -> [String] {
        (Array(departments.filter { $0.value.contains(field) }.keys) + Array(sections.filter { $0.value.contains(field) }.keys)).sorted()
    }
}
