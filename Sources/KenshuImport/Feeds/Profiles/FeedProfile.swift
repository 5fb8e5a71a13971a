import KenshuConfig
import KenshuCore
import KenshuXML

/// A mapping profile (取込プロファイル): how an institute's own XML feed format maps onto
/// Kenshu's courses and presentations. Read from `<catalog>/profiles/NAME.yaml` by
/// `FeedProfileLoader`; applied by the import's profile feed reader.
///
/// Paths name elements by namespace URI and local name, never by a document's prefixes:
/// unprefixed steps are in the profile's `namespace`, `p:step` in the URI `namespaces` gives `p`.
public struct FeedProfile: Sendable, Hashable {
    /// The profile's name: its file name without `.yaml`.
    public var name: String
    public var description: String
    /// The profile file, for messages.
    public var file: String
    /// The XSD the institute's format validates against, absolute; nil when none is named.
    public var schemaPath: String?
    /// Where the provider (研修機関) comes from: fixed values, or absolute paths into the feed.
    public var provider: ProviderMapping
    /// Absolute path of the repeating course element, e.g. `/catalogue/course`.
    public var course: ProfilePath
    /// Paths relative to the course element; several paths for one field are alternatives
    /// (single-valued fields take the first value found; list fields take them all).
    public var fields: [CourseField: [ProfilePath]]
    /// Path of the repeating presentation element relative to the course (`.`: the course
    /// element itself is its one presentation); nil when the format has no presentations.
    public var presentation: ProfilePath?
    /// Paths relative to the presentation element.
    public var presentationFields: [PresentationField: [ProfilePath]]
    /// Value maps: feed text (white space folded) → Kenshu values. Single-valued fields map
    /// to exactly one value; list fields to any number (none: the text is dropped).
    public var values: [MappedField: [String: [String]]]
    /// Feed texts of `ranks` that name an audience rather than bands (新規採用職員 →
    /// `{serviceYears: 1}`), white space folded.
    public var audiences: [String: CourseAudience]
    /// The policy's vocabulary the values are read against.
    public var vocabulary: Vocabulary

    public init(
        name: String, description: String = "", file: String, schemaPath: String? = nil,
        provider: ProviderMapping = .init(), course: ProfilePath, fields: [CourseField: [ProfilePath]],
        presentation: ProfilePath? = nil, presentationFields: [PresentationField: [ProfilePath]] = [:],
        values: [MappedField: [String: [String]]] = [:], audiences: [String: CourseAudience] = [:], vocabulary: Vocabulary
    ) {
        self.name = name
        self.description = description
        self.file = file
        self.schemaPath = schemaPath
        self.provider = provider
        self.course = course
        self.fields = fields
        self.presentation = presentation
        self.presentationFields = presentationFields
        self.values = values
        self.audiences = audiences
        self.vocabulary = vocabulary
    }

    /// The document element the profile expects (the first step of `course`), for telling
    /// which profile a feed dropped into the inbox is in.
    public var rootElement: XMLName? { course.elements.first }

    /// The mapped values for a feed text of a field, or nil when the profile maps nothing for it.
    public func mapped(_ field: MappedField, _ text: String) -> [String]? {
        values[field]?[FeedProfile.valueKey(text)]
    }

    /// The audience a feed text of `ranks` names, if the profile maps it to one.
    public func audience(_ text: String) -> CourseAudience? {
        audiences.isEmpty ? nil : audiences[FeedProfile.valueKey(text)]
    }

    /// How value-map keys and feed texts are compared: white space folded and trimmed.
    public static func valueKey(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The parts of the policy catalogue a profile's values are checked and read against.
    public struct Vocabulary: Sendable, Hashable {
        /// Every training kind id (`internal`, `external.rank-based` …).
        public var kindIDs: [String]
        public var digitalTiers: [DigitalTier]
        public var abilities: [Ability]
        /// Every band id and title of the skill maps (for `values.ranks`).
        public var rankNames: Set<String>

        public init(kindIDs: [String], digitalTiers: [DigitalTier], abilities: [Ability], rankNames: Set<String> = []) {
            self.kindIDs = kindIDs
            self.digitalTiers = digitalTiers
            self.abilities = abilities
            self.rankNames = rankNames
        }

        public init(catalog: PolicyCatalog) {
            kindIDs = catalog.trainingKinds.flatMap(\.flattened).map(\.id)
            digitalTiers = catalog.digitalTiers
            abilities = catalog.abilities
            rankNames = catalog.rankNames
        }

        /// A tier by id or Japanese name.
        public func digitalTier(parsing text: String) -> DigitalTier? {
            let key = text.trimmingWhitespace()
            return digitalTiers.first { $0.id == key || $0.name == key }
        }
    }
}

/// The course fields a profile can map (keys of `fields:`). `families`, `ranks`, `subjects`
/// and `abilities` are lists: every value found is an item, and texts are also split at
/// `,` `、` `，` `;` `；` and line breaks. The others take the first non-empty value.
public enum CourseField: String, Sendable, Hashable, CaseIterable {
    case id, title, summary, url, kind, families, ranks, subjects, digitalTier, abilities
}

/// The presentation fields a profile can map (keys of `presentationFields:`).
public enum PresentationField: String, Sendable, Hashable, CaseIterable {
    case id, start, end, applyBy, venue, attendance, seats, cost
}

/// The fields a profile can give a value map for (keys of `values:`).
public enum MappedField: String, Sendable, Hashable, CaseIterable {
    case kind, families, ranks, subjects, digitalTier, abilities, attendance

