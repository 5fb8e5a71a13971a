import ArgumentParser
import KenshuCycle
import KenshuImport

/// `kenshu roster import FILE`.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster", abstract: "The staff roster (職員名簿).", subcommands: [RosterImport.self])
}

/// `kenshu evaluations import FILE`.
struct EvaluationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluations", abstract: "Personnel evaluations (人事評価).", subcommands: [EvaluationsImport.self])
}

/// `kenshu history import FILE`.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Training history (研修履歴).", subcommands: [HistoryImport.self])
}

/// The file and encoding of a CSV import.
struct ImportArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("The CSV export of the HR system.", valueName: "FILE"))
    var file: String

    @Option(help: "auto (UTF-8 with or without BOM, else CP932), utf-8 or cp932.")
    var encoding: EncodingArgument = .auto

    @Flag(help: "Apply the file even when it would change more than data.review.threshold of what is stored.")
    var accept = false

    @Flag(help: "Show what the import would change, and store nothing.")
    var dryRun = false

    @OptionGroup var common: CommonOptions

    func run(_ kind: StaffDataKind) throws {
        let session = try common.session()
        let lock = dryRun ? nil : try common.writerLock(session, purpose: "kenshu import \(kind.rawValue)")
        defer { withExtendedLifetime(lock) {} }
        let summary = try StaffImport.run(kind, file: file, encoding: encoding.choice, accept: accept, dryRun: dryRun,
                                          session: session)
        try common.emit(summary, text: StaffImportText.render)
    }
}

struct RosterImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import the roster: staff no longer listed become inactive (their history is kept).",
        discussion: """
            Columns (Japanese or English header, any order): 職員番号/staff_id, 氏名/name, メール/email, \
            職種/job_family, 所属/department, 係/section, 職名/title, 採用日/hired_on, 現職位発令日/rank_since, \
            キャリア/track, デジタル人材区分/digital_tier, メンター研修修了/mentor_trained, \
            上司職員番号/manager_id, 配信停止/opted_out. All or nothing: a bad row rejects the file.
            """)

    @OptionGroup var arguments: ImportArguments

    func run() throws { try arguments.run(.roster) }
}

struct EvaluationsImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import evaluations: the periods in the file replace those periods' ratings.",
        discussion: """
            Columns: 職員番号/staff_id, 能力/ability (1〜10, ①〜⑩ or the name), 評価/score (1〜5), \
            評価者/rater (本人/self, 一次/primary, 二次/secondary), 年度/period (e.g. 2025).
            """)

    @OptionGroup var arguments: ImportArguments

    func run() throws { try arguments.run(.evaluations) }
}

struct HistoryImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import completed trainings: merged into the history (records not in the file stay).",
        discussion: """
            Columns: 職員番号/staff_id, 研修機関/provider, 研修ID/course_id, 研修名/title, 修了日/completed_on, \
            復命書提出日/report_filed_on.
            """)

    @OptionGroup var arguments: ImportArguments

    func run() throws { try arguments.run(.history) }
}
