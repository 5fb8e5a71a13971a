import KenshuConfig
import KenshuCore
import KenshuXML

/// Maps one course element (read as a tree) onto a `Course` through a profile, warning
/// about each problem of the record. Keeps what spans records: the unmapped values already
/// warned about (each warned once, up to `maxRemembered` of them, so memory stays bounded).
struct ProfileCourseMapper {
    let profile: FeedProfile
    let file: String
    private let abilities: AbilityIndex
    private var warnedValues: Set<String> = []
    static let maxRemembered = 1_000

    init(profile: FeedProfile, file: String) {
        self.profile = profile
        self.file = file
        abilities = AbilityIndex(profile.vocabulary.abilities)
    }

    /// A value found in the feed, cleaned, with the line of the element it came from.
    struct Found {
        var text: String
        var line: Int
    }

    /// The course, or nil when it is skipped (the reason has been warned).
    mutating func course(_ node: XMLNode, provider: CourseProvider, warning: (FeedWarning) -> Void) -> Course? {
        let fields = profile.fields
        let id = Self.first(fields[.id], in: node, clean: FeedValues.foldWhitespace)
        let title = Self.first(fields[.title], in: node, clean: FeedValues.plainText)
        guard let id else {
            let label = title.map { "「\($0.text)」" } ?? ""
            warning(FeedWarning("a course\(label) without an id at \(Self.describe(fields[.id])) (skipped)", at: at(node.line)))
            return nil
        }
        guard let title else {
            warning(FeedWarning("the course has no title at \(Self.describe(fields[.title])) (skipped)",
                                at: at(node.line), record: id.text))
            return nil
        }

        var course = Course(provider: provider, id: id.text, title: title.text, line: node.line)
        course.summary = Self.first(fields[.summary], in: node, clean: FeedValues.plainText)?.text ?? ""
        course.url = Self.first(fields[.url], in: node, clean: FeedValues.foldWhitespace)?.text
        if let found = Self.first(fields[.kind], in: node, clean: FeedValues.foldWhitespace) {
            if let mapped = profile.mapped(.kind, found.text) {
                course.kind = mapped.first
            } else if profile.vocabulary.kindIDs.contains(found.text) {
                course.kind = found.text
            } else {
                warnUnmapped(.kind, found, record: id.text, outcome: "no kind", warning: warning)
            }
        }
        for found in Self.list(fields[.families], in: node) {
            let families: [JobFamily]
            if let mapped = profile.mapped(.families, found.text) {
                families = mapped.compactMap(JobFamily.init(rawValue:))
            } else if let family = JobFamily(parsing: found.text) {
                families = [family]
            } else {
                warnUnmapped(.families, found, record: id.text, outcome: "left out", warning: warning)
                continue
            }
            for family in families where !course.families.contains(family) { course.families.append(family) }
        }
        // A rank text the profile maps is ranks or an audience; one it does not map is a rank
        // when the policy knows it, else words for whom (窓口担当職員), read at matching time.
        var ranks: [Found] = []
        for found in Self.list(fields[.ranks], in: node) {
            if let audience = profile.audience(found.text) {
                if !course.audiences.contains(audience) { course.audiences.append(audience) }
            } else if profile.mapped(.ranks, found.text) != nil || profile.vocabulary.rankNames.contains(found.text) {
                ranks.append(found)
            } else if !course.audienceLines.contains(found.text) {
                course.audienceLines.append(found.text)
            }
        }
        course.ranks = mappedList(.ranks, ranks)
        course.subjects = mappedList(.subjects, Self.list(fields[.subjects], in: node))
        for found in Self.list(fields[.abilities], in: node) {
            let numbers: [Int]
            if let mapped = profile.mapped(.abilities, found.text) {
                numbers = mapped.compactMap { Int($0) }
            } else if let ability = abilities.ability(parsing: found.text) {
                numbers = [ability.number]
            } else {
                warnUnmapped(.abilities, found, record: id.text, outcome: "left out", warning: warning)
                continue
            }
            for number in numbers where !course.abilities.contains(where: { $0.ability == number }) {
                course.abilities.append(AbilityWeight(ability: number))
            }
        }
        if let found = Self.first(fields[.digitalTier], in: node, clean: FeedValues.foldWhitespace) {
            if let mapped = profile.mapped(.digitalTier, found.text) {
                course.digitalTier = mapped.first
            } else if let tier = profile.vocabulary.digitalTier(parsing: found.text) {
                course.digitalTier = tier.id
            } else {
                warnUnmapped(.digitalTier, found, record: id.text, outcome: "no tier", warning: warning)
            }
        }
        if let path = profile.presentation {
            let elements = path.elements.isEmpty ? [node] : Self.nodes(path, in: node)
            var ids = Set<String>()
            for (index, element) in elements.enumerated() {
                if let presentation = presentation(element, index: index, courseID: id.text, ids: &ids, warning: warning) {
                    course.presentations.append(presentation)
                }
            }
        }
        return course
    }

