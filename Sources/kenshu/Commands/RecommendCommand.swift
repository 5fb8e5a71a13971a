import ArgumentParser
import KenshuCore
import KenshuCycle
import KenshuMatch
import KenshuStore

/// `kenshu recommend --staff ID | --all`.
struct RecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Courses recommended to a member of staff (or to everyone), with the reasons.",
        discussion: """
            With --staff, after the week's run and while nothing it was computed from has changed, this is the \
            run's result; otherwise everyone is matched again for the day, and the first line says why.
            """)

    @Option(help: ArgumentHelp("The member of staff (職員番号).", valueName: "ID"))
    var staff: [String] = []

    @Flag(help: "Everyone active (the weekly run).")
    var all = false

    @Flag(help: "The HR shortlist for each 派遣研修 (dispatch courses never go to staff mails).")
    var dispatch = false

    @OptionGroup var day: DayOption

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard [all, !staff.isEmpty, dispatch].filter({ $0 }).count == 1 else {
            throw ValidationError("give one of --staff ID (one or more), --all or --dispatch")
        }
    }

    func run() throws {
        let session = try common.session(.readOnly)
        if dispatch {
            let shortlists = try CourseRecommendations.dispatchShortlists(on: try day.day(session), session: session)
            try common.emit(shortlists) { DispatchShortlistText.render($0) }
            return
        }
        if all {
            let asOf = try day.day(session)
            try print(try CourseRecommendations.run(ids: nil, on: asOf, session: session), day: asOf, basis: nil, session: session)
        } else {
            let answer = try CourseRecommendations.forStaff(ids: staff, date: day.date, session: session, explain: false)
            try print(answer.entries, day: answer.day, basis: answer.basis, session: session)
        }
    }

    private func print(
        _ results: [CourseRecommendations.Entry], day: LocalDate, basis: RecommendationBasis?, session: Session
    ) throws {
        if common.json {
            Console.print(try JSONOutput.render(results.map { RecommendationOutput($0.result, date: day, explain: false, basis: basis) }))
        } else {
            let people = results.map {
                RecommendationText.render($0.result, staff: $0.staff, date: day, catalog: session.catalog, explain: false)
            }
            Console.print((basis.map { $0.japaneseText + "\n" } ?? "") + people.joined(separator: "\n\n"))
        }
    }
}
