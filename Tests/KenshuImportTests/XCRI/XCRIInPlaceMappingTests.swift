import Foundation
import KenshuCore
import KenshuXML
import Testing
@testable import KenshuImport

/// Courses captured by the SAX reader, and courses mapped in place from libxml2's nodes, are
/// the courses mapped from a tree of `XMLNode`s (the path a validating reader takes),
/// warnings included, on every real feed and every validator fixture that reads. So are
/// courses handed over unmapped and mapped later, after the reader has moved on (or finished),
/// or on the storing side of a `FeedPipeline` while the reading thread goes on.
struct XCRIInPlaceMappingTests {
    static var files: [String] {
        (XCRIMaterial.xmlFiles(under: XCRIMaterial.feeds) + XCRIMaterial.xmlFiles(under: XCRIMaterial.fixtures)).map(\.path)
    }

    enum Way: CaseIterable {
        case capture, inPlace, tree
        /// Every other course, or every course, handed over unmapped and mapped once the whole feed is read.
        case unmappedHalf, unmappedAll
        /// Through a `FeedPipeline` whose storing side maps half the courses.
        case pipeline
    }

    /// What a sink was handed, in order, for mapping later.
    private final class DeferringSink: CourseSink {
        enum Event { case course(Course), unmapped(UnmappedCourse), warning(String) }
        let every: Int
        var events: [Event] = []
        var offered = 0

        init(every: Int) { self.every = every }

        func course(_ course: Course) { events.append(.course(course)) }
        func warning(_ warning: FeedWarning) { events.append(.warning(warning.description)) }
        func unmapped(_ course: UnmappedCourse) { events.append(.unmapped(course)) }
        func takesUnmapped() -> Bool {
            offered += 1
            return offered % every == 0
        }

        /// The courses and warnings, the unmapped courses mapped now.
        func replay() -> (courses: [Course], warnings: [String]) {
            var courses: [Course] = []
            var warnings: [String] = []
            for event in events {
                switch event {
                case .course(let course): courses.append(course)
                case .warning(let warning): warnings.append(warning)
                case .unmapped(let unmapped):
                    if let course = unmapped.map(warning: { warnings.append($0.description) }) { courses.append(course) }
                }
            }
            return (courses, warnings)
        }
    }

