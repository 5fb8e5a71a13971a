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
                    throw item.error("'\(text)' は方針にある職名でも職位区分 ID でもありません", hint: "例: 係長 または general.kakaricho")
                }
                if !audience.ranks.contains(text) { audience.ranks.append(text) }
            }
        }
        if let node = entries["serviceYears"] { audience.serviceYears = try span(node) }
        if let node = entries["rankYears"] { audience.rankYears = try span(node) }
        guard !audience.ranks.isEmpty || audience.serviceYears != nil || audience.rankYears != nil else {
            throw node.error("対象には ranks、serviceYears、rankYears のどれかが要ります",
                             hint: "例: 採用1年目は {serviceYears: 1}、新任係長は {ranks: 係長, rankYears: 1}")
        }
        return audience
    }

    private static func span(_ node: YAMLValue) throws(InputError) -> YearSpan {
        let text = try node.string().trimmingWhitespace()
        guard let span = YearSpan(parsing: text) else {
            throw node.error("年数は N か N-M（1〜60、1 が 1 年目）で書きますが、'\(text)' になっています", hint: "例: 1 または 1-10")
        }
        return span
    }
}
