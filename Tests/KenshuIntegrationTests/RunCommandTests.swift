import Foundation
import KenshuTesting
import Testing

/// `kenshu run` imports the exports named in the config; a rejected one is reported, the
/// others still run, and the exit code says so.
@Suite(.serialized)
struct RunCommandTests {
    /// A city whose config names data files (whose columns may be some of the known ones).
    func city(roster: String, evaluations: String, history: String?) throws -> TemporaryCity {
        let city = try TemporaryCity()
        var config = try String(contentsOfFile: city.config, encoding: .utf8)
        config += "\ndata:\n  roster: \(roster)\n  evaluations: \(evaluations)\n" + TemporaryCity.absentColumns
        if let history { config += "  history: \(history)\n" }
        // These runs are about the imports: an empty catalogue does not hold their mails back.
        config += "gate:\n  minimumCourses: 0\n"
        try config.write(toFile: city.config, atomically: true, encoding: .utf8)
        return city
    }

    @Test func theExampleCityRunsFromItsOwnConfig() throws {
        let city = try city(roster: TemporaryCity.example("roster.csv"),
                            evaluations: TemporaryCity.example("evaluations.csv"),
                            history: TemporaryCity.example("history.csv"))
        defer { city.remove() }
        let result = try city.kenshu("run")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("職員名簿  取込済み"))
        #expect(result.stdout.contains("研修履歴  取込済み"))
        #expect(result.stdout.contains("在職 456 人"))

        let again = try city.kenshu("run", "--json")
        #expect(again.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        let steps = try #require(report["steps"] as? [[String: Any]])
        #expect(steps.map { $0["outcome"] as? String } == ["imported", "imported", "imported"])
        #expect((steps.first?["detail"] as? String)?.contains("前回の取込と同じ内容のファイルのため、読み込みを省きました（変更なし）") == true)
    }

    @Test func aRejectedFileIsReportedAndTheOthersStillImport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("roster.csv").path
        let evaluations = folder.appendingPathComponent("evaluations.csv").path
        try "staff_id,name,job_family,department,title\n1,A,一般職,総務課,主事\n2,B,一般職,総務課,係長\n"
            .write(toFile: roster, atomically: true, encoding: .utf8)
        try "staff_id,ability,score,rater,period\n1,①,3,一次,2025\n2,②,9,一次,2025\n"
            .write(toFile: evaluations, atomically: true, encoding: .utf8)
        let city = try city(roster: roster, evaluations: evaluations, history: nil)
        defer { city.remove() }

        let result = try city.kenshu("run")
        #expect(result.status == 2)
        #expect(result.stdout.contains("職員名簿  取込済み"))
        #expect(result.stdout.contains("人事評価  取込不可"))
        #expect(result.stdout.contains("研修履歴  指定なし"))
        #expect(result.stdout.contains("在職 2 人、人事評価 0 件"))
        #expect(result.stderr.contains("evaluations.csv:3:"), "\(result.stderr)")
        #expect(result.stderr.contains("'9'"), "\(result.stderr)")
    }

    @Test func theInboxIsThereAfterARunAndAFeedCopiedIntoItIsImportedByTheNext() throws {
        let city = try city(roster: TemporaryCity.example("roster.csv"),
                            evaluations: TemporaryCity.example("evaluations.csv"), history: nil)
        defer { city.remove() }
        let inbox = city.folder.appendingPathComponent("state/incoming")
        #expect(!FileManager.default.fileExists(atPath: inbox.path))
        #expect(try city.kenshu("run").status == 0)
        for folder in ["", "imported", "rejected"] {
            #expect(FileManager.default.fileExists(atPath: inbox.appendingPathComponent(folder).path), "incoming/\(folder)")
        }
        try FileManager.default.copyItem(atPath: TemporaryCity.example("feeds/academy.xml"),
                                         toPath: inbox.appendingPathComponent("academy.xml").path)
        let next = try city.kenshu("run")
        #expect(next.status == 0, "\(next.stderr)")
        #expect(FileManager.default.fileExists(atPath: inbox.appendingPathComponent("imported/academy.xml").path))
    }
}
