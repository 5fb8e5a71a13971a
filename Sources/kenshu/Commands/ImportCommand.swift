import ArgumentParser
import Foundation
import KenshuCore
import KenshuCycle
import KenshuImport

/// `kenshu import FEED…`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import course feeds (XCRI-CAP 1.2, or an institute's format through a mapping profile).",
        discussion: """
            Each feed replaces its providers' catalogues in one transaction: courses it no longer lists are \
            retired, and a rejected feed (not well-formed, over a limit, truncated, not a known format) leaves \
            the previous catalogue. Per-record problems are warnings; the record is skipped. Exit 0, or 2 when \
            a feed was rejected (the others still import).
            """)

    @Argument(help: ArgumentHelp("Feed files.", valueName: "FEED"))
    var feeds: [String]

    @Option(help: "File the courses under this provider id instead of the feed's own.")
    var provider: String?

    @Option(help: "Read with this mapping profile (from the profiles folder) instead of detecting the format.")
    var profile: String?

    @Flag(help: "Read and check only (with schema validation); store nothing.")
    var validateOnly = false

    @Flag(help: "Also validate against the XSD and list deviations as warnings.")
    var validate = false

    @OptionGroup var common: CommonOptions

    func run() throws {
        let session = try common.session()
        let lock = validateOnly ? nil : try common.writerLock(session, purpose: "kenshu import feed")
        defer { withExtendedLifetime(lock) {} }
        let importer = try FeedImport.importer(setup: session.setup, store: session.store)
        var summaries: [FeedImportSummary] = []
        var failures: [KenshuError] = []
        for feed in feeds {
            let path = URL(fileURLWithPath: feed).standardizedFileURL.path
            do {
                let summary = try FeedImport.run(
                    file: path, profile: profile, provider: provider, validateOnly: validateOnly,
                    validate: validate ? true : nil, importer: importer, progress: ProgressLine(file: feed).report)
                summaries.append(summary)
                if !common.json { Console.print(FeedImportText.render(summary, catalog: session.catalog)) }
            } catch {
                failures.append(error)
                Console.error(error.message)
            }
        }
        if common.json { Console.print(try JSONOutput.render(summaries)) }
        if let worst = failures.max(by: { $0.exitCode < $1.exitCode }) { throw ExitCode(worst.exitCode) }
    }
}

/// A progress line on standard error while a large feed imports (every two seconds at most).
final class ProgressLine {
    let file: String
    let total: Int
    private var last = ContinuousClock.now

    init(file: String) {
        self.file = file
        total = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
    }

    func report(bytes: Int, courses: Int) {
        guard total > 8_000_000 else { return }
        let now = ContinuousClock.now
        let done = bytes >= total
        guard done || now - last >= .seconds(2) else { return }
        last = now
        let percent = total > 0 ? min(100, bytes * 100 / total) : 0
        Console.error("importing \(file): \(bytes / 1_000_000) of \(total / 1_000_000) MB (\(percent)%), \(courses) courses")
    }
}
