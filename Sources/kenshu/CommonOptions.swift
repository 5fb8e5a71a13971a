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
