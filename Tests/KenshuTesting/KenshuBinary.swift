import Foundation

/// Runs the real `kenshu` binary as a process, as an admin or systemd would.
public struct KenshuBinary {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public static let repository = RepositoryPaths.root

    /// A built product (`kenshu`, `kenshu-bench`): in `$KENSHU_BIN_DIR`, else beside the test
    /// bundle, else in `.build/debug`.
    public static func path(of product: String) -> String {
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

    /// Runs `product` with `arguments`; `environment` adds to (or replaces in) the test's own;
    /// `input`, when given, is the program's standard input (else it inherits the test's).
    public static func run(
        _ arguments: [String], in directory: URL? = nil, product: String = "kenshu", environment: [String: String] = [:],
        input: String? = nil
    ) throws -> Result {
        try run(program: path(of: product), arguments, in: directory, environment: environment, input: input)
    }

    /// Runs any program (a script, a system tool) the same way.
    public static func run(
        program: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        input: String? = nil
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
        let stdin = input.map { _ in Pipe() }
        if let stdin { process.standardInput = stdin }
        try process.run()
        if let stdin, let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        // Read both pipes before waiting, so a large output cannot fill a pipe and block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension KenshuBinary {
    /// Runs each of `commands` (arguments of `product`) in its own process, all at once: each
    /// from its own thread, not from tasks, which the cooperative pool may run one after the
    /// other. The results are in the order of `commands`.
    public static func runAtOnce(_ commands: [[String]], product: String = "kenshu") throws -> [Result] {
        let results = Results(count: commands.count)
        let group = DispatchGroup()
        for (index, command) in commands.enumerated() {
            group.enter()
            Thread {
                results.set(index, Swift.Result { try run(command, product: product) })
                group.leave()
            }.start()
        }
        group.wait()
        return try results.all()
    }

    /// The results of `runAtOnce`, each set by its thread.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Swift.Result<Result, any Error>?]

        init(count: Int) {
            values = Array(repeating: nil, count: count)
        }

        func set(_ index: Int, _ value: Swift.Result<Result, any Error>) {
            lock.withLock { values[index] = value }
        }

        func all() throws -> [Result] {
            try lock.withLock { try values.map { try ($0 ?? .failure(CancellationError())).get() } }
        }
    }
}
