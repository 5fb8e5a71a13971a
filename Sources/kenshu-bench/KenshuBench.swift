import ArgumentParser
import Foundation

/// `kenshu-bench`: the project's generators and benchmarks (not installed on the HR server).
@main
struct KenshuBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kenshu-bench",
        abstract: "Generators and benchmarks for Kenshu.",
        subcommands: [ExampleCityCommand.self, StaffImportBenchmark.self, FeedImportBenchmark.self, RecommendBenchmark.self, AssignCommand.self, MentorBenchmark.self, CycleBenchmark.self, DeliveryBenchmark.self, ConsoleBenchmark.self]
    )

    /// Usage and input errors exit 2, as every Kenshu command does (not ArgumentParser's 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