    public var isList: Bool {
        switch self {
        case .families, .ranks, .subjects, .abilities: true
        case .kind, .digitalTier, .attendance: false
        }
    }
}

/// Where a feed's provider comes from. Each value is fixed, or read from the feed.
public struct ProviderMapping: Sendable, Hashable {
    public var id: ProviderValue?
    public var name: ProviderValue?
    public var url: ProviderValue?

    public init(id: ProviderValue? = nil, name: ProviderValue? = nil, url: ProviderValue? = nil) {
        self.id = id
        self.name = name
        self.url = url
    }

    /// Whether the profile says nothing of the provider (the admin must name it).
    public var isEmpty: Bool { id == nil && name == nil && url == nil }
}

/// One provider value: fixed text, or an absolute path into the feed (outside the course
/// elements, before the first course).
public enum ProviderValue: Sendable, Hashable {
    case fixed(String)
    case path(ProfilePath)
}

/// A path of a profile: element steps separated by `/`, optionally ending in `@attribute`.
/// Absolute paths start with `/` and begin at the document element; relative ones start
/// at the course or presentation element; `.` is that element itself.
public struct ProfilePath: Sendable, Hashable, CustomStringConvertible {
    /// The path as the profile writes it.
    public var text: String
    public var isAbsolute: Bool
    /// The element steps; empty for `.`.
    public var elements: [XMLName]
    /// The attribute the path ends in, if any.
    public var attribute: XMLName?

    public init(text: String, isAbsolute: Bool, elements: [XMLName], attribute: XMLName? = nil) {
        self.text = text
        self.isAbsolute = isAbsolute
        self.elements = elements
        self.attribute = attribute
    }

    public var description: String { text }

    /// Whether `other`'s element steps begin with all of this path's steps.
    public func isPrefix(of other: ProfilePath) -> Bool {
        elements.count <= other.elements.count && Array(other.elements.prefix(elements.count)) == elements
    }

    /// Reads a path. `namespaces` maps prefixes to URIs; unprefixed element steps take
    /// `defaultNamespace`, unprefixed attributes none (as in XML). Throws a message on bad syntax.
    public static func parse(
        _ raw: String, namespaces: [String: String], defaultNamespace: String
    ) throws(ProfilePathError) -> ProfilePath {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { throw ProfilePathError("the path is empty") }
        if text == "." { return ProfilePath(text: text, isAbsolute: false, elements: []) }
        let isAbsolute = text.hasPrefix("/")
        let body = isAbsolute ? String(text.dropFirst()) : text
        let steps = body.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var elements: [XMLName] = []
        var attribute: XMLName?
        for (index, step) in steps.enumerated() {
            guard !step.isEmpty else {
                throw ProfilePathError(index == steps.count - 1 ? "the path ends with '/'" : "the path has an empty step ('//')")
            }
            if step.hasPrefix("@") {
                guard index == steps.count - 1 else {
                    throw ProfilePathError("an attribute step '\(step)' can only be the last step")
                }
                attribute = try name(String(step.dropFirst()), namespaces: namespaces, defaultNamespace: "")
            } else {
                elements.append(try name(step, namespaces: namespaces, defaultNamespace: defaultNamespace))
            }
        }
        if isAbsolute, elements.isEmpty {
            throw ProfilePathError("an absolute path must name the document element first")
        }
        return ProfilePath(text: text, isAbsolute: isAbsolute, elements: elements, attribute: attribute)
    }

    /// Characters that cannot be in an XML name (and that XPath users may try).
    private static let forbidden: Set<Character> = [
        "@", "[", "]", "(", ")", "*", "|", "=", "<", ">", "\"", "'", "!", "?", ",", ";", "{", "}", "$", "&", "#",
        "+", "~", "`", "\\", "%",
    ]

    private static func name(
        _ step: String, namespaces: [String: String], defaultNamespace: String
    ) throws(ProfilePathError) -> XMLName {
        if step == "." || step == ".." {
            throw ProfilePathError("'\(step)' can only stand alone (as the whole path)")
        }
        if let bad = step.first(where: { forbidden.contains($0) || $0.isWhitespace }) {
            throw ProfilePathError("'\(step)' contains '\(bad)', which cannot be in an element or attribute name")
        }
        let parts = step.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else {
            throw ProfilePathError("'\(step)' is not a name (prefix:local or local)")
        }
        for part in parts {
            if let first = part.first, first.isNumber || first == "-" || first == "." {
                throw ProfilePathError("'\(part)' cannot start with '\(first)'")
            }
        }
        guard parts.count == 2 else { return XMLName(defaultNamespace, step) }
        guard let uri = parts[0] == "xml" ? "http://www.w3.org/XML/1998/namespace" : namespaces[parts[0]] else {
            throw ProfilePathError("the prefix '\(parts[0])' is not declared under namespaces")
        }
        return XMLName(uri, parts[1])
    }
}

/// A path that cannot be read; the loader adds where.
public struct ProfilePathError: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
