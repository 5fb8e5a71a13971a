import ArgumentParser
import KenshuCycle
import KenshuConfig
import KenshuImport
import KenshuCore
import KenshuStore

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The config file; paths in it are relative to it.", valueName: "FILE"))
    var config: String = KenshuConfiguration.Defaults.configFile

    @Flag(name: .long, help: "Machine-readable output (JSON).")
    var json = false

    /// Loads config, catalogue and rules.
    func setup() throws(KenshuError) -> Setup {
        try Setup.load(configPath: config)
    }

    /// Loads the setup and opens its store: the one store the command works with. A command
    /// that only shows something opens it `.readOnly`: it never creates or migrates a store.
    func session(_ access: KenshuStore.Access = .readWrite) throws(KenshuError) -> Session {
        try Session.open(try setup(), access: access)
    }

    /// Holds the state folder's writer lock for a command that changes the store, waiting
    /// (and saying so) while a cycle or another import holds it.
    func writerLock(_ session: Session, purpose: String) throws(KenshuError) -> WriterLock {
        try WriterLock.take(session: session, purpose: purpose, waiting: Console.error)
    }

    /// Prints `value` as JSON with `--json`, else as `text` renders it.
    func emit<Value: Encodable>(_ value: Value, text: (Value) -> String) throws {
        Console.print(json ? try JSONOutput.render(value) : text(value))
    }
}

/// `--encoding` of the CSV imports.
enum EncodingArgument: String, ExpressibleByArgument, CaseIterable {
    case auto
    case utf8 = "utf-8"
    case cp932

    var choice: TextEncodingChoice {
        switch self {
        case .auto: .auto
        case .utf8: .utf8
        case .cp932: .cp932
        }
    }
}

/// `--date`: the day a command evaluates as of.
struct DayOption: ParsableArguments {
    @Option(help: ArgumentHelp("Evaluate as of this day (default: today in the config's time zone).", valueName: "YYYY-MM-DD"))
    var date: String?

    func day(_ session: Session) throws(KenshuError) -> LocalDate {
        try CourseRecommendations.day(date, session: session)
    }
}
