import ArgumentParser
import KenshuCycle
import KenshuStore

/// `kenshu explain --staff ID`.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Why a member of staff gets what they get: band, gaps, scores in parts, excluded courses and why.")

    @Option(help: ArgumentHelp("The member of staff (職員番号).", valueName: "ID"))
    var staff: String

    @OptionGroup var day: DayOption

    @OptionGroup var common: CommonOptions

    func run() throws {
        let session = try common.session(.readOnly)
        let day = try self.day.day(session)
        let results = try CourseRecommendations.run(ids: [staff], on: day, session: session, explain: true)
        for entry in results {
            try common.emit(RecommendationOutput(entry.result, date: day, explain: true)) { _ in
                RecommendationText.render(entry.result, staff: entry.staff, date: day, catalog: session.catalog, explain: true)
            }
        }
    }
}
