import ArgumentParser
import KenshuConfig
import KenshuCore
import KenshuCycle

/// `kenshu catalog show`.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog", abstract: "The policy catalogue (人材育成基本方針).", subcommands: [CatalogShow.self])
}

struct CatalogShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the 10 abilities, the skill maps with every band and expected behaviour, and the rest.")

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("Read the catalogue from this folder instead of the config's.", valueName: "DIR"))
    var catalog: String?

    func run() throws {
        let policy = try catalog.map { directory throws(KenshuError) in try Setup.loadCatalog(directory) }
            ?? common.setup().catalog
        try common.emit(CatalogOutput(policy)) { _ in CatalogText.render(policy) }
    }
}
