import ArgumentParser
import KenshuApp

/// `kenshu mentors`.
struct MentorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentors",
        abstract: "Pair mentees with mentors (メンター制度): new, kept and ended pairs with reasons, and who is unmatched and why.")

    @Flag(help: "Show the pairing without recording it.")
    var dryRun = false

    @OptionGroup var day: DayOption

    @OptionGroup var common: CommonOptions

    func run() throws {
        let context = try common.context()
        let day = try self.day.day(context)
        let result = try MentorRun.run(on: day, dryRun: dryRun, context: context)
        try common.emit(result) { MentorRun.text($0, dryRun: dryRun) }
    }
}
