import KenshuConfig
import KenshuCore
import KenshuMatch

/// A rules text an admin proposes (the console's editor), checked as `kenshu rules check`
/// checks a file: the same parser, the same catalogue, the same work-map warnings. A candidate
/// exists only when the text is valid; its `setup` is the session's with these rules, for
/// `RulesDiff` and for the file that replaces the current one.
public struct RulesCandidate: Sendable {
    public let text: String
    public let setup: Setup
    /// What `rules check` prints as 注意: valid, but probably not what was meant.
    public let warnings: [String]

    /// Why a text is not a valid rules file: the message as `rules check` gives it, and where
    /// (line and column of the text, when the parser knows them).
    public struct Problem: Error, Sendable {
        public var message: String
        public var line: Int?
        public var column: Int?
    }

    /// Checks `text` against the catalogue of `session`; `label` names it in messages (the
    /// rules file's name: a line number refers to the text as edited).
    public static func check(_ text: String, label: String, session: Session) -> Result<RulesCandidate, Problem> {
        let rules: Rules
        do {
            rules = try RulesLoader.parse(text, file: label, catalog: session.catalog)
        } catch {
            return .failure(Problem(message: error.description, line: error.location.line, column: error.location.column))
        }
        let resolver: BandResolver
        do {
            resolver = try BandResolver(catalog: session.catalog, aliases: rules.titleAliases)
        } catch {
            return .failure(Problem(message: "\(label): \(error)"))
        }
        let setup = Setup(configuration: session.configuration, catalog: session.catalog, rules: rules, resolver: resolver)
        let warnings = (try? WorkRulesCheck.warnings(rules.matching.work, store: session.store)) ?? []
        return .success(RulesCandidate(text: text, setup: setup, warnings: warnings))
    }
}
