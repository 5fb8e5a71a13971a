import KenshuCore

/// The HR admins' matching rules (`rules.yaml`): title aliases, the tag rules of courses,
/// the matching settings and the mentor programme.
public struct Rules: Sendable, Equatable {
    /// Per job family: local title → a title the policy lists, or a band id.
    public var titleAliases: [JobFamily: [String: String]]
    /// Subject codes and keywords of feeds → the policy's abilities.
    public var courseTags: CourseTagRules
    /// Expected levels, evaluation weights and recommendation settings.
    public var matching: MatchingRules
    /// The mentor programme.
    public var mentors: MentorRules

    public init(
        titleAliases: [JobFamily: [String: String]] = [:], courseTags: CourseTagRules = .init(),
        matching: MatchingRules = .init(), mentors: MentorRules = .init()
    ) {
        self.titleAliases = titleAliases
        self.courseTags = courseTags
        self.matching = matching
        self.mentors = mentors
    }
}

/// Reads and checks `rules.yaml`.
public enum RulesLoader {
    static let keys = ["titles", "courses", "work", "levels", "evaluation", "recommendations", "mentors"]
    static let titleKeys = ["aliases"]
    static let courseKeys = ["abilities", "audiences"]
    static let abilityTagKeys = ["subjects", "keywords", "courses"]

    /// Loads a rules file, checking it against the catalogue (aliases must point at a band).
    public static func load(path: String, catalog: PolicyCatalog) throws(ConfigurationError) -> Rules {
        let bytes: [UInt8]
        do {
            bytes = try FilePaths.readBytes(path, what: "rules file")
        } catch {
            throw .unreadable(error)
        }
        do {
            return try parse(String(decoding: bytes, as: UTF8.self), file: path, catalog: catalog)
        } catch {
            throw .invalid(error)
        }
    }

    public static func parse(_ text: String, file: String, catalog: PolicyCatalog) throws(InputError) -> Rules {
        let root = try YAMLValue.parse(text, file: file).mapping(allowed: keys)
        var rules = Rules()
        let titles = try root["titles"]?.mapping(allowed: titleKeys) ?? [:]
        for (familyName, familyKey, table) in try titles["aliases"]?.entries() ?? [] {
            guard let family = JobFamily(parsing: familyName) else {
                throw familyKey.error("職種 '\(familyName)' はありません",
                                  hint: "\(JobFamily.allCases.map(\.japaneseName).joined(separator: "、")) のいずれか")
            }
            var aliases: [String: String] = [:]
            for (alias, _, target) in try table.entries() {
                let targetTitle = try target.string()
                do {
                    _ = try BandResolver(catalog: catalog, aliases: [family: [alias: targetTitle]])
                } catch {
                    throw target.error("'\(targetTitle)' は方針にある\(family.japaneseName)の職名でも職位区分 ID でもありません")
                }
                aliases[alias] = targetTitle
            }
            rules.titleAliases[family] = aliases
        }
        let courses = try root["courses"]?.mapping(allowed: courseKeys) ?? [:]
        let tags = try courses["abilities"]?.mapping(allowed: abilityTagKeys) ?? [:]
        for (subject, _, list) in try tags["subjects"]?.entries() ?? [] {
            rules.courseTags.subjects[subject] = try abilities(list, catalog: catalog)
        }
        for (word, key, list) in try tags["keywords"]?.entries() ?? [] {
            guard !word.isEmpty else { throw key.error("空のキーワードはすべての研修に当てはまってしまいます") }
            rules.courseTags.keywords.append((word, try abilities(list, catalog: catalog)))
        }
        // One course by `provider/course`: a key no stored course has is fine (a feed may
        // list it later, or have dropped it); an unknown ability is not.
        for (course, key, list) in try tags["courses"]?.entries() ?? [] {
            guard course.contains("/") else {
                throw key.error("'\(course)' は研修を指していません", hint: "研修機関の ID と研修の ID を 研修機関/研修 の形で書いてください（例: \"academy/JA27-101\"）")
            }
            rules.courseTags.courses[course] = try abilities(list, catalog: catalog)
        }
        rules.matching = try MatchingRulesLoader.parse(
            levels: root["levels"], evaluation: root["evaluation"], recommendations: root["recommendations"], catalog: catalog)
        let rankNames = catalog.rankNames
        for (word, key, value) in try courses["audiences"]?.entries() ?? [] {
            guard !word.isEmpty else { throw key.error("空の語はすべての研修に当てはまってしまいます") }
            rules.matching.audiences.append(TitleAudience(
                word: word, audience: try CourseAudienceLoader.parse(value) { rankNames.contains($0) }))
        }
        if let work = root["work"] { rules.matching.work = try WorkRulesLoader.parse(work) }
        rules.mentors = try MentorRulesLoader.parse(root["mentors"])
        return rules
    }

    /// `[4, ⑤, 法務能力]` or a single ability → ability numbers.
    private static func abilities(_ node: YAMLValue, catalog: PolicyCatalog) throws(InputError) -> [Int] {
        let items = (try? node.sequence()) ?? [node]
        var numbers: [Int] = []
        for item in items {
            let text = try item.string()
            guard let ability = catalog.ability(parsing: text) else {
                throw item.error("'\(text)' は方針の 10 の能力のどれでもありません", hint: "1〜10、①〜⑩ または能力の名前で書いてください")
            }
            numbers.append(ability.number)
        }
        return numbers
    }
}
