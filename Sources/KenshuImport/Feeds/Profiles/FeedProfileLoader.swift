import Foundation
import KenshuConfig
import KenshuCore
import KenshuXML

/// Reads and checks mapping profiles (`<catalog>/profiles/NAME.yaml`): unknown keys, bad
/// paths and values the policy does not know are errors with file, line, column and key.
///
/// ```yaml
/// name: academy                      # optional; must equal the file name without .yaml
/// description: 市町村アカデミー形式
/// namespace: urn:example:academy     # optional: the namespace of unprefixed steps
/// namespaces: {dc: http://purl.org/dc/elements/1.1/}   # optional: prefixes for steps
/// schema: academy.xsd                # optional XSD, relative to the profile
/// provider: {id: jamp, name: 市町村アカデミー, url: https://…}   # fixed, or /absolute/paths
/// course: /catalogue/course          # absolute path of the repeating course element
/// fields: {id: "@code", title: title, families: target/family}  # relative; id and title required
/// presentation: session              # relative to the course; `.`: the course itself
/// presentationFields: {start: period/from, end: period/to}
/// values: {kind: {公募: external.open-call.generalist}}
/// ```
public enum FeedProfileLoader {
    static let keys = [
        "name", "description", "namespace", "namespaces", "schema", "provider", "course", "fields",
        "presentation", "presentationFields", "values",
    ]
    static let providerKeys = ["id", "name", "url"]
    static let pathHint = "a path is element names separated by '/', optionally ending in @attribute, e.g. period/from or @code"

