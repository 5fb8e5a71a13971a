import ArgumentParser
import Foundation
import KenshuCycle
import KenshuStore

/// `kenshu status`.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "What the store holds, the last imports, and data-quality warnings.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let session = try common.session(.readOnly)
        let report = try StatusReport.gather(session: session)
        let zone = TimeZone(identifier: session.configuration.timeZone) ?? .current
        try common.emit(report) { StatusText.render($0, timeZone: zone) }
    }
}