    /// One presentation, or nil when it is skipped (a duplicate id, or ending before it starts).
    private mutating func presentation(
        _ node: XMLNode, index: Int, courseID: String, ids: inout Set<String>, warning: (FeedWarning) -> Void
    ) -> Presentation? {
        let fields = profile.presentationFields
        var badDates: [(field: PresentationField, found: Found)] = []
        func date(_ field: PresentationField) -> LocalDate? {
            guard let found = Self.first(fields[field], in: node, clean: FeedValues.foldWhitespace) else { return nil }
            guard let date = FeedValues.date(found.text) else {
                badDates.append((field, found))
                return nil
            }
            return date
        }
        let start = date(.start)
        let end = date(.end)
        let applyBy = date(.applyBy)

        let id: String
        if let given = Self.first(fields[.id], in: node, clean: FeedValues.foldWhitespace) {
            guard !ids.contains(given.text) else {
                warning(FeedWarning("the presentation id appears again in the course (skipped)",
                                    at: at(given.line), record: "\(courseID)/\(given.text)"))
                return nil
            }
            id = given.text
        } else if let start, !ids.contains("\(courseID)@\(start)") {
            id = "\(courseID)@\(start)"
        } else {
            id = "\(courseID)#\(index + 1)"
        }
        ids.insert(id)
        let record = "\(courseID)/\(id)"
        for (field, found) in badDates {
            warning(FeedWarning("\(field.rawValue) '\(found.text)' is not a date (left out)", at: at(found.line), record: record))
        }
        if let start, let end, end < start {
            warning(FeedWarning("the presentation ends (\(end)) before it starts (\(start)) (skipped)",
                                at: at(node.line), record: record))
            return nil
        }

        var presentation = Presentation(id: id, start: start, end: end, applyBy: applyBy)
        presentation.venue = Self.first(fields[.venue], in: node, clean: FeedValues.plainText)?.text
        if let found = Self.first(fields[.attendance], in: node, clean: FeedValues.foldWhitespace) {
            if let mapped = profile.mapped(.attendance, found.text), let mode = mapped.first.flatMap(AttendanceMode.init(rawValue:)) {
                presentation.attendance = mode
            } else if let mode = AttendanceMode(rawValue: found.text.lowercased()) {
                presentation.attendance = mode
            } else {
                warnUnmapped(.attendance, found, record: record, outcome: "attendance unknown", warning: warning)
            }
        }
        presentation.seats = Self.first(fields[.seats], in: node, clean: FeedValues.foldWhitespace)
            .flatMap { FeedValues.integer($0.text) }
        presentation.cost = Self.first(fields[.cost], in: node, clean: FeedValues.foldWhitespace)?.text
        return presentation
    }

    private func at(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line > 0 ? line : nil) }

    /// Free-text list values through their value map, de-duplicated in feed order.
    private func mappedList(_ field: MappedField, _ found: [Found]) -> [String] {
        var result: [String] = []
        for item in found {
            for value in profile.mapped(field, item.text) ?? [item.text] where !result.contains(value) {
                result.append(value)
            }
        }
        return result
    }

    /// Warns that a feed value has no mapping, once per field and value.
    private mutating func warnUnmapped(
        _ field: MappedField, _ found: Found, record: String, outcome: String, warning: (FeedWarning) -> Void
    ) {
        let key = "\(field.rawValue)\u{1F}\(found.text)"
        guard !warnedValues.contains(key) else { return }
        if warnedValues.count < Self.maxRemembered { warnedValues.insert(key) }
        warning(FeedWarning(
            "\(field.rawValue) '\(found.text)' is not in values.\(field.rawValue) of the profile \(profile.name) (\(outcome); "
                + "add it to \(profile.name).yaml; warned once)",
            at: at(found.line), record: record))
    }

    // MARK: Paths

    /// `title`, or `title | name` for alternatives.
    static func describe(_ paths: [ProfilePath]?) -> String {
        (paths ?? []).map(\.text).joined(separator: " | ")
    }

    /// The elements at a path's element steps below `node`.
    static func nodes(_ path: ProfilePath, in node: XMLNode) -> [XMLNode] {
        var nodes = [node]
        for step in path.elements {
            nodes = nodes.flatMap { parent in parent.children.filter { $0.name == step } }
        }
        return nodes
    }

    /// Every raw value a path reaches: attribute values, or elements' text with their descendants'.
    static func values(_ path: ProfilePath, in node: XMLNode) -> [Found] {
        let nodes = nodes(path, in: node)
        if let attribute = path.attribute {
            return nodes.compactMap { element in
                element.attributes.first { $0.name == attribute }.map { Found(text: $0.value, line: element.line) }
            }
        }
        return nodes.map { Found(text: text(of: $0), line: $0.line) }
    }

    /// The first value of the first path that has a non-empty one, cleaned.
    static func first(_ paths: [ProfilePath]?, in node: XMLNode, clean: (String) -> String) -> Found? {
        for path in paths ?? [] {
            for found in values(path, in: node) {
                let text = clean(found.text)
                if !text.isEmpty { return Found(text: text, line: found.line) }
            }
        }
        return nil
    }

    /// Separators of several values written in one text: `一般職、保育士職`, `主任,係長`.
    private static let separators: Set<Character> = [",", "、", "，", ";", "；", "\n", "\r\n"]

    /// Every value of every path, split at separators, white space folded, de-duplicated.
    static func list(_ paths: [ProfilePath]?, in node: XMLNode) -> [Found] {
        var result: [Found] = []
        for path in paths ?? [] {
            for found in values(path, in: node) {
                for part in found.text.split(whereSeparator: { separators.contains($0) }) {
                    let text = FeedValues.plainText(String(part))
                    if !text.isEmpty, !result.contains(where: { $0.text == text }) {
                        result.append(Found(text: text, line: found.line))
                    }
                }
            }
        }
        return result
    }

    /// An element's text with its descendants', in document order as far as the tree keeps it
    /// (the element's own text first), parts separated by a space.
    static func text(of node: XMLNode) -> String {
        guard !node.children.isEmpty else { return node.text }
        return ([node.text] + node.children.map(text(of:))).joined(separator: " ")
    }
}