    /// The names of the profiles in a folder (files `NAME.yaml`), sorted.
    public static func names(inDirectory directory: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Loads the profile `name` from a folder of profiles.
    public static func load(name: String, inDirectory directory: String, catalog: PolicyCatalog) throws(FeedProfileError) -> FeedProfile {
        let available = names(inDirectory: directory)
        guard available.contains(name) else {
            throw .notFound(name: name, directory: directory, available: available)
        }
        return try load(path: (directory as NSString).appendingPathComponent(name + ".yaml"), catalog: catalog)
    }

    /// Loads every profile of a folder, sorted by name; the first bad one is the error.
    public static func loadAll(inDirectory directory: String, catalog: PolicyCatalog) throws(FeedProfileError) -> [FeedProfile] {
        var profiles: [FeedProfile] = []
        for name in names(inDirectory: directory) {
            profiles.append(try load(path: (directory as NSString).appendingPathComponent(name + ".yaml"), catalog: catalog))
        }
        return profiles
    }

    /// Loads one profile file, checking its values against the policy catalogue.
    public static func load(path: String, catalog: PolicyCatalog) throws(FeedProfileError) -> FeedProfile {
        let absolute = FilePaths.resolve(path, relativeTo: FileManager.default.currentDirectoryPath)
        let bytes: [UInt8]
        do {
            bytes = try FilePaths.readBytes(absolute, what: "mapping profile")
        } catch {
            throw .unreadable(error)
        }
        do {
            return try parse(String(decoding: bytes, as: UTF8.self), file: absolute, catalog: catalog)
        } catch {
            throw .invalid(error)
        }
    }

    /// Parses profile text; `file` is its path (the profile's name and a relative `schema` come from it).
    public static func parse(_ text: String, file: String, catalog: PolicyCatalog) throws(InputError) -> FeedProfile {
        let document = try YAMLValue.parse(text, file: file)
        let root = try document.mapping(allowed: keys)
        let vocabulary = FeedProfile.Vocabulary(catalog: catalog)

        let fileName = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        var name = fileName
        if let node = root["name"] {
            name = try node.string().trimmingWhitespace()
            guard !name.isEmpty, !name.contains("/"), !name.contains(where: \.isWhitespace) else {
                throw node.error("'\(name)' is not a profile name", hint: "a short name without spaces, e.g. academy")
            }
            guard name == fileName else {
                throw node.error("the profile is named '\(name)' but its file is \(fileName).yaml",
                                 hint: "rename the file to \(name).yaml or the profile to \(fileName)")
            }
        }
        let description = try root["description"]?.string().trimmingWhitespace() ?? ""
        let defaultNamespace = try root["namespace"]?.string().trimmingWhitespace() ?? ""
        let namespaces = try readNamespaces(root["namespaces"])
        let schemaPath = try readSchema(root["schema"], file: file)

        func path(_ node: YAMLValue, absolute: Bool) throws(InputError) -> ProfilePath {
            let text = try node.string()
            let path: ProfilePath
            do {
                path = try ProfilePath.parse(text, namespaces: namespaces, defaultNamespace: defaultNamespace)
            } catch {
                throw node.error("bad path '\(text)': \(error.message)", hint: pathHint)
            }
            if absolute, !path.isAbsolute {
                throw node.error("'\(text)' must be an absolute path from the document element",
                                 hint: "start it with '/', e.g. /catalogue/course")
            }
            if !absolute, path.isAbsolute {
                throw node.error("'\(text)' must be relative to the course or presentation element",
                                 hint: "leave out the leading '/'")
            }
            return path
        }
        /// A field's paths: one path, or a list of alternatives.
        func paths(_ node: YAMLValue) throws(InputError) -> [ProfilePath] {
            if let items = try? node.sequence() {
                guard !items.isEmpty else { throw node.error("the list of paths is empty") }
                var result: [ProfilePath] = []
                for item in items { result.append(try path(item, absolute: false)) }
                return result
            }
            return [try path(node, absolute: false)]
        }
        func elementPath(_ node: YAMLValue, absolute: Bool) throws(InputError) -> ProfilePath {
            let result = try path(node, absolute: absolute)
            if result.attribute != nil {
                throw node.error("'\(result.text)' names an attribute; a repeating element is expected here")
            }
            return result
        }

        guard let courseNode = root["course"] else {
            throw document.error("the profile has no 'course' path",
                                 hint: "add course: /ROOT/COURSE, the absolute path of the repeating course element")
        }
        let course = try elementPath(courseNode, absolute: true)

        guard let fieldsNode = root["fields"] else {
            throw document.error("the profile has no 'fields'", hint: "add fields: with at least id and title")
        }
        var fields: [CourseField: [ProfilePath]] = [:]
        for (key, node) in ordered(try fieldsNode.mapping(allowed: CourseField.allCases.map(\.rawValue))) {
            guard let field = CourseField(rawValue: key) else { continue }
            fields[field] = try paths(node)
        }
        for required in [CourseField.id, .title] where fields[required] == nil {
            throw fieldsNode.error("fields has no '\(required.rawValue)'",
                                   hint: "every course needs an id and a title: add \(required.rawValue): PATH")
        }

        var presentation: ProfilePath?
        var presentationFields: [PresentationField: [ProfilePath]] = [:]
        if let node = root["presentation"] { presentation = try elementPath(node, absolute: false) }
        if let node = root["presentationFields"] {
            for (key, value) in ordered(try node.mapping(allowed: PresentationField.allCases.map(\.rawValue))) {
                guard let field = PresentationField(rawValue: key) else { continue }
                presentationFields[field] = try paths(value)
            }
            if presentation == nil {
                throw node.error("presentationFields without a 'presentation' path",
                                 hint: "add presentation: PATH (relative to the course), or presentation: . when the course element is its own presentation")
            }
        }
        if let node = root["presentation"], presentationFields.isEmpty {
            throw node.error("a presentation path without presentationFields",
                             hint: "add presentationFields: with at least start")
        }

        let provider = try readProvider(root["provider"], course: course) { (node) throws(InputError) in
            try path(node, absolute: true)
        }
        let (values, audiences) = try readValues(
            root["values"], vocabulary: vocabulary, fields: fields, presentationFields: presentationFields)

        return FeedProfile(
            name: name, description: description, file: file, schemaPath: schemaPath, provider: provider,
            course: course, fields: fields, presentation: presentation, presentationFields: presentationFields,
            values: values, audiences: audiences, vocabulary: vocabulary)
    }

    /// A mapping's entries in the order the file has them, so the first error reported is the first in the file.
    private static func ordered(_ mapping: [String: YAMLValue]) -> [(key: String, value: YAMLValue)] {
        mapping.map { (key: $0.key, value: $0.value) }.sorted {
            ($0.value.location.line ?? 0, $0.value.location.column ?? 0) < ($1.value.location.line ?? 0, $1.value.location.column ?? 0)
        }
    }

    private static func readNamespaces(_ node: YAMLValue?) throws(InputError) -> [String: String] {
        var namespaces: [String: String] = [:]
        for (prefix, at, value) in try node?.entries() ?? [] {
            guard !prefix.isEmpty, !prefix.contains(":"), !prefix.contains(where: \.isWhitespace),
                  prefix.first.map({ !$0.isNumber }) == true
            else {
                throw at.error("'\(prefix)' is not a namespace prefix", hint: "a short name such as dc or mlo")
            }
            guard prefix != "xml", prefix != "xmlns" else {
                throw at.error("the prefix '\(prefix)' is reserved by XML")
            }
            let uri = try value.string().trimmingWhitespace()
            guard !uri.isEmpty else { throw value.error("a namespace URI is expected") }
            namespaces[prefix] = uri
        }
        return namespaces
    }

    private static func readSchema(_ node: YAMLValue?, file: String) throws(InputError) -> String? {
        guard let node else { return nil }
        let text = try node.string().trimmingWhitespace()
        guard !text.isEmpty else { throw node.error("a schema file is expected", hint: "e.g. schema: academy.xsd") }
        let base = (file as NSString).deletingLastPathComponent
        let path = FilePaths.resolve(text, relativeTo: base.isEmpty ? FileManager.default.currentDirectoryPath : base)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw node.error("the schema \(path) does not exist", hint: "a relative schema path is relative to the profile file")
        }
        return path
    }

