import ArgumentParser

/// `kenshu-bench`: the project's generators and benchmarks (not installed on the HR server).
@main
struct KenshuBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kenshu-bench",
        abstract: "Generators and benchmarks for Kenshu.",
        subcommands: [ExampleCityCommand.self, StaffImportBenchmark.self, FeedImportBenchmark.self, RecommendBenchmark.self, AssignCommand.self, MentorBenchmark.self]
    )
}
