import KenshuCore

/// Reads a course audience as profiles (`values.ranks`) and rules (`courses.audiences`) write
/// it: `{ranks: 係長, rankYears: 1}`, `{serviceYears: 1-10}`.
public enum CourseAudienceLoader {
    static let keys = ["ranks", "serviceYears", "rankYears"]

    /// The audience in `node`; `isRank` tells a title or band id of the policy.
    public static func parse(_ node: YAMLValue, isRank: (String) -> Bool) throws(InputError) -> CourseAudience {
        let entries = try node.mapping(allowed: keys)
        var audience = CourseAudience()
        if let ranks = entries["ranks"] {
            let items = (try? ranks.sequence()) ?? [ranks]
            for item in items {
                let text = try item.string().trimmingWhitespace()
                guard isRank(text) else {
                    throw item.error("'\(text)' is neither a title (職名) of the policy nor a band id", hint: "e.g. 係長 or general.kakaricho")
                }
                if !audience.ranks.contains(text) { audience.ranks.append(text) }
            }
        }
        if let node = entries["serviceYears"] { audience.serviceYears = try span(node) }
        if let node = entries["rankYears"] { audience.rankYears = try span(node) }
        guard !audience.ranks.isEmpty || audience.serviceYears != nil || audience.rankYears != nil else {
            throw node.error("an audience needs ranks, serviceYears or rankYears",
                             hint: "e.g. {serviceYears: 1} for 採用1年目, {ranks: 係長, rankYears: 1} for 新任係長")
        }
        return audience
    }

    private static func span(_ node: YAMLValue) throws(InputError) -> YearSpan {
        let text = try node.string().trimmingWhitespace()
        guard let span = YearSpan(parsing: text) else {
            throw node.error("expected years as N or N-M (1 to 60, 1 the first year), found '\(text)'", hint: "e.g. 1 or 1-10")
        }
        return span
    }
}
