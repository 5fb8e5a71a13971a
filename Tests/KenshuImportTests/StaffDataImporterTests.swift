import Foundation
import KenshuImport
import KenshuConfig
import KenshuCore
import KenshuStore
import Testing
import KenshuTesting
@testable import KenshuImport

/// Roster, evaluations and history imports: each bad-input case names file, line, column and value.
struct StaffDataImporterTests {
    let catalog: PolicyCatalog
    /// Removed after each test.
    let scratch: TemporaryFolder
    let folder: URL

    init() throws {
        let repository = RepositoryPaths.root
        catalog = try PolicyCatalogLoader.load(catalogDirectory: repository.appendingPathComponent("Catalog").path)
        scratch = try TemporaryFolder("kenshu-import")
        folder = scratch.url
    }

    func file(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func importer(_ store: KenshuStore) -> StaffDataImporter {
        StaffDataImporter(store: store, catalog: catalog)
    }

    /// For a roster with the required columns only: the config lists the others as absent.
    static let requiredColumnsOnly = StaffImportOptions(review: ImportReviewSettings(
        absentColumns: ["roster": RosterParser.columns.filter { !$0.required }.map(\.key)]))

    static let header = "職員番号,氏名,メール,職種,所属,係,職名,採用日,現職位発令日,キャリア,デジタル人材区分,メンター研修修了,上司職員番号,配信停止\n"

    func roster(_ store: KenshuStore) throws {
        let path = try file("roster.csv", Self.header + """
            100001,髙橋 花子,s100001@example.jp,一般職,総務課,人事係,係長,2005/4/1,2026-09-01,プロフェッショナル,DX推進リーダー,○,,
            100002,山﨑 太郎,s100002@example.jp,一般職,総務課,人事係,主事,令和6年4月1日,,ゼネラリスト,一般行政職員,,100001,○
            100003,"小千谷, 次郎",,保育士職,第一保育園,,保育士,2023-04-01,,,,,,

            """)
        _ = try importer(store).importFile(.roster, path: path)
    }

    /// The first error of a rejected import.
    func rejection(_ body: () throws(StaffImportError) -> Void) throws -> InputError {
        do {
            try body()
        } catch {
            guard case .invalid(let errors) = error, let first = errors.errors.first else {
                Issue.record("expected input errors, got \(error)")
                throw error
            }
            return first
        }
        Issue.record("the import was accepted")
        throw CancellationError()
    }

    @Test func importsARosterWithEveryColumn() throws {
        let store = try KenshuStore.inMemory()
        try roster(store)
        let staff = try store.allStaff()
        #expect(staff.count == 3)
        let first = try #require(staff.first)
        #expect(first.name == "髙橋 花子")
        #expect(first.rankSince?.description == "2026-09-01")
        #expect(first.track == "professional")
        #expect(first.digitalTier == "dx-leader")
        #expect(first.mentorTrained)
        #expect(staff[1].hiredOn?.description == "2024-04-01")
        #expect(staff[1].managerID == "100001")
        #expect(staff[1].optedOut)
        #expect(staff[2].name == "小千谷, 次郎")
        #expect(staff[2].email == nil)
        #expect(staff[2].family == .nursery)
    }

    /// The file the store's data came from, imported again, is recognised by its size and
    /// content hash and not parsed; one changed byte, and it is read and applied again.
    @Test func theSameFileAgainIsRecognisedWithoutParsingAndAChangedOneIsRead() throws {
        let store = try KenshuStore.inMemory()
        try roster(store)
        let path = folder.appendingPathComponent("roster.csv").path
        let again = try importer(store).importFile(.roster, path: path, options: StaffImportOptions())
        #expect(again.changes == "前回の取込と同じ内容のファイルのため、読み込みを省きました（変更なし）")
        #expect(again.rows == 3 && again.applied && again.review == nil)
        #expect(try store.latestSuccessfulImport(kind: "roster")?.summary == again.changes)
        let dry = try importer(store).importFile(.roster, path: path, options: StaffImportOptions(dryRun: true))
        #expect(!dry.applied && dry.changes == again.changes)

        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: ",係長,2005/4/1", with: ",課長,2005/4/1").write(toFile: path, atomically: true, encoding: .utf8)
        let changed = try importer(store).importFile(.roster, path: path, options: StaffImportOptions(accept: true))
        #expect(changed.changes.hasPrefix("追加 0・更新 1"), "\(changed.changes)")
        #expect(try store.allStaff().first?.title == "課長")
        #expect(FileFingerprint.of(Array("a".utf8)) != FileFingerprint.of(Array("b".utf8)))
        #expect(FileFingerprint.of([UInt8]()) == "0:cbf29ce484222325")
    }

