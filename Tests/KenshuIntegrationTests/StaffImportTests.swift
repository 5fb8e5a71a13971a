import Foundation
import KenshuTesting
import Testing

/// The example city's exports import through the real binary, and a bad file changes nothing.
@Suite(.serialized)
struct StaffImportTests {
    func statusJSON(_ city: TemporaryCity) throws -> [String: Any] {
        let result = try city.kenshu("status", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func activeStaff(_ status: [String: Any]) -> Int {
        (status["staff"] as? [String: Any])?["active"] as? Int ?? -1
    }

    @Test func theExampleCityImportsInUTF8AndCP932() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let roster = try city.kenshu("roster", "import", TemporaryCity.example("roster.csv"))
        #expect(roster.status == 0, "\(roster.stderr)")
        #expect(roster.stdout.contains("UTF-8"))
        let evaluations = try city.kenshu("evaluations", "import", TemporaryCity.example("evaluations.csv"))
        #expect(evaluations.status == 0, "\(evaluations.stderr)")
        let history = try city.kenshu("history", "import", TemporaryCity.example("history.csv"))
        #expect(history.status == 0, "\(history.stderr)")

        let status = try statusJSON(city)
        #expect((400...500).contains(activeStaff(status)))
        let byFamily = try #require((status["staff"] as? [String: Any])?["byFamily"] as? [String: [String: Int]])
        #expect(Set(byFamily.keys) == ["一般職", "保育士職", "現業職", "公安職"])
        #expect(((status["evaluations"] as? [String: Any])?["ratings"] as? Int ?? 0) > 1000)
        #expect(((status["history"] as? [String: Any])?["records"] as? Int ?? 0) > 100)
        let warnings = try #require(status["warnings"] as? [[String: Any]])
        let kinds = Set(warnings.compactMap { $0["kind"] as? String })
        #expect(kinds.isSuperset(of: ["unknown-title", "missing-email", "missing-evaluation"]))

        // The CP932 file holds the same people: decoded right, nothing changes.
        let cp932 = try city.kenshu("roster", "import", TemporaryCity.example("roster-cp932.csv"), "--json")
        #expect(cp932.status == 0, "\(cp932.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(cp932.stdout.utf8)) as? [String: Any])
        #expect(summary["encoding"] as? String == "CP932")
        #expect((summary["changes"] as? String)?.hasPrefix("追加 0・更新 0・") == true)

        let text = try city.kenshu("status")
        #expect(text.status == 0)
        #expect(text.stdout.contains("一般職"))
        #expect(text.stdout.contains("データ品質の警告"))
    }

    @Test func aBadDateOnOneLineExitsTwoNamingItAndChangesNothing() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.appendConfig("data:\n" + TemporaryCity.absentColumns)
        let good = try city.write("roster.csv", """
            職員番号,氏名,メール,職種,所属,係,職名,採用日
            100001,小千谷 一郎,s100001@example.jp,一般職,総務課,人事係,主事,2020-04-01
            100002,小千谷 二郎,s100002@example.jp,一般職,総務課,人事係,係長,2005/4/1
            100003,小千谷 三郎,s100003@example.jp,公安職,消防本部,警防課,消防士,令和2年4月1日

            """)
        #expect(try city.kenshu("roster", "import", good).status == 0)
        let before = try statusJSON(city)

        let bad = try city.write("roster-bad.csv", """
            職員番号,氏名,メール,職種,所属,係,職名,採用日
            100001,小千谷 一郎,s100001@example.jp,一般職,総務課,人事係,主任,2020-04-01
            100004,小千谷 四郎,s100004@example.jp,一般職,税務課,市民税係,主事,2024-04-01
            100005,小千谷 五郎,s100005@example.jp,一般職,税務課,市民税係,主事,2026-13-01

            """)
        let result = try city.kenshu("roster", "import", bad)
        #expect(result.status == 2)
        #expect(result.stderr.contains("roster-bad.csv:4:"), "\(result.stderr)")
        #expect(result.stderr.contains("採用日"))
        #expect(result.stderr.contains("2026-13-01"))
        #expect(result.stderr.contains("何も取り込んでいません"))

        let after = try statusJSON(city)
        #expect(activeStaff(after) == activeStaff(before))
        #expect(activeStaff(after) == 3)
        let imports = try #require(after["imports"] as? [[String: Any]])
        #expect(imports.first?["succeeded"] as? Bool == false)
        // The person on line 2 was not promoted by the rejected file.
        let listed = try city.kenshu("roster", "import", good, "--json")
        #expect((try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])?["changes"] as? String
            == "前回の取込と同じ内容のファイルのため、読み込みを省きました（変更なし）")
    }

    @Test func evaluationsForUnknownStaffAreRejectedWithTheirLine() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.appendConfig("data:\n" + TemporaryCity.absentColumns)
        let roster = try city.write("roster.csv", "staff_id,name,job_family,department,title\n1,A,一般職,総務課,主事\n")
        #expect(try city.kenshu("roster", "import", roster).status == 0)
        let evaluations = try city.write("evaluations.csv", "staff_id,ability,score,rater,period\n1,④,3,一次,2025\n2,④,3,一次,2025\n1,⑪,3,一次,2025\n")
        let result = try city.kenshu("evaluations", "import", evaluations)
        #expect(result.status == 2)
        #expect(result.stderr.contains("evaluations.csv:3:1:"))
        #expect(result.stderr.contains("evaluations.csv:4:3:"))
    }
}
