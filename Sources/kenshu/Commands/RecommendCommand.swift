import ArgumentParser
import KenshuCycle
import KenshuMatch
import KenshuStore

/// `kenshu recommend --staff ID | --all`.
struct RecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Courses recommended to a member of staff (or to everyone), with the reasons.")

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
        let day = try self.day.day(session)
        if dispatch {
            let shortlists = try CourseRecommendations.dispatchShortlists(on: day, session: session)
            try common.emit(shortlists) { DispatchShortlistText.render($0) }
            return
        }
        let results = try CourseRecommendations.run(ids: all ? nil : staff, on: day, session: session)
        let views = results.map { RecommendationOutput($0.result, date: day, explain: false) }
        if common.json {
            Console.print(try JSONOutput.render(views))
        } else {
            Console.print(results.map { RecommendationText.render($0.result, staff: $0.staff, date: day, catalog: session.catalog, explain: false) }
                .joined(separator: "\n\n"))
        }
    }
}
