import Foundation
import KenshuCore
import Testing
@testable import KenshuStore

/// Course catalogues: per-provider replacement in one transaction, retirement, no-op re-imports.
struct CatalogStoreTests {
    let academy = CourseProvider(id: "jamp", name: "市町村職員中央研修所")
    let prefecture = CourseProvider(id: "niigata", name: "新潟県自治研修所")

    func course(_ id: String, _ provider: CourseProvider, title: String = "政策形成研修", seats: Int = 30) -> Course {
        Course(provider: provider, id: id, title: title, presentations: [
            Presentation(id: "\(id)-1", start: LocalDate(year: 2027, month: 1, day: 20), end: LocalDate(year: 2027, month: 1, day: 22),
                         seats: seats),
        ])
    }

    func replace(_ store: KenshuStore, _ courses: [Course]) throws -> CatalogChanges {
        try store.replaceCatalog(source: "feed.xml", format: "test") { replacement in
            for course in courses { try replacement.store(course) }
            return 0
        }
    }

    @Test func aSecondImportOfTheSameFeedChangesNothing() throws {
        let store = try KenshuStore.inMemory()
        let feed = [course("A", academy), course("B", academy)]
        #expect(try replace(store, feed) == CatalogChanges(providers: ["jamp"], added: 2))
        #expect(try replace(store, feed) == CatalogChanges(providers: ["jamp"], unchanged: 2))
        #expect(try store.courses(provider: "jamp").map(\.id) == ["A", "B"])
    }

