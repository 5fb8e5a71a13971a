import ArgumentParser
import KenshuCore
import KenshuCycle
import KenshuStore

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
        let session = try common.session(dryRun ? .readOnly : .readWrite)
        let lock = dryRun ? nil : try common.writerLock(session, purpose: "kenshu mentors")
        defer { withExtendedLifetime(lock) {} }
        let day = try self.day.day(session)
        let result = try MentorRun.run(on: day, dryRun: dryRun, session: session)
        let staff: [String: StaffMember]
        do {
            staff = Dictionary(uniqueKeysWithValues: try session.store.allStaff().map { ($0.id, $0) })
        } catch {
            throw KenshuError(.runtime, error.description)
        }
        try common.emit(result) { MentorText.render($0, staff: staff, dryRun: dryRun) }
    }
}
