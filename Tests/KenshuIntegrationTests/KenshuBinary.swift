import Foundation

/// Runs the real `kenshu` binary as a process, as an admin or systemd would.
struct KenshuBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A built product (`kenshu`, `kenshu-bench`): in `$KENSHU_BIN_DIR`, else beside the test
    /// bundle, else in `.build/debug`.
    static func path(of product: String) -> String {
        if let explicit = ProcessInfo.processInfo.environment["KENSHU_BIN_DIR"] {
            return URL(fileURLWithPath: explicit).appendingPathComponent(product).path
        }
        if let beside = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent(product).path,
           FileManager.default.isExecutableFile(atPath: beside) {
            return beside
        }
        for folder in [Bundle.main.bundleURL.deletingLastPathComponent(), repository.appendingPathComponent(".build/debug")] {
            let candidate = folder.appendingPathComponent(product).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return repository.appendingPathComponent(".build/debug/\(product)").path
    }

    /// Runs `product` with `arguments`; `environment` adds to (or replaces in) the test's own.
    static func run(
        _ arguments: [String], in directory: URL? = nil, product: String = "kenshu", environment: [String: String] = [:]
    ) throws -> Result {
        try run(program: path(of: product), arguments, in: directory, environment: environment)
    }

    /// Runs any program (a script, a system tool) the same way.
    static func run(
        program: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot fill a pipe and block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A temporary folder with a config that points at the repository's catalogue and example
/// rules, and keeps its state and mail spool inside the folder.
struct TemporaryCity {
    let folder: URL
    let config: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-it-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        config = folder.appendingPathComponent("kenshu.yaml").path
        let catalog = KenshuBinary.repository.appendingPathComponent("Catalog").path
        try """
            catalog: \(catalog)
            state: state
            spool: state/outgoing
            inbox: state/incoming
            rules: \(catalog)/example/rules.yaml
            """.write(toFile: config, atomically: true, encoding: .utf8)
    }

    /// Config lines naming the example city's HR exports and `feeds` as sources.
    static func exampleData(feeds: [String]) -> String {
        """
        data:
          roster: \(example("roster.csv"))
          evaluations: \(example("evaluations.csv"))
          history: \(example("history.csv"))
        feeds:
          sources:
        \(feeds.map { "    - " + example("feeds/\($0)") }.joined(separator: "\n"))

        """
    }

    /// A file of the example city.
    static func example(_ name: String) -> String {
        KenshuBinary.repository.appendingPathComponent("Catalog/example/\(name)").path
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func kenshu(_ arguments: String...) throws -> KenshuBinary.Result {
        try KenshuBinary.run(arguments + ["--config", config])
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
