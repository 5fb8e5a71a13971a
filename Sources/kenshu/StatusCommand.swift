import ArgumentParser
import Foundation
import KenshuApp

/// `kenshu status`.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "What the store holds, the last imports, and data-quality warnings.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let context = try common.context()
        let report = try StatusReport.gather(context: context)
        let zone = TimeZone(identifier: context.configuration.timeZone) ?? .current
        try common.emit(report) { StatusText.render($0, timeZone: zone) }
    }
}