    private static func readProvider(
        _ node: YAMLValue?, course: ProfilePath, path: (YAMLValue) throws(InputError) -> ProfilePath
    ) throws(InputError) -> ProviderMapping {
        guard let node else { return ProviderMapping() }
        let keys = try node.mapping(allowed: providerKeys)
        func value(_ key: String) throws(InputError) -> ProviderValue? {
            guard let item = keys[key] else { return nil }
            let text = try item.string().trimmingWhitespace()
            guard !text.isEmpty else { throw item.error("a value or a /path into the feed is expected") }
            guard text.hasPrefix("/") else { return .fixed(text) }
            let result = try path(item)
            guard result.elements.first == course.elements.first else {
                throw item.error("'\(text)' does not start at the document element <\(course.elements[0].local)> of the course path")
            }
            if course.isPrefix(of: result) {
                throw item.error("'\(text)' is inside the course element",
                                 hint: "provider paths name elements outside the courses, before the first course")
            }
            return .path(result)
        }
        let provider = ProviderMapping(id: try value("id"), name: try value("name"), url: try value("url"))
        if provider.id == nil {
            throw node.error("the provider has no id", hint: "add id: a short fixed id (e.g. jamp) or a /path into the feed")
        }
        return provider
    }

    private static func readValues(
        _ node: YAMLValue?, vocabulary: FeedProfile.Vocabulary,
        fields: [CourseField: [ProfilePath]], presentationFields: [PresentationField: [ProfilePath]]
    ) throws(InputError) -> (values: [MappedField: [String: [String]]], audiences: [String: CourseAudience]) {
        guard let node else { return ([:], [:]) }
        var values: [MappedField: [String: [String]]] = [:]
        var audiences: [String: CourseAudience] = [:]
        let abilities = AbilityIndex(vocabulary.abilities)
        for (key, table) in ordered(try node.mapping(allowed: MappedField.allCases.map(\.rawValue))) {
            guard let field = MappedField(rawValue: key) else { continue }
            let isRead = field == .attendance ? presentationFields[.attendance] != nil
                : CourseField(rawValue: field.rawValue).flatMap { fields[$0] } != nil
            guard isRead else {
                let section = field == .attendance ? "presentationFields" : "fields"
                throw table.error("values.\(key) maps a field the profile does not read",
                                  hint: "add \(key): PATH under \(section), or remove this map")
            }
            var map: [String: [String]] = [:]
            for (text, at, target) in try table.entries() {
                let feedKey = FeedProfile.valueKey(text)
                guard !feedKey.isEmpty else { throw at.error("an empty feed value cannot be mapped") }
                guard map[feedKey] == nil, audiences[feedKey] == nil else { throw at.error("'\(feedKey)' is mapped twice") }
                if field == .ranks, (try? target.mapping(allowed: [])) != nil {
                    audiences[feedKey] = try CourseAudienceLoader.parse(target) { vocabulary.rankNames.contains($0) }
                    continue
                }
                var items: [YAMLValue] = [target]
                if let list = try? target.sequence() {
                    guard field.isList else {
                        throw target.error("\(key) takes one value, not a list")
                    }
                    items = list
                }
                var mapped: [String] = []
                for item in items {
                    mapped.append(try checkedValue(item, field: field, vocabulary: vocabulary, abilities: abilities))
                }
                map[feedKey] = mapped
            }
            values[field] = map
        }
        return (values, audiences)
    }

