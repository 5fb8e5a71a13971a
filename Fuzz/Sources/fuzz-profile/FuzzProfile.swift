// libFuzzer target: feed mapping profiles and the feeds read through them. The first byte
// of the input chooses:
//   even: the rest is a profile file (`<catalog>/profiles/NAME.yaml`, NAME academy or
//         jichi-kenshujo by bit 1) as `FeedProfileLoader.load` reads it; a profile that loads
//         then reads the example feed of that name (`Catalog/example/feeds/NAME.xml`), so that
//         fuzzed paths and value maps meet a real document.
//   odd:  the rest is a feed file, read as the import does with the shipped profiles
//         (`Catalog/profiles/*.yaml`): format detection by the root element, then
//         `ProfileFeedReader` over the libxml2 stream reader and the profile course mapper.
// Thrown errors are expected; crashes, traps, ASan reports, leaks and hangs are findings.
import Foundation
import FuzzSupport
import KenshuCore
@testable import KenshuImport

private let catalog = FuzzSupport.catalog
private let profilesDirectory = FuzzSupport.catalogDirectory + "/profiles"
private let exampleFeeds = FuzzSupport.catalogDirectory + "/example/feeds"
private let names = ["academy", "jichi-kenshujo"]
private let shippedProfiles: [FeedProfile] = {
    do {
        return try names.map { name throws(FeedProfileError) in
            try FeedProfileLoader.load(name: name, inDirectory: profilesDirectory, catalog: catalog)
        }
    } catch {
        fatalError("fuzz setup: cannot load the shipped profiles from \(profilesDirectory): \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = data[0]
    let rest = FuzzSupport.bytes(data + 1, size - 1)
    if selector & 1 == 0 {
        let name = names[Int(selector >> 1) & 1]
        let text = String(decoding: rest, as: UTF8.self)
        do {
            let profile = try FeedProfileLoader.parse(text, file: "\(profilesDirectory)/\(name).yaml", catalog: catalog)
            FuzzSupport.blackHole(profile)
            try FeedReading.importRead(profile: profile, path: "\(exampleFeeds)/\(name).xml")
        } catch {
            FuzzSupport.describe(error)
        }
    } else {
        guard !rest.isEmpty else { return 0 }
        let path = FuzzSupport.scratchFile(rest, suffix: "xml")
        do {
            try FeedReading.importRead(path: path, profiles: shippedProfiles)
        } catch {
            FuzzSupport.describe(error)
        }
    }
    return 0
}
