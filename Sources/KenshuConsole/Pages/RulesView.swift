import KenshuCycle

/// The 規則 page: the rules text (in the editor for admins), the result of a check (the
/// problem at its line, with the lines around it), a simulation's summary, and which rules
/// `kenshu serve` runs with.
struct RulesView: Sendable {
    /// One line of the text around a problem.
    struct Line: Sendable {
        var number: Int
        var text: String
        var isProblem: Bool
    }

    /// A check's refusal: the message as `kenshu rules check` gives it, and where.
    struct Problem: Sendable {
        var message: String
        /// `12 行 5 列` (empty when the parser does not know).
        var place: String
        var excerpt: [Line]
        // Mustache sees stored properties only.
        var hasExcerpt: Bool

        init(message: String, place: String = "", excerpt: [Line] = []) {
            self.message = message
            self.place = place
            self.excerpt = excerpt
            hasExcerpt = !excerpt.isEmpty
        }
    }

    var fileName: String
    var editable: Bool
    var text: String
    /// The fingerprint of the rules file the edit started from.
    var base: String
    /// The daemon's rules: in force (same as the file), waiting for a reload, or failed.
    var daemon: String
    var daemonIsCurrent: Bool
    var applied: Bool
    var previousFileName: String
    var checked: Bool
    var problem: Problem?
    var warnings: [String] { didSet { hasWarnings = !warnings.isEmpty } }
    var hasWarnings = false
    var simulation: String?
    /// Why changes cannot be applied here (the folder is not writable); nil when they can.
    var notWritable: String?
    /// Why the file on disk does not load (the console shows the previous rules); nil when it loads.
    var fileProblem: String?

    /// How many lines around a problem's line the page shows.
    static let context = 3

    static func problem(_ problem: RulesCandidate.Problem, text: String) -> Problem {
        guard let line = problem.line else { return Problem(message: problem.message) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let range = max(1, line - context)...max(1, min(lines.count, line + context))
        let excerpt = range.compactMap { number -> Line? in
            guard number <= lines.count else { return nil }
            return Line(number: number, text: String(lines[number - 1]), isProblem: number == line)
        }
        let place = problem.column.map { "\(line) 行 \($0) 列" } ?? "\(line) 行"
        return Problem(message: problem.message, place: place, excerpt: excerpt)
    }
}
