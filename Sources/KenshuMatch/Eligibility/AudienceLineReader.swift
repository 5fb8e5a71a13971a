import KenshuCore

/// One alternative of an audience line, as read: whom it names. All that it names must hold
/// of a person (消防職員（救急隊員）: the fire service, and the 救急 field); what it leaves
/// empty does not restrict.
public struct AudienceTerm: Sendable, Hashable, Codable {
    /// The words as the line writes them (税務担当職員).
    public var text: String
    /// Everyone (全職員).
    public var everyone = false
    public var families: [JobFamily] = []
    /// Titles or band ids.
    public var ranks: [String] = []
    public var serviceYears: YearSpan?
    /// Work fields (`work` of the rules): one must be the person's.
    public var fields: [String] = []
    /// Roles (`work.roles`): one must be the person's.
    public var roles: [String] = []

    public init(text: String) {
        self.text = text
    }
}

/// An audience line read: the alternatives it names, and the words it could not read (kept,
/// shown by `explain` and in the HR report; never taken as everyone).
public struct ReadAudienceLine: Sendable, Hashable, Codable {
    /// The line as the feed has it.
    public var line: String
    public var terms: [AudienceTerm]
    /// Alternatives, or parenthesised details, that name nothing Kenshu knows.
    public var unread: [String]
}

/// Reads audience lines (「対象：税務担当職員、係長」) into what Kenshu knows: everyone, a job
/// family (保育士, 消防職員, 現業職員), a rank (係長, 主任級), years since hire (採用2年目,
/// 採用3年目まで), a work field (税務担当職員 → 税務) or a role of the rules (窓口担当). The
/// line's alternatives are separated by 、 or ・ (and 及び, 又は); a parenthesised part narrows
/// its alternative (消防職員（救急隊員）).
public struct AudienceLineReader: Sendable {
    let rankNames: Set<String>
    /// Every field some department owns (`WorkRules.ownedFields`), made once.
    let ownedFields: Set<String>
    /// The same, longest first, so that 固定資産税 is found before 税.
    private let fields: [String]
    /// The rules' roles (`work.roles`), in name order.
    private let roles: [String]

    /// - Parameter rankNames: titles, aliases and band ids (`BandResolver.rankNames`).
    public init(rankNames: Set<String>, work: WorkRules) {
        self.rankNames = rankNames
        ownedFields = work.ownedFields
        fields = ownedFields.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        roles = work.roles.keys.sorted()
    }

    /// Words for a whole family, as feeds write them.
    static let familyWords: [String: JobFamily] = [
        "一般職": .general, "一般行政職": .general, "事務職": .general, "行政職": .general,
        "保育士": .nursery, "保育士職": .nursery, "保育職": .nursery,
        "現業職": .manual, "現業": .manual, "技能労務職": .manual, "技能労務": .manual,
        "消防職": .fire, "消防": .fire, "消防吏員": .fire, "公安職": .fire,
    ]

    static let everyoneWords: Set<String> = ["全職員", "全職種", "職員全般", "すべての職員", "全ての職員", "全員", "職員"]

    public func read(_ line: String) -> ReadAudienceLine {
        let body = AudienceLine.body(of: line) ?? line.trimmingWhitespace()
        var terms: [AudienceTerm] = []
        var unread: [String] = []
        for alternative in Self.alternatives(of: body) {
            let (main, detail) = Self.splitDetail(alternative)
            guard var term = readMain(main, text: alternative) else {
                unread.append(alternative)
                continue
            }
            if let detail {
                if let role = role(in: detail) {
                    term.roles = [role]
                } else if let field = field(in: detail) {
                    term.fields = [field]
                } else if !term.everyone {
                    unread.append("\(main)（\(detail)）")
                }
            }
            terms.append(term)
        }
        return ReadAudienceLine(line: line, terms: terms, unread: unread)
    }

