// libFuzzer target: `kenshu.yaml` as `ConfigurationLoader.load` reads it: the bytes as
// UTF-8 text, then YAML through Yams and every section (paths, data, time zone, hr
// addresses, feeds, mail, schedule and watch). Thrown errors are expected; crashes, traps,
// ASan reports and hangs are findings.
import FuzzSupport
import KenshuConfig

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzSupport.text(data, size)
    do {
        FuzzSupport.blackHole(try ConfigurationLoader.parse(text, file: "/fuzz/etc/kenshu/kenshu.yaml"))
    } catch {
        FuzzSupport.describe(error)
    }
    return 0
}