    /// Writes `xml` to a new temporary file and returns its path.
    private func feedFile(_ xml: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-mapping-\(UUID().uuidString).xml").path
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The courses and warnings of a read, or the error that stopped it.
    private func read(_ path: String, _ way: Way) -> (courses: [Course], warnings: [String], error: String?) {
        switch way {
        case .unmappedHalf, .unmappedAll:
            let sink = DeferringSink(every: way == .unmappedAll ? 1 : 2)
            var error: String?
            do {
                try XCRICAPReader(path: path).read(into: sink)
            } catch let failure {
                error = String(describing: failure)
            }
            let (courses, warnings) = sink.replay()
            return (courses, warnings, error)
        case .pipeline:
            return readThroughPipeline(path)
        case .capture, .inPlace, .tree:
            break
        }
        var courses: [Course] = []
        var warnings: [String] = []
        do {
            var reader = way == .capture ? try XCRICAPReader(path: path) : XCRICAPReader(reader: try XMLStreamReader(path: path))
            reader.mapsInPlace = way == .inPlace
            try reader.read(course: { courses.append($0) }, warning: { warnings.append($0.description) })
            return (courses, warnings, nil)
        } catch {
            return (courses, warnings, String(describing: error))
        }
    }

    private func readThroughPipeline(_ path: String) -> (courses: [Course], warnings: [String], error: String?) {
        var courses: [Course] = []
        var warnings: [String] = []
        let pipeline = FeedPipeline(capacity: 8, fixedShare: 8)
        pipeline.start { try FeedImporter.makeReader(.xcriCAP, path: path, limits: XMLLimits(), encoding: nil, nil) }
        defer { pipeline.cancel() }
        do {
            var batch: [FeedPipeline.Item] = []
            while try pipeline.next(into: &batch) {
                for item in batch {
                    switch item {
                    case .course(let course): courses.append(course)
                    case .warning(let warning): warnings.append(warning.description)
                    case .unmapped(let unmapped):
                        if let course = unmapped.map(warning: { warnings.append($0.description) }) { courses.append(course) }
                    }
                }
            }
            return (courses, warnings, nil)
        } catch {
            return (courses, warnings, String(describing: error))
        }
    }

    @Test(.enabled(if: XCRIMaterial.hasFeeds || XCRIMaterial.hasFixtures, "no XCRI-CAP material at ../shared/xcri-cap"),
          arguments: files)
    func everyWayGivesTheSameCourses(path: String) {
        let tree = read(path, .tree)
        for way in Way.allCases where way != .tree {
            let other = read(path, way)
            #expect(other.courses == tree.courses, "\(way)")
            #expect(other.warnings == tree.warnings, "\(way)")
            #expect(other.error == tree.error, "\(way)")
        }
    }

    @Test func aCourseWithEveryFieldMapsTheSameEveryWay() throws {
        let xml = xcriCatalog(XCRICAPReaderTests.oneCourse + """
            <course>
              <dc:identifier>C-2</dc:identifier>
              <dc:title>  </dc:title><dc:title>Second  title</dc:title>
              <dc:description xsi:type="keywords">kw</dc:description>
              <dc:description><div xmlns="http://www.w3.org/1999/xhtml"><p>One</p><p>Two &amp; <b>three</b></p></div></dc:description>
              <presentation>
                <start>Monday 30 September 2013</start>
                <applyuntil dtf="not a date">soon</applyuntil>
                <venue>Main hall</venue>
              </presentation>
              <presentation><end dtf="2026-01-01"/><start dtf="2026-02-01"/></presentation>
            </course>
            """)
        let path = try feedFile(xml)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let tree = read(path, .tree)
        #expect(tree.courses.count == 2)
        #expect(tree.courses.last?.summary == "One Two & three")
        #expect(tree.warnings.count == 3)  // the prose start, the dtf that is no date, the end before the start
        for way in Way.allCases where way != .tree {
            let other = read(path, way)
            #expect(other.courses == tree.courses, "\(way)")
            #expect(other.warnings == tree.warnings, "\(way)")
        }
    }

    /// Every course brings names never seen before, so the reader's name table is replaced
    /// again and again while courses handed over unmapped wait: each is mapped with the names
    /// of its own moment, later or on the other thread.
    @Test func coursesMappedLaterReadTheNamesOfTheirMoment() throws {
        let courses = (0..<300).map { index in
            """
            <course>
              <dc:identifier>C-\(index)</dc:identifier>
              <dc:title>研修 \(index)</dc:title>
              <x\(index):extra xmlns:x\(index)="urn:kenshu:extra:\(index)" x\(index):n\(index)="v">skipped</x\(index):extra>
              <dc:subject identifier="S\(index)">分野 \(index % 7)</dc:subject>
              \(index % 2 == 0 ? "<description>説明 \(index)</description>" : "<dc:description>説明 \(index)</dc:description>")
              <presentation><start dtf="2027-01-\(10 + index % 9)"/><end dtf="2027-01-0\(1 + index % 9)"/></presentation>
            </course>
            """
        }
        let path = try feedFile(xcriCatalog(courses.joined(separator: "\n")))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let captured = read(path, .capture)
        #expect(captured.courses.count == 300)
        #expect(captured.courses.last?.subjects == ["分野 5", "S299"])
        #expect(captured.warnings.count > 0)  // some presentations end before they start
        for way in [Way.unmappedHalf, .unmappedAll, .pipeline] {
            let other = read(path, way)
            #expect(other.courses == captured.courses, "\(way)")
            #expect(other.warnings == captured.warnings, "\(way)")
            #expect(other.error == nil, "\(way)")
        }
    }
}
