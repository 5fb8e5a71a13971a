import KenshuCore
import KenshuXML
import KenshuTesting
import Testing
@testable import KenshuImport

/// The reading thread and the storing side: everything arrives in order, a reader's failure
/// reaches the storing side, and a storing side that gives up never leaves the reader hanging.
struct FeedPipelineTests {
    /// A reader that produces `count` courses, then fails if asked to.
    struct CountingReader: CourseFeedReader {
        let count: Int
        let failAtEnd: Bool

        func read(course: (Course) throws -> Void, warning: (FeedWarning) -> Void) throws {
            let provider = CourseProvider(id: "p", name: "P")
            for index in 0..<count {
                if index == 3 { warning(FeedWarning("third", at: SourceLocation(file: "f.xml", line: index))) }
                try course(Course(provider: provider, id: "C-\(index)", title: "研修 \(index)"))
            }
            if failAtEnd { throw XMLReadError("cut short", at: SourceLocation(file: "f.xml", line: 99)) }
        }
    }

    func start(_ pipeline: FeedPipeline, count: Int, failAtEnd: Bool = false) {
        pipeline.start { (CountingReader(count: count, failAtEnd: failAtEnd), { 0 }) }
    }

    @Test func everythingArrivesInOrder() throws {
        let pipeline = FeedPipeline(capacity: 4)
        start(pipeline, count: 1_000)
        var ids: [String] = []
        var warnings = 0
        var batch: [FeedPipeline.Item] = []
        while try pipeline.next(into: &batch) {
            for item in batch {
                switch item {
                case .course(let course): ids.append(course.id)
                case .warning: warnings += 1
                case .unmapped: Issue.record("the counting reader maps every course")
                }
            }
        }
        pipeline.cancel()
        #expect(ids == (0..<1_000).map { "C-\($0)" })
        #expect(warnings == 1)
    }

    /// The storing side's batches go back to the reading side (to be freed there and their
    /// buffers reused) while new ones arrive: nothing is lost, repeated or reordered.
    @Test(arguments: [2, 16, 1_024])
    func batchesHandedBackKeepEverythingInOrder(capacity: Int) throws {
        let pipeline = FeedPipeline(capacity: capacity)
        start(pipeline, count: 20_000)
        var ids: [String] = []
        var batch: [FeedPipeline.Item] = []
        while try pipeline.next(into: &batch) {
            for case .course(let course) in batch { ids.append(course.id) }
        }
        pipeline.cancel()
        #expect(ids == (0..<20_000).map { "C-\($0)" })
    }

    @Test func theReadersFailureReachesTheStoringSide() throws {
        let pipeline = FeedPipeline(capacity: 4)
        start(pipeline, count: 10, failAtEnd: true)
        var received = 0
        var batch: [FeedPipeline.Item] = []
        let error = try #require(throws: XMLReadError.self) {
            while try pipeline.next(into: &batch) { received += batch.count }
        }
        pipeline.cancel()
        #expect(error.description.contains("cut short"))
        #expect(received == 11)
    }

    @Test func givingUpStopsTheReaderInsteadOfLeavingItBlocked() throws {
        let pipeline = FeedPipeline(capacity: 2)
        start(pipeline, count: 100_000)
        var batch: [FeedPipeline.Item] = []
        _ = try pipeline.next(into: &batch)
        // cancel() returns only once the reader has stopped; a reader left blocked fails here.
        #expect(Waiting.returns(within: .seconds(30)) { pipeline.cancel() })
    }
}
