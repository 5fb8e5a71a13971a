import ArgumentParser
import KenshuApp
import KenshuConfig
import KenshuImport

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The config file; paths in it are relative to it.", valueName: "FILE"))
    var config: String = KenshuConfiguration.Defaults.configFile

    @Flag(name: .long, help: "Machine-readable output (JSON).")
    var json = false

    /// Loads config, catalogue and rules.
    func context() throws(AppError) -> AppContext {
        try AppContext.load(configPath: config)
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
