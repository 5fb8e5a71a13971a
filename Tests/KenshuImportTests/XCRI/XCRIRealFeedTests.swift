import Foundation
import KenshuCore
import KenshuImport
import KenshuXML
import Testing

/// The reader on the real institutional feeds of the shared material (2011–2013).
@Suite(.enabled(if: XCRIMaterial.hasFeeds, "the XCRI-CAP feeds are not at ../shared/xcri-cap/feeds next to the repository"))
struct XCRIRealFeedTests {
    /// Per feed: courses, presentations, warnings.
    static let expected: [String: (courses: Int, presentations: Int, warnings: Int)] = [
        "NorthLindseyCollege_20120223.xml": (1, 0, 1),
        "OpenUniversity_ou-example.xml": (2, 4, 0),
        "Oxford_moxie-courses_graduate-training_xcri.xml": (3, 4, 0),
        "UniversityOfCentralLancaster_20120228.xml": (1, 2, 0),
        "UniversityOfHertfordshire_20120312.xml": (1, 1, 0),
        "UniversityOfSheffield_20120406.xml": (320, 320, 0),
        "wychwolf-moodle.xml": (1, 1, 0),
    ]

    func read(_ name: String) throws -> XCRIRead {
        try readXCRI(XCRICAPReader(path: XCRIMaterial.feeds.appendingPathComponent(name).path))
    }

    @Test(arguments: XCRIMaterial.feedNames)
    func everyFeedReadsWithCourses(name: String) throws {
        let read = try read(name)
        #expect(!read.courses.isEmpty)
        #expect(read.courses.allSatisfy { !$0.id.isEmpty && !$0.title.isEmpty && !$0.provider.id.isEmpty })
        if let expected = Self.expected[name] {
            #expect(read.courses.count == expected.courses)
            #expect(read.courses.reduce(0) { $0 + $1.presentations.count } == expected.presentations)
            #expect(read.warnings.count == expected.warnings, "\(read.warnings)")
        }
    }

    @Test func sheffieldHas320CoursesWithCodesForIDs() throws {
        let read = try read("UniversityOfSheffield_20120406.xml")
        #expect(read.courses.count == 320)
        #expect(Set(read.courses.map(\.id)).count == 320)
        let medicine = try #require(read.course("A100"))
        #expect(medicine.title == "Medicine")
        #expect(medicine.subjects == ["Pre-clinical medicine", "A100"])
        #expect(medicine.provider == CourseProvider(
            id: "http://www.sheffield.ac.uk/", name: "University of Sheffield", url: "http://www.sheffield.ac.uk/"))
        let presentation = try #require(medicine.presentations.first)
        #expect(presentation.id == "504995")
        #expect(presentation.start == LocalDate(year: 2013, month: 9, day: 30))
        #expect(presentation.venue == "University of Sheffield")
    }

    @Test func oxfordPrefixedFeedWithSeveralProviders() throws {
        let read = try read("Oxford_moxie-courses_graduate-training_xcri.xml")
        #expect(read.courses.map(\.provider.name) == ["Humanities Division", "Humanities Division", "Digital Humanities Division"])
        let workshop = try #require(read.course("5E00D50013"))
        #expect(workshop.title == "Monograph Publishing Workshop")
        #expect(workshop.summary.hasPrefix("This workshop is open to graduate students"))
        #expect(workshop.summary.contains("* Interdisciplinary work & essay collections *"))
        #expect(workshop.presentations.map(\.id) == ["19322", "19321"])
        let first = try #require(workshop.presentations.first)
        #expect(first == Presentation(
            id: "19322", start: LocalDate(year: 2012, month: 6, day: 15), end: LocalDate(year: 2012, month: 6, day: 15),
            applyBy: LocalDate(year: 2012, month: 5, day: 28), venue: "University Club", attendance: .onsite, seats: 14))
    }

    @Test func northLindseyPresentationEndingBeforeItStartsIsSkipped() throws {
        let read = try read("NorthLindseyCollege_20120223.xml")
        let course = try #require(read.courses.first)
        #expect(course.id == "PF12001")
        #expect(course.title == "LEVEL 1 DIPLOMA IN ART, DESIGN & MEDIA")
        // An XHTML div in an XCRI `description` (not dc:).
        #expect(course.summary.hasPrefix("If you love drawing, painting and making things"))
        // The UKPRN, typed, is its only identifier.
        #expect(course.provider.id == "10004695")
        #expect(course.presentations.isEmpty)
        #expect(read.warnings.map(\.description) == [
            "\(XCRIMaterial.feeds.appendingPathComponent("NorthLindseyCollege_20120223.xml").path):59: PF12001/PF12001:"
                + " the presentation ends (2012-09-05) before it starts (2013-06-30) (skipped)",
        ])
    }

    @Test func openUniversityDatesInTheTextAndTheByteOrderMark() throws {
        let read = try read("OpenUniversity_ou-example.xml")
        let course = try #require(read.course("http://data.open.ac.uk/course/a174"))
        #expect(course.subjects == ["KC.3", "Literature and Creative Writing"])
        #expect(course.summary.hasPrefix("If you've ever considered writing a novel"))
        let presentation = try #require(course.presentations.first)
        #expect(presentation.id == "A1742011E")
        #expect(presentation.start == LocalDate(year: 2011, month: 5, day: 7))
        #expect(presentation.end == LocalDate(year: 2011, month: 8, day: 31))
        #expect(presentation.applyBy == LocalDate(year: 2011, month: 4, day: 8))
        #expect(presentation.cost == "UK fee: GBP155.00; Ireland fee: GBP340.00; Continental Europe fee: GBP385.00")
        #expect(presentation.attendance == .unknown)
    }

    @Test func venuesAndAttendanceModes() throws {
        let uclan = try #require(try read("UniversityOfCentralLancaster_20120228.xml").courses.first)
        #expect(uclan.presentations.map(\.venue) == [nil, "UCLan Burnley Campus"])
        #expect(uclan.presentations.map(\.attendance) == [.onsite, .onsite])
        #expect(uclan.presentations.first?.start == LocalDate(year: 2012, month: 9, day: 1))
        let wychwolf = try #require(try read("wychwolf-moodle.xml").courses.first?.presentations.first)
        #expect(wychwolf.attendance == .online)
        #expect(wychwolf.cost == "free")
        let herts = try #require(try read("UniversityOfHertfordshire_20120312.xml").courses.first)
        #expect(herts.id == "EIEE")
        #expect(herts.subjects == ["H600", "subject"])
    }
}