    @Test func readsEnglishHeadersInAnyOrderAndListsUnknownColumns() throws {
        let store = try KenshuStore.inMemory()
        let path = try file("en.csv", "title,job_family,staff_id,name,department,内線番号\n主任,保育士職,7,A,東保育園,1234\n")
        let summary = try importer(store).importFile(.roster, path: path, options: Self.requiredColumnsOnly)
        #expect(summary.rows == 1)
        #expect(summary.ignoredColumns == ["内線番号"])
        #expect(try store.allStaff().first?.title == "主任")
    }

    @Test func readsACP932Roster() throws {
        let store = try KenshuStore.inMemory()
        let text = Self.header.replacingOccurrences(of: "\n", with: "\r\n")
            + "100001,髙橋 ①子,s1@example.jp,一般職,総務課,人事係,主事,2020-04-01,,,,,,\r\n"
        let path = folder.appendingPathComponent("cp932.csv").path
        try Data(try CP932.encode(text)).write(to: URL(fileURLWithPath: path))
        let summary = try importer(store).importFile(.roster, path: path)
        #expect(summary.encoding == "CP932")
        #expect(try store.allStaff().first?.name == "髙橋 ①子")
    }

    @Test(arguments: [
        ("1,A,,一般職,総務課,,主事,2026-13-01,,,,,,", 8, "採用日 (hired_on)"),
        ("1,A,,事務職,総務課,,主事,,,,,,,", 4, "職種 (job_family)"),
        (",A,,一般職,総務課,,主事,,,,,,,", 1, "職員番号 (staff_id)"),
        ("1,,,一般職,総務課,,主事,,,,,,,", 2, "氏名 (name)"),
        ("1,A,,一般職,総務課,,主事,2020-04-01,2019-04-01,,,,,", 9, "現職位発令日 (rank_since)"),
        ("1,A,,一般職,総務課,,主事,,,ジェネラリスト,,,,", 10, "キャリア (track)"),
        ("1,A,,一般職,総務課,,主事,,,,DX人材,,,", 11, "デジタル人材区分 (digital_tier)"),
        ("1,A,,一般職,総務課,,主事,,,,,たぶん,,", 12, "メンター研修修了 (mentor_trained)"),
        ("1,A,,一般職,総務課,,主事,,,,,,1,", 13, "上司職員番号 (manager_id)"),
        ("1 2,A,,一般職,総務課,,主事,,,,,,,", 1, "職員番号 (staff_id)"),
    ])
    func aBadRosterValueNamesLineColumnAndField(row: String, field: Int, label: String) throws {
        let store = try KenshuStore.inMemory()
        let path = try file("bad.csv", Self.header + "2,B,,一般職,総務課,,主事,,,,,,,\n" + row + "\n")
        let error = try rejection { () throws(StaffImportError) in _ = try importer(store).importFile(.roster, path: path) }
        #expect(error.location.line == 3)
        let column = row.split(separator: ",", omittingEmptySubsequences: false).prefix(field - 1)
            .reduce(1) { $0 + $1.count + 1 }
        #expect(error.location.column == column)
        #expect(error.field == label)
        #expect(try store.allStaff().isEmpty)
        #expect(try store.latestImports().first?.succeeded == false)
    }

    @Test func aDuplicateStaffIDNamesBothLines() throws {
        let store = try KenshuStore.inMemory()
        let path = try file("dup.csv", "staff_id,name,job_family,department,title\n1,A,一般職,総務課,主事\n1,B,一般職,総務課,主事\n")
        let error = try rejection { () throws(StaffImportError) in _ = try importer(store).importFile(.roster, path: path, options: Self.requiredColumnsOnly) }
        #expect(error.location.line == 3)
        #expect(error.message.contains("line 2"))
    }

    @Test func aMissingRequiredColumnNamesTheHeader() throws {
        let store = try KenshuStore.inMemory()
        let path = try file("nohead.csv", "staff_id,name,department,title\n1,A,総務課,主事\n")
        let error = try rejection { () throws(StaffImportError) in _ = try importer(store).importFile(.roster, path: path) }
        #expect(error.location.line == 1)
        #expect(error.message.contains("職種 (job_family)"))
    }