    /// A mapped value, checked against the policy and put in Kenshu's form.
    private static func checkedValue(
        _ item: YAMLValue, field: MappedField, vocabulary: FeedProfile.Vocabulary, abilities: AbilityIndex
    ) throws(InputError) -> String {
        let text = try item.string().trimmingWhitespace()
        guard !text.isEmpty else { throw item.error("a value is expected") }
        switch field {
        case .kind:
            guard vocabulary.kindIDs.contains(text) else {
                let suggestion = YAMLValue.closest(to: text, in: vocabulary.kindIDs).map { "'\($0)' の書き間違いではありませんか。" } ?? ""
                throw item.error("unknown training kind id '\(text)'",
                                 hint: "\(suggestion)kind ids of the policy: \(vocabulary.kindIDs.joined(separator: ", "))")
            }
            return text
        case .families:
            guard let family = JobFamily(parsing: text) else {
                throw item.error("unknown job family '\(text)'",
                                 hint: "one of \(JobFamily.allCases.map(\.japaneseName).joined(separator: ", "))")
            }
            return family.rawValue
        case .ranks:
            guard vocabulary.rankNames.contains(text) else {
                throw item.error("'\(text)' is neither a title (職名) of the policy nor a band id",
                                 hint: "e.g. 係長 or general.kakaricho")
            }
            return text
        case .subjects:
            return text
        case .digitalTier:
            guard let tier = vocabulary.digitalTier(parsing: text) else {
                throw item.error("unknown digital tier '\(text)'",
                                 hint: "one of \(vocabulary.digitalTiers.map(\.id).joined(separator: ", "))")
            }
            return tier.id
        case .abilities:
            guard let ability = abilities.ability(parsing: text) else {
                throw item.error("unknown ability '\(text)'", hint: "a number 1 to 10, ①〜⑩, or the policy's name")
            }
            return String(ability.number)
        case .attendance:
            guard let mode = AttendanceMode(rawValue: text) else {
                let modes = AttendanceMode.allCases.map(\.rawValue)
                let suggestion = YAMLValue.closest(to: text, in: modes).map { "'\($0)' の書き間違いではありませんか。" } ?? ""
                throw item.error("unknown attendance mode '\(text)'", hint: "\(suggestion)one of \(modes.joined(separator: ", "))")
            }
            return mode.rawValue
        }
    }
}

/// A mapping profile could not be used.
public enum FeedProfileError: Error, Sendable, CustomStringConvertible {
    case unreadable(FileReadError)
    case invalid(InputError)
    case notFound(name: String, directory: String, available: [String])

    public var description: String {
        switch self {
        case .unreadable(let error): error.description
        case .invalid(let error): error.description
        case .notFound(let name, let directory, let available):
            "\(directory): no mapping profile '\(name)' (profiles there: "
                + (available.isEmpty ? "none" : available.joined(separator: ", ")) + ")"
        }
    }
}