    /// The alternatives of a line: split at 、，, ・ 及び 又は and the like, outside parentheses.
    static func alternatives(of body: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        let characters = Array(body)
        let words = ["及び", "および", "又は", "または", "並びに"]
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "（" || character == "(" { depth += 1 }
            if character == "）" || character == ")" { depth = max(0, depth - 1) }
            if depth == 0 {
                if "、，,・/／".contains(character) {
                    parts.append(current)
                    current = ""
                    index += 1
                    continue
                }
                if let word = words.first(where: { Array($0) == Array(characters[index..<min(characters.count, index + $0.count)]) }) {
                    parts.append(current)
                    current = ""
                    index += word.count
                    continue
                }
            }
            current.append(character)
            index += 1
        }
        parts.append(current)
        return parts.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// `消防職員（救急隊員）` → (消防職員, 救急隊員).
    static func splitDetail(_ alternative: String) -> (main: String, detail: String?) {
        guard let open = alternative.firstIndex(where: { $0 == "（" || $0 == "(" }) else { return (alternative, nil) }
        let main = String(alternative[..<open]).trimmingWhitespace()
        var detail = String(alternative[alternative.index(after: open)...])
        if let close = detail.lastIndex(where: { $0 == "）" || $0 == ")" }) { detail = String(detail[..<close]) }
        return (main, detail.trimmingWhitespace())
    }

    /// The term one alternative names, or nil when it names nothing Kenshu knows.
    func readMain(_ main: String, text: String) -> AudienceTerm? {
        var term = AudienceTerm(text: text)
        if Self.everyoneWords.contains(main) {
            term.everyone = true
            return term
        }
        var rest = main
        if let (span, remainder) = Self.serviceYears(in: rest) {
            term.serviceYears = span
            rest = remainder
        }
        let person = Self.withoutPersonWords(rest)
        if person.isEmpty || Self.everyoneWords.contains(person) {
            return term.serviceYears == nil ? nil : term
        }
        if let family = Self.familyWords[person] ?? Self.familyWords[rest] {
            term.families = [family]
            return term
        }
        if let rank = rank(person) {
            term.ranks = [rank]
            return term
        }
        if let role = role(in: person) {
            term.roles = [role]
            return term
        }
        if let field = field(in: person) {
            term.fields = [field]
            return term
        }
        return nil
    }

    /// 採用2年目, 採用3年目まで, 採用1〜3年目 at the start of `text`, and what follows it.
    static func serviceYears(in text: String) -> (YearSpan, String)? {
        guard text.hasPrefix("採用"), let end = text.firstRange(of: "年目") else { return nil }
        let numbers = text[text.index(text.startIndex, offsetBy: 2)..<end.lowerBound]
        var rest = String(text[end.upperBound...])
        var span: YearSpan?
        if rest.hasPrefix("まで") {
            rest.removeFirst(2)
            span = Int(numbers).flatMap { $0 >= 1 ? YearSpan(from: 1, to: $0) : nil }
        } else {
            span = YearSpan(parsing: String(numbers))
        }
        if rest.hasPrefix("の") { rest.removeFirst() }
        return span.map { ($0, rest) }
    }

    /// The words that say "staff" taken off: 税務担当職員 → 税務担当, 係長級の職員 → 係長級.
    static func withoutPersonWords(_ text: String) -> String {
        var text = text
        for suffix in ["の職員", "職員", "の方", "者"] where text.hasSuffix(suffix) && text.count > suffix.count {
            text.removeLast(suffix.count)
            break
        }
        return text
    }

    /// A title or band id, as written or with 級 / 相当職 / 職 after it.
    func rank(_ text: String) -> String? {
        for suffix in ["", "級", "相当職", "相当", "職"] where text.hasSuffix(suffix) {
            let candidate = String(text.dropLast(suffix.count))
            if rankNames.contains(candidate) { return candidate }
        }
        return nil
    }

    /// A role of the rules named by `text` (窓口担当, 窓口, 窓口担当者).
    func role(in text: String) -> String? {
        let bare = Self.withoutWorkWords(Self.withoutPersonWords(text))
        return roles.first { role in
            role == text || role == Self.withoutPersonWords(text) || Self.withoutWorkWords(role) == bare
        }
    }

    /// The longest owned field `text` names (税務担当 → 税務, 会計・契約事務 → 会計).
    func field(in text: String) -> String? {
        let bare = Self.withoutWorkWords(Self.withoutPersonWords(text))
        guard !bare.isEmpty else { return nil }
        return fields.first { bare == $0 } ?? fields.first { bare.contains($0) }
    }

    /// 担当, 事務, 業務 taken off the end: 税務担当 → 税務, 契約事務 → 契約.
    static func withoutWorkWords(_ text: String) -> String {
        var text = text
        var changed = true
        while changed {
            changed = false
            for suffix in ["担当", "事務", "業務", "の"] where text.hasSuffix(suffix) && text.count > suffix.count {
                text.removeLast(suffix.count)
                changed = true
            }
        }
        return text
    }
}
