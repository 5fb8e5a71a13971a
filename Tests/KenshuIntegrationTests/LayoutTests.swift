import Foundation
import KenshuTesting
import Testing

/// The source tree keeps its shape: each target imports only the targets below it in the
/// data flow (docs/design.md), and nothing test-only reaches the production binary.
struct LayoutTests {
    /// What each target may import of Kenshu's own targets (the rest are system modules and
    /// packages). Mirrors Package.swift; a new arrow is added in both places, on purpose.
    static let allowed: [String: Set<String>] = [
        "KenshuCore": [],
        "KenshuPOSIX": ["CSystemShims"],
        "KenshuXML": ["CLibXML2", "KenshuCore"],
        "KenshuConfig": ["KenshuCore"],
        "KenshuStore": ["KenshuCore", "KenshuPOSIX"],
        "KenshuImport": ["KenshuCore", "KenshuPOSIX", "KenshuXML", "KenshuConfig", "KenshuStore"],
        "KenshuMatch": ["KenshuCore"],
        "KenshuMail": ["KenshuCore", "KenshuPOSIX", "KenshuConfig", "KenshuStore", "KenshuMatch"],
        "KenshuCycle": ["KenshuCore", "KenshuPOSIX", "KenshuConfig", "KenshuStore", "KenshuImport", "KenshuMatch", "KenshuMail"],
        "KenshuDaemon": ["KenshuCore", "KenshuPOSIX", "KenshuConfig", "KenshuStore", "KenshuImport", "KenshuMail", "KenshuCycle"],
        "KenshuConsole": ["KenshuCore", "KenshuPOSIX", "KenshuConfig", "KenshuStore", "KenshuImport", "KenshuMatch", "KenshuMail",
                          "KenshuCycle"],
        "kenshu": ["KenshuCore", "KenshuConfig", "KenshuStore", "KenshuImport", "KenshuMatch", "KenshuMail", "KenshuCycle",
                   "KenshuDaemon", "KenshuConsole"],
        "kenshu-bench": ["KenshuCore", "KenshuConfig", "KenshuStore", "KenshuImport", "KenshuXML", "KenshuMatch",
                         "KenshuCycle"],
    ]

    static let sources = RepositoryPaths.root.appendingPathComponent("Sources")

    /// Every Swift file of `target`, with its text.
    static func files(of target: String) throws -> [(path: String, text: String)] {
        let folder = sources.appendingPathComponent(target)
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return try walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map { name in
            let path = folder.appendingPathComponent(name).path
            return (path, try String(contentsOfFile: path, encoding: .utf8))
        }
    }

    @Test func everyTargetIsListed() throws {
        // The C targets (a module map, a shim) hold no Swift.
        let targets = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
            .filter { !["CLibXML2", "CSystemShims"].contains($0) }
        #expect(Set(targets) == Set(Self.allowed.keys))
    }

    @Test(arguments: allowed.keys.sorted())
    func importsPointOneWay(target: String) throws {
        let ownTargets = Set(Self.allowed.keys).union(["CLibXML2"])
        let permitted = Self.allowed[target] ?? []
        for file in try Self.files(of: target) {
            for line in file.text.split(separator: "\n") where line.hasPrefix("import ") || line.hasPrefix("@testable import ") {
                let module = String(line.split(separator: " ").last ?? "")
                guard ownTargets.contains(module) else { continue }
                #expect(permitted.contains(module), "\(file.path) imports \(module), which \(target) may not import")
            }
        }
    }

    /// The domain values and the matching core take values and return values: no Foundation,
    /// so no files, clock or network can creep in.
    @Test(arguments: ["KenshuCore", "KenshuMatch"])
    func theCoreImportsNoFoundation(target: String) throws {
        for file in try Self.files(of: target) {
            #expect(!file.text.split(separator: "\n").contains("import Foundation"), "\(file.path) imports Foundation")
        }
    }

    @Test func theKillTestsCrashPointIsInTestBuildsOnly() throws {
        for target in Self.allowed.keys {
            for file in try Self.files(of: target) where file.text.contains("_exit(137)") {
                #expect(file.text.hasPrefix("#if DEBUG\n") && file.text.hasSuffix("#endif\n"),
                        "\(file.path) ends the process as a kill would, outside a test-only (#if DEBUG) file")
            }
        }
    }
}
