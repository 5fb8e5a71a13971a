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
    static let pathHint = "パスは要素名を '/' でつなぎ、最後に @属性 を付けることもできます（例: period/from、@code）"

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
                throw node.error("'\(name)' はプロファイルの名前になりません", hint: "空白のない短い名前にしてください（例: academy）")
            }
            guard name == fileName else {
                throw node.error("プロファイルの名前は '\(name)' ですが、ファイルは \(fileName).yaml です",
                                 hint: "ファイル名を \(name).yaml にするか、プロファイルの名前を \(fileName) にしてください")
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
                throw node.error("パス '\(text)' を読めません（\(error.message)）", hint: pathHint)
            }
            if absolute, !path.isAbsolute {
                throw node.error("'\(text)' は文書の最上位の要素からの絶対パスで書いてください",
                                 hint: "'/' で始めます（例: /catalogue/course）")
            }
            if !absolute, path.isAbsolute {
                throw node.error("'\(text)' は研修か開催の要素からの相対パスで書いてください",
                                 hint: "先頭の '/' を取ってください")
            }
            return path
        }
        /// A field's paths: one path, or a list of alternatives.
        func paths(_ node: YAMLValue) throws(InputError) -> [ProfilePath] {
            if let items = try? node.sequence() {
                guard !items.isEmpty else { throw node.error("パスの一覧が空です") }
                var result: [ProfilePath] = []
                for item in items { result.append(try path(item, absolute: false)) }
                return result
            }
            return [try path(node, absolute: false)]
        }
        func elementPath(_ node: YAMLValue, absolute: Bool) throws(InputError) -> ProfilePath {
            let result = try path(node, absolute: absolute)
            if result.attribute != nil {
                throw node.error("'\(result.text)' は属性を指しています。ここには繰り返す要素のパスを書いてください")
            }
            return result
        }

        guard let courseNode = root["course"] else {
            throw document.error("プロファイルに course のパスがありません",
                                 hint: "繰り返す研修の要素の絶対パスを course: /ROOT/COURSE のように書いてください")
        }
        let course = try elementPath(courseNode, absolute: true)

        guard let fieldsNode = root["fields"] else {
            throw document.error("プロファイルに fields がありません", hint: "fields: に少なくとも id と title を書いてください")
        }
        var fields: [CourseField: [ProfilePath]] = [:]
        for (key, node) in ordered(try fieldsNode.mapping(allowed: CourseField.allCases.map(\.rawValue))) {
            guard let field = CourseField(rawValue: key) else { continue }
            fields[field] = try paths(node)
        }
        for required in [CourseField.id, .title] where fields[required] == nil {
            throw fieldsNode.error("fields に \(required.rawValue) がありません",
                                   hint: "どの研修にも id と title が要ります。\(required.rawValue): PATH を書いてください")
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
                throw node.error("presentationFields がありますが presentation のパスがありません",
                                 hint: "presentation: PATH（研修の要素からの相対パス）を書くか、研修の要素がそのまま開催なら presentation: . と書いてください")
            }
        }
        if let node = root["presentation"], presentationFields.isEmpty {
            throw node.error("presentation のパスがありますが presentationFields がありません",
                             hint: "presentationFields: に少なくとも start を書いてください")
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
                throw at.error("'\(prefix)' は名前空間の接頭辞になりません", hint: "dc や mlo のような短い名前にしてください")
            }
            guard prefix != "xml", prefix != "xmlns" else {
                throw at.error("接頭辞 '\(prefix)' は XML が予約しています")
            }
            let uri = try value.string().trimmingWhitespace()
            guard !uri.isEmpty else { throw value.error("名前空間の URI を書いてください") }
            namespaces[prefix] = uri
        }
        return namespaces
    }

    private static func readSchema(_ node: YAMLValue?, file: String) throws(InputError) -> String? {
        guard let node else { return nil }
        let text = try node.string().trimmingWhitespace()
        guard !text.isEmpty else { throw node.error("スキーマのファイルを書いてください", hint: "例: schema: academy.xsd") }
        let base = (file as NSString).deletingLastPathComponent
        let path = FilePaths.resolve(text, relativeTo: base.isEmpty ? FileManager.default.currentDirectoryPath : base)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw node.error("スキーマ \(path) がありません", hint: "相対パスはプロファイルのファイルからの相対です")
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
            guard !text.isEmpty else { throw item.error("値か、フィードの中を指す /パス を書いてください") }
            guard text.hasPrefix("/") else { return .fixed(text) }
            let result = try path(item)
            guard result.elements.first == course.elements.first else {
                throw item.error("'\(text)' が研修のパスの最上位の要素 <\(course.elements[0].local)> から始まっていません")
            }
            if course.isPrefix(of: result) {
                throw item.error("'\(text)' は研修の要素の中を指しています",
                                 hint: "研修機関のパスは研修の外、最初の研修より前の要素を指します")
            }
            return .path(result)
        }
        let provider = ProviderMapping(id: try value("id"), name: try value("name"), url: try value("url"))
        if provider.id == nil {
            throw node.error("研修機関に id がありません", hint: "id: に短い固定の ID（例: jamp）か、フィードの中を指す /パス を書いてください")
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
                throw table.error("values.\(key) はプロファイルが読まない項目の対応表です",
                                  hint: "\(section) の下に \(key): PATH を書くか、この対応表を消してください")
            }
            var map: [String: [String]] = [:]
            for (text, at, target) in try table.entries() {
                let feedKey = FeedProfile.valueKey(text)
                guard !feedKey.isEmpty else { throw at.error("空のフィードの値は対応付けられません") }
                guard map[feedKey] == nil, audiences[feedKey] == nil else { throw at.error("'\(feedKey)' が 2 回対応付けられています") }
                if field == .ranks, (try? target.mapping(allowed: [])) != nil {
                    audiences[feedKey] = try CourseAudienceLoader.parse(target) { vocabulary.rankNames.contains($0) }
                    continue
                }
                var items: [YAMLValue] = [target]
                if let list = try? target.sequence() {
                    guard field.isList else {
                        throw target.error("\(key) には値を 1 つ書きます（リストは書けません）")
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
        guard !text.isEmpty else { throw item.error("値を書いてください") }
        switch field {
        case .kind:
            guard vocabulary.kindIDs.contains(text) else {
                let suggestion = YAMLValue.closest(to: text, in: vocabulary.kindIDs).map { "'\($0)' の書き間違いではありませんか。" } ?? ""
                throw item.error("研修の種類 ID '\(text)' はありません",
                                 hint: "\(suggestion)方針の種類 ID: \(vocabulary.kindIDs.joined(separator: "、"))")
            }
            return text
        case .families:
            guard let family = JobFamily(parsing: text) else {
                throw item.error("職種 '\(text)' はありません",
                                 hint: "\(JobFamily.allCases.map(\.japaneseName).joined(separator: "、")) のいずれか")
            }
            return family.rawValue
        case .ranks:
            guard vocabulary.rankNames.contains(text) else {
                throw item.error("'\(text)' は方針にある職名でも職位区分 ID でもありません",
                                 hint: "例: 係長 または general.kakaricho")
            }
            return text
        case .subjects:
            return text
        case .digitalTier:
            guard let tier = vocabulary.digitalTier(parsing: text) else {
                throw item.error("デジタル人材区分 '\(text)' はありません",
                                 hint: "\(vocabulary.digitalTiers.map(\.id).joined(separator: "、")) のいずれか")
            }
            return tier.id
        case .abilities:
            guard let ability = abilities.ability(parsing: text) else {
                throw item.error("能力 '\(text)' はありません", hint: "1〜10、①〜⑩ または方針の能力の名前で書いてください")
            }
            return String(ability.number)
        case .attendance:
            guard let mode = AttendanceMode(rawValue: text) else {
                let modes = AttendanceMode.allCases.map(\.rawValue)
                let suggestion = YAMLValue.closest(to: text, in: modes).map { "'\($0)' の書き間違いではありませんか。" } ?? ""
                throw item.error("受講形態 '\(text)' はありません", hint: "\(suggestion)\(modes.joined(separator: "、")) のいずれか")
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
