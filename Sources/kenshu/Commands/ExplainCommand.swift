import ArgumentParser
import KenshuCycle
import KenshuStore

/// `kenshu explain --staff ID`.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Why a member of staff gets what they get: band, gaps, scores in parts, excluded courses and why.",
        discussion: """
            After the week's run, and while nothing it was computed from has changed (staff, ratings, trainings, \
            courses, rules), this is the run's result, seats as it allocated them; otherwise everyone is matched \
            again for the day. The first line says which, and why.
            """)

    @Option(help: ArgumentHelp("The member of staff (職員番号).", valueName: "ID"))
    var staff: String

    @OptionGroup var day: DayOption

    @OptionGroup var common: CommonOptions

    func run() throws {
        let session = try common.session(.readOnly)
        let answer = try CourseRecommendations.forStaff(ids: [staff], date: day.date, session: session, explain: true)
        for entry in answer.entries {
            try common.emit(RecommendationOutput(entry.result, date: answer.day, explain: true, basis: answer.basis)) { _ in
                answer.basis.japaneseText + "\n"
                    + RecommendationText.render(entry.result, staff: entry.staff, date: answer.day, catalog: session.catalog, explain: true)
            }
        }
    }
}
