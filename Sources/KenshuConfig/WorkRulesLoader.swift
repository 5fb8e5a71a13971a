import KenshuCore

/// Reads the `work` section of `rules.yaml`: the fields of departments and of 係, and roles.
///
/// ```yaml
/// work:
///   departments: {税務課: [税務, 徴収]}
///   sections: {企画政策課/財政係: [財政, 予算]}
///   roles: {窓口担当: [市民課, 税務課]}
/// ```
enum WorkRulesLoader {
    static let keys = ["departments", "sections", "roles"]

    static func parse(_ node: YAMLValue) throws(InputError) -> WorkRules {
        let section = try node.mapping(allowed: keys)
        var work = WorkRules()
        work.departments = try lists(section["departments"], what: "仕事の分野")
        for (key, at, _) in try section["sections"]?.entries() ?? [] {
            let parts = key.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw at.error("係は 所属/係 の形で書きますが、'\(key)' になっています", hint: "例: 企画政策課/財政係")
            }
        }
        work.sections = try lists(section["sections"], what: "仕事の分野")
        work.roles = try lists(section["roles"], what: "所属または所属/係")
        return work
    }

    /// Keys → non-empty lists of non-empty text (one text alone is a list of one).
    private static func lists(_ node: YAMLValue?, what: String) throws(InputError) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for (key, at, value) in try node?.entries() ?? [] {
            guard !key.trimmingWhitespace().isEmpty else { throw at.error("名前が空です") }
            let items = (try? value.sequence()) ?? [value]
            var texts: [String] = []
            for item in items {
                let text = try item.string().trimmingWhitespace()
                guard !text.isEmpty else { throw item.error("\(what)が空です") }
                if !texts.contains(text) { texts.append(text) }
            }
            guard !texts.isEmpty else { throw value.error("'\(key)' に\(what)が一つもありません") }
            result[key.trimmingWhitespace()] = texts
        }
        return result
    }
}