    @Test func anEmptyFileAndAMissingFileAreRejected() throws {
        let store = try KenshuStore.inMemory()
        let empty = try file("empty.csv", "")
        _ = try rejection { () throws(StaffImportError) in _ = try importer(store).importFile(.roster, path: empty) }
        #expect(throws: StaffImportError.self) {
            try importer(store).importFile(.roster, path: folder.appendingPathComponent("none.csv").path)
        }
    }

    @Test func aRowLongerThanTheHeaderIsAnError() throws {
        let store = try KenshuStore.inMemory()
        let path = try file("long.csv", "staff_id,name,job_family,department,title\n1,A,一般職,総務課,主事,extra\n")
        let error = try rejection { () throws(StaffImportError) in _ = try importer(store).importFile(.roster, path: path, options: Self.requiredColumnsOnly) }
        #expect(error.location.line == 2)
        #expect(error.hint?.contains("double quotes") == true)
    }

    @Test func importsEvaluationsInEveryAbilityForm() throws {
        let store = try KenshuStore.inMemory()
        try roster(store)
        let path = try file("ev.csv", """
            職員番号,能力,評価,評価者,年度
            100001,①,3,本人,2025
            100001,4,４,一次,2025年度
            100001,政策形成能力,2,二次,令和7年度
            100002,⑩自己啓発能力,5,self,R7

            """)
        let summary = try importer(store).importFile(.evaluations, path: path)
        #expect(summary.rows == 4)
        let ratings = try store.evaluations(staffID: "100001")
        #expect(ratings.map(\.ability) == [1, 4, 4])
        #expect(Set(ratings.map(\.period)) == [2025])
        #expect(try store.evaluations(staffID: "100002").first?.ability == 10)
    }

    @Test(arguments: [
        ("999999,①,3,本人,2025", 1, "職員番号 (staff_id)"),
        ("100001,⑪,3,本人,2025", 2, "能力 (ability)"),
        ("100001,①,6,本人,2025", 3, "評価 (score)"),
        ("100001,①,B,本人,2025", 3, "評価 (score)"),
        ("100001,①,3,課長,2025", 4, "評価者 (rater)"),
        ("100001,①,3,本人,昨年", 5, "年度 (period)"),
    ])
    func aBadEvaluationNamesItsField(row: String, field: Int, label: String) throws {
        let store = try KenshuStore.inMemory()
        try roster(store)
        let path = try file("ev-bad.csv", "職員番号,能力,評価,評価者,年度\n" + row + "\n")
        let error = try rejection { () throws(StaffImportError) in _ = try importer(store).importFile(.evaluations, path: path) }
        #expect(error.location.line == 2)
        #expect(error.field == label)
        #expect(try store.evaluations(staffID: "100001").isEmpty)
    }

    @Test func aRatingGivenTwiceIsAnError() throws {
        let store = try KenshuStore.inMemory()
        try roster(store)
        let path = try file("ev-dup.csv", "staff_id,ability,score,rater,period\n100001,1,3,self,2025\n100001,①,4,本人,2025\n")
        let error = try rejection { () throws(StaffImportError) in _ = try importer(store).importFile(.evaluations, path: path) }
        #expect(error.location.line == 3)
    }

    @Test func importsHistoryAndRejectsAReportBeforeCompletion() throws {
        let store = try KenshuStore.inMemory()
        try roster(store)
        let good = try file("h.csv", """
            職員番号,研修機関,研修ID,研修名,修了日,復命書提出日
            100001,市町村アカデミー,JCMU-2025-014,政策法務研修,2025-10-10,2025/10/20
            100002,小千谷市,,接遇研修,2026-06-01,

            """)
        let summary = try importer(store).importFile(.history, path: good)
        #expect(summary.changes == "追加 2・更新 0・変更なし 0")
        let bad = try file("h-bad.csv", "staff_id,provider,course_id,title,completed_on,report_filed_on\n100001,内部,,研修,2026-06-01,2026-05-01\n")
        let error = try rejection { () throws(StaffImportError) in _ = try importer(store).importFile(.history, path: bad) }
        #expect(error.field == "復命書提出日 (report_filed_on)")
        #expect(try store.history(staffID: "100001").count == 1)
    }

    @Test func listsEveryBadRowNotJustTheFirst() throws {
        let store = try KenshuStore.inMemory()
        var text = "staff_id,name,job_family,department,title,hired_on\n"
        for index in 1...70 { text += "\(index),A,一般職,総務課,主事,\(index % 5 == 0 ? "2020-02-30" : "2020-02-29")\n" }
        let path = try file("many.csv", text)
        do {
            _ = try importer(store).importFile(.roster, path: path, options: Self.requiredColumnsOnly)
            Issue.record("accepted")
        } catch {
            guard case .invalid(let errors) = error else { throw error }
            // Every fifth row has 2020-02-30, a day that does not exist: 14 bad rows of 70.
            #expect(errors.errors.count == 14)
        }
    }
}