    @Test func aCourseMissingFromTheFeedIsRetiredAndComesBack() throws {
        let store = try KenshuStore.inMemory()
        _ = try replace(store, [course("A", academy), course("B", academy)])
        #expect(try replace(store, [course("A", academy, seats: 40)]) == CatalogChanges(providers: ["jamp"], updated: 1, retired: 1))
        #expect(try store.courses(provider: "jamp").map(\.id) == ["A"])
        #expect(try store.courses(provider: "jamp").first?.presentations.first?.seats == 40)
        #expect(try replace(store, [course("A", academy, seats: 40), course("B", academy)])
            == CatalogChanges(providers: ["jamp"], updated: 1, unchanged: 1))
    }

    @Test func anotherProvidersFeedLeavesThisOneAlone() throws {
        let store = try KenshuStore.inMemory()
        _ = try replace(store, [course("A", academy)])
        _ = try replace(store, [course("X", prefecture)])
        #expect(try store.courses(provider: "jamp").map(\.id) == ["A"])
        let catalogs = try store.providerCatalogs()
        #expect(catalogs.map(\.id) == ["jamp", "niigata"])
        #expect(catalogs.map(\.courses) == [1, 1])
        #expect(catalogs.first?.lastImport?.succeeded == true)
    }

    struct FeedBroke: Error {}

    @Test func aFeedThatFailsHalfWayLeavesTheOldCatalogue() throws {
        let store = try KenshuStore.inMemory()
        _ = try replace(store, [course("A", academy), course("B", academy)])
        #expect(throws: FeedBroke.self) {
            try store.replaceCatalog(source: "feed.xml", format: "test") { replacement in
                try replacement.store(self.course("C", self.academy))
                try replacement.store(self.course("A", self.academy, title: "変更された研修"))
                throw FeedBroke()
            }
        }
        #expect(try store.courses(provider: "jamp").map(\.title) == ["政策形成研修", "政策形成研修"])
        #expect(try store.latestFeedImports().count == 1)
    }

    /// Each import's generation stays new after the import log is pruned: the courses of a
    /// feed imported again are unchanged, not taken for ones this import listed already.
    @Test func anImportAfterTheLogWasPrunedStillFindsItsCoursesUnchanged() throws {
        let store = try KenshuStore.inMemory()
        #expect(try replace(store, [course("A", academy), course("B", academy)]).added == 2)
        try store.write { db in try db.execute(sql: "DELETE FROM feed_import") }
        let again = try replace(store, [course("A", academy), course("B", academy)])
        #expect(again == CatalogChanges(providers: [academy.id], unchanged: 2))
        #expect(try store.courses(provider: academy.id).map(\.id) == ["A", "B"])
    }

    @Test func titleKeysFoldWidthAndSpaces() {
        #expect(CourseTitleKey.make("ＤＸ推進 リーダー研修") == CourseTitleKey.make("DX推進リーダー研修"))
        #expect(CourseTitleKey.make("ｾｷｭﾘﾃｨ研修") == CourseTitleKey.make("セキュリティ研修"))
    }

    @Test func theCanonicalJSONReadsBackAsTheSameCourse() throws {
        var course = Course(
            provider: CourseProvider(id: "p", name: "研修所 \"本館\"", url: "https://example.jp/"), id: "C-1",
            title: "法務\n研修\\", summary: "tab\there \u{1}", url: nil, kind: "external.rank-based", families: [.general, .fire],
            ranks: ["係長"], abilities: [AbilityWeight(ability: 8, weight: 0.5)], digitalTier: "dx-leader", subjects: ["LAW"],
            presentations: [Presentation(id: "1", start: LocalDate(year: 2027, month: 4, day: 1),
                                         end: LocalDate(year: 2027, month: 12, day: 31), applyBy: LocalDate(year: 999, month: 1, day: 9),
                                         venue: "新潟", attendance: .online, seats: 20, cost: "無料")],
            line: 12)
        let json = CourseJSON.encode(course)
        // Compact: what the row's columns hold is left out, and so are empty lists.
        #expect(!json.contains("\"provider\"") && !json.contains("\"title\""))
        #expect(json.contains(#""start":"2027-04-01","#) && json.contains(#""applyBy":"0999-01-09""#))
        let decoded = try JSONDecoder().decode(StoredCourse.self, from: Data(json.utf8))
        course.line = nil
        #expect(decoded.course(provider: course.provider, title: course.title) == course)
        let bare = Course(provider: course.provider, id: "B", title: "t")
        #expect(CourseJSON.encode(bare) == #"{"id":"B"}"#)
        #expect(try JSONDecoder().decode(StoredCourse.self, from: Data(#"{"id":"B"}"#.utf8))
            .course(provider: bare.provider, title: "t") == bare)
    }

    /// A row written before migration 010: provider and title inside, every list, dates as
    /// objects. It reads as the same course.
    @Test func aCourseRowOfTheFormerFormReadsAsTheSameCourse() throws {
        let former = """
            {"abilities":[],"families":[],"id":"B-0","presentations":[{"attendance":"onsite",\
            "applyBy":{"day":1,"month":1,"year":2027},"cost":"無料","end":{"day":12,"month":1,"year":2027},"id":"B-0-1",\
            "seats":20,"start":{"day":10,"month":1,"year":2027},"venue":"第1研修室"}],"provider":{"id":"bench",\
            "name":"研修機関","url":"https://training.example.jp/"},"ranks":[],"subjects":["政策法務"],"summary":"説明",\
            "title":"政策形成研修","url":"https://training.example.jp/courses/B-0"}
            """
        let provider = CourseProvider(id: "bench", name: "研修機関", url: "https://training.example.jp/")
        let course = try JSONDecoder().decode(StoredCourse.self, from: Data(former.utf8)).course(provider: provider, title: "政策形成研修")
        #expect(course == Course(
            provider: provider, id: "B-0", title: "政策形成研修", summary: "説明", url: "https://training.example.jp/courses/B-0",
            subjects: ["政策法務"],
            presentations: [Presentation(id: "B-0-1", start: LocalDate(year: 2027, month: 1, day: 10),
                                         end: LocalDate(year: 2027, month: 1, day: 12), applyBy: LocalDate(year: 2027, month: 1, day: 1),
                                         venue: "第1研修室", attendance: .onsite, seats: 20, cost: "無料")]))
    }

    /// A stored course's provider is the provider as its latest import named it.
    @Test func coursesNameTheirProviderAsItsLatestImportDid() throws {
        let store = try KenshuStore.inMemory()
        _ = try replace(store, [course("A", academy)])
        var renamed = course("A", academy)
        renamed.provider.name = "新しい名前"
        let changes = try replace(store, [renamed])
        #expect(changes.unchanged == 1)
        #expect(try store.courses(provider: academy.id).map(\.provider.name) == ["新しい名前"])
    }

    @Test func theSameCourseFromTwoProvidersIsOneListingWithBothSources() throws {
        let store = try KenshuStore.inMemory()
        _ = try replace(store, [course("A", academy, title: "ＤＸ推進 リーダー研修"), course("B", academy, title: "法制執務研修")])
        _ = try replace(store, [course("X", prefecture, title: "DX推進リーダー研修"), course("Y", prefecture, title: "法制執務研修")])
        var other = course("Z", prefecture, title: "法制執務研修")
        other.presentations[0].start = LocalDate(year: 2027, month: 3, day: 1)
        _ = try replace(store, [course("X", prefecture, title: "DX推進リーダー研修"), course("Y", prefecture, title: "法制執務研修"), other])
        let listings = try store.courseListings()
        #expect(listings.count == 3)
        let dx = try #require(listings.first { $0.course.id == "A" })
        #expect(dx.sources.map(\.provider.id) == ["jamp", "niigata"])
        #expect(dx.sources.map(\.courseID) == ["A", "X"])
        // Other dates: another course, though the title is the same.
        #expect(listings.contains { $0.course.id == "Z" && $0.sources.count == 1 })
    }

    @Test func aCourseListedTwiceInOneFeedKeepsTheFirst() throws {
        let store = try KenshuStore.inMemory()
        var outcomes: [CatalogReplacement.Outcome] = []
        let changes = try store.replaceCatalog(source: "feed.xml", format: "test") { replacement in
            outcomes.append(try replacement.store(self.course("A", self.academy)))
            outcomes.append(try replacement.store(self.course("A", self.academy, title: "二度目")))
            outcomes.append(try replacement.store(self.course("A", self.prefecture)))
            return 0
        }
        #expect(outcomes == [.added, .duplicate, .added])
        #expect(changes.duplicates == 1)
        #expect(try store.courses(provider: "jamp").map(\.title) == ["政策形成研修"])
        // The next import of the same feed is not a duplicate of the last one.
        #expect(try replace(store, [course("A", academy)]).unchanged == 1)
    }

    @Test func everyOutcomeFollowsEveryOtherInOneFeed() throws {
        // The statement tried first follows the last outcome: each outcome after each other.
        let store = try KenshuStore.inMemory()
        _ = try replace(store, [course("A", academy), course("B", academy), course("R", academy)])
        _ = try replace(store, [course("A", academy), course("B", academy)])
        var outcomes: [CatalogReplacement.Outcome] = []
        let changes = try store.replaceCatalog(source: "feed.xml", format: "test") { replacement in
            for course in [
                course("A", academy), course("N1", academy), course("N2", academy), course("B", academy),
                course("B", academy), course("N3", academy), course("A", academy), course("R", academy),
                course("N1", academy, seats: 5),
            ] {
                outcomes.append(try replacement.store(course))
            }
            return 0
        }
        #expect(outcomes == [.unchanged, .added, .added, .unchanged, .duplicate, .added, .duplicate, .updated, .duplicate])
        #expect(changes == {
            var expected = CatalogChanges(providers: ["jamp"], added: 3, updated: 1, unchanged: 2)
            expected.duplicates = 3
            return expected
        }())
        // R came back from retirement with the content it had: active again.
        #expect(try store.courses(provider: "jamp").map(\.id) == ["A", "B", "N1", "N2", "N3", "R"])
        #expect(try replace(store, [course("A", academy), course("R", academy)])
            == CatalogChanges(providers: ["jamp"], unchanged: 2, retired: 4))
    }

    @Test func aDryRunSaysWhatWouldChangeAndKeepsNothing() throws {
        let store = try KenshuStore.inMemory()
        _ = try replace(store, [course("A", academy), course("B", academy)])
        let changes = try store.replaceCatalog(source: "feed.xml", format: "test", dryRun: true) { replacement in
            try replacement.store(self.course("C", self.academy))
            return 0
        }
        #expect(changes == CatalogChanges(providers: ["jamp"], added: 1, retired: 2))
        #expect(try store.courses(provider: "jamp").map(\.id) == ["A", "B"])
        #expect(try store.latestFeedImports().count == 1)
    }

    @Test func theRecommendationLogFindsCoursesRecommendedEveryWeek() throws {
        let store = try KenshuStore.inMemory()
        _ = try store.replaceRoster([StaffMember(
            id: "1", name: "職員", email: nil, family: .general, department: "総務課", section: "", title: "主事", hiredOn: nil,
            rankSince: nil, track: nil, digitalTier: nil, mentorTrained: false, managerID: nil, optedOut: false)],
            run: ImportRun(kind: "roster", source: "r.csv", encoding: "UTF-8", rows: 1, summary: "", succeeded: true,
                           finishedAt: Date()))
        let thisWeek = try #require(ISOWeek(parsing: "2026-W48"))
        func log(_ course: String) -> LoggedRecommendation {
            LoggedRecommendation(staffID: "1", provider: "p", courseID: course, presentationID: "1", score: 1, mandatory: false)
        }
        for back in 1...3 {
            try store.recordRecommendations(week: thisWeek.minus(weeks: back), back == 2 ? [log("A")] : [log("A"), log("B")])
        }
        // Recorded twice in the same week: the second replaces the first.
        try store.recordRecommendations(week: thisWeek.minus(weeks: 1), [log("A"), log("B")])
        #expect(try store.recommendedEveryWeek(before: thisWeek, count: 3) == ["1": ["p\u{1F}A"]])
        #expect(try store.recommendedEveryWeek(before: thisWeek, count: 1) == ["1": ["p\u{1F}A", "p\u{1F}B"]])
        #expect(try store.recommendedEveryWeek(before: thisWeek, count: 0).isEmpty)
    }
}
