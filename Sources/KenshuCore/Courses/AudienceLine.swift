/// A line in which a feed says in words whom a course is for: 「対象：税務担当職員」,
/// 「受講対象: 採用3年目までの職員」.
public enum AudienceLine {
    /// The words a line begins with when it says whom.
    static let prefixes = ["受講対象者", "受講対象", "対象者", "対象"]

    /// Whether `text` says whom a course is for (it begins 対象：, 受講対象: …).
    public static func isAudienceLine(_ text: String) -> Bool {
        body(of: text) != nil
    }

    /// What follows 対象：, trimmed; nil when `text` is not an audience line.
    public static func body(of text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        for prefix in prefixes where trimmed.hasPrefix(prefix) {
            let rest = trimmed.dropFirst(prefix.count)
            guard let first = rest.first, first == "：" || first == ":" else { continue }
            return String(rest.dropFirst()).trimmingWhitespace()
        }
        return nil
    }
}
