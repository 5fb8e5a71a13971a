// libFuzzer target: `rules.yaml` as `RulesLoader.load` reads it (the bytes as UTF-8 text,
// then YAML through Yams, the title aliases, course tags, matching and mentor sections),
// checked against the shipped policy catalogue; then the band resolver the aliases make, as
// every command's setup does. Thrown errors are expected; crashes, traps, ASan reports and
// hangs are findings.
import FuzzSupport
import KenshuConfig
import KenshuCore

private let catalog = FuzzSupport.catalog

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzSupport.text(data, size)
    do {
        let rules = try RulesLoader.parse(text, file: "/fuzz/etc/rules.yaml", catalog: catalog)
        FuzzSupport.blackHole(try BandResolver(catalog: catalog, aliases: rules.titleAliases))
    } catch {
        FuzzSupport.describe(error)
    }
    return 0
}
