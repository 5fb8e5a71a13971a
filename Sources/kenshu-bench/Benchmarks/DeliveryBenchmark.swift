import ArgumentParser
import Foundation
import KenshuCore

/// `kenshu-bench deliver`: the real `kenshu deliver` timed handing N mails to the running
/// MTA, through sendmail and over SMTP, each from a spool of its own.
struct DeliveryBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver",
        abstract: "Time kenshu deliver handing N mails to the local MTA, through sendmail and over SMTP.",
        discussion: """
            Writes the 456-staff example city, runs its week with the kenshu binary beside this one (build it \\
            with swift build -c release --product kenshu), and copies the week's mails (each copy with its own \\
            file name and Message-ID) into one spool per way of submitting, --mails in each. Then times \\
            kenshu deliver on each spool and prints mails/s. The mails go to the addresses of the example \\
            city (@example.jp): run it against an MTA that keeps them (.ci/postfix.sh sets one up), not one \\
            that relays. The time is the hand-over; the MTA delivers them after.
            """)

    @Option(help: "Mails in each spool.")
    var mails = 2_000

    @Option(help: "The ways to submit, in order: sendmail, smtp, or both (comma-separated).")
    var via = "sendmail,smtp"

    @Option(help: "The sendmail program.")
    var sendmail = "/usr/sbin/sendmail"

    @Option(help: "The SMTP server, as mail.submit writes it.")
    var smtp = "smtp://127.0.0.1:25"

    @OptionGroup var options: CityRunOptions

    func validate() throws {
        guard mails >= 1 else { throw ValidationError("--mails must be at least 1") }
        guard !ways.isEmpty, ways.allSatisfy({ $0 == "sendmail" || $0 == "smtp" }) else {
            throw ValidationError("--via '\(via)': give sendmail, smtp or sendmail,smtp")
        }
    }

    var ways: [String] { via.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }

    func run() throws {
        let day = try options.day()
        let workspace = try options.workspace(name: "kenshu-deliver")
        defer { workspace.removeUnlessKept() }
        let folder = workspace.folder
        _ = try CityWriter(folder: folder, catalog: workspace.catalog, day: day, staff: 456, presentations: 200, seed: 2026).write()
        let config = folder.appendingPathComponent("kenshu.yaml")
        let log = folder.appendingPathComponent("commands.log").path
        let week = try MeasuredRun.run(workspace.kenshu, ["run", "--date", options.asOf, "--config", config.path], log: log)
        let spooled = folder.appendingPathComponent("state/outgoing/new").path
        let templates = try FileManager.default.contentsOfDirectory(atPath: spooled).filter { $0.hasSuffix(".eml") }.sorted()
            .map { spooled + "/" + $0 }
        guard week.status == 0, !templates.isEmpty else {
            throw ValidationFailure("kenshu run spooled no mail (exit \(week.status)); see \(log)")
        }
        print("deliver: \(mails) mails each way, copied from the \(templates.count) mails of the example city's week")
        print("via        mails   seconds    mails/s  delivered  exit")
        let base = try String(contentsOf: config, encoding: .utf8)
        for way in ways {
            let spool = folder.appendingPathComponent("spool-\(way)")
            let megabytes = Double(try SpoolCopies(templates: templates).write(mails, into: spool)) / 1e6
            let submit = way == "smtp" ? smtp : "sendmail:" + sendmail
            let wayConfig = folder.appendingPathComponent("kenshu-\(way).yaml")
            try base.replacingOccurrences(of: "spool: state/outgoing", with: "spool: spool-\(way)")
                .replacingOccurrences(of: "\nmail:\n", with: "\nmail:\n  submit: \(submit)\n")
                .write(to: wayConfig, atomically: true, encoding: .utf8)
            let measured = try MeasuredRun.run(workspace.kenshu, ["deliver", "--config", wayConfig.path], log: log)
            let delivered = (try? FileManager.default.contentsOfDirectory(atPath: spool.appendingPathComponent("cur").path).count) ?? 0
            print(way.padding(toLength: 8, withPad: " ", startingAt: 0)
                  + String(format: " %7d %9.2f %10.0f %10d  %d", mails, measured.seconds, Double(delivered) / max(measured.seconds, 1e-9),
                           delivered, measured.status)
                  + String(format: "   (%.1f MB)", megabytes))
        }
        print("(output of each command: \(log)\(workspace.kept ? "" : ", removed with the folder"))")
    }
}
