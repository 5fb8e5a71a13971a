import Foundation
import KenshuTesting
import Testing

/// `kenshu recommend` and `kenshu explain` on the example city (its data and feeds imported
/// by one `kenshu run`), as of the day the example was generated.
@Suite(.serialized)
struct RecommendTests {
    /// The example city with its data and feeds, in a temporary state folder.
    func exampleCity() throws -> TemporaryCity {
        let city = try TemporaryCity()
        var config = try String(contentsOfFile: city.config, encoding: .utf8)
        config += "\ndata:\n  roster: \(TemporaryCity.example("roster.csv"))\n"
            + "  evaluations: \(TemporaryCity.example("evaluations.csv"))\n  history: \(TemporaryCity.example("history.csv"))\n"
            + "feeds:\n  sources:\n"
            + ["xcri-niigata.xml", "academy.xml", "jichi-kenshujo.xml"].map { "    - \(TemporaryCity.example("feeds/\($0)"))\n" }
                .joined()
        try config.write(toFile: city.config, atomically: true, encoding: .utf8)
        let run = try city.kenshu("run", "--date", "2026-11-25")
        #expect(run.status == 0, "\(run.stderr)")
        return city
    }

    @Test func aNewlyPromotedKakarichoGetsTheRankBasedCourseFirstAsMandatory() throws {
        let city = try exampleCity()
        defer { city.remove() }
        // 10028 was promoted to 係長 on 2026-10-01 in the example generated for 2026-11-25.
        let explain = try city.kenshu("explain", "--staff", "10028", "--date", "2026-11-25")
        #expect(explain.status == 0, "\(explain.stderr)")
        let firstItem = explain.stdout.split(separator: "\n").first { $0.hasPrefix("1. ") }
        #expect(firstItem?.contains("[必須]") == true, "\(explain.stdout)")
        #expect(explain.stdout.contains("係長昇任 1か月: 階層別研修（必須）"))
        #expect(explain.stdout.contains("能力のギャップ（期待水準 − 評価）:"))
        // Names as the policy writes them, never band or tier ids (those are in --json).
        #expect(explain.stdout.contains("職位区分 一般職 係長"), "\(explain.stdout)")
        #expect(explain.stdout.ranges(of: /(general|nursery|manual|fire)\.[a-z]+|dx-leader|also eligible|excluded:/).isEmpty,
                "\(explain.stdout)")
        #expect(explain.stdout.contains("申込締切"))

        let json = try city.kenshu("recommend", "--staff", "10028", "--date", "2026-11-25", "--json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let first = try #require((list.first?["recommendations"] as? [[String: Any]])?.first)
        #expect(list.first?["staff"] as? String == "10028")
        #expect(first["mandatory"] as? Bool == true)
        for key in ["provider", "courseId", "presentationId", "title", "score", "reasons"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        #expect(list.first?["excluded"] == nil)
    }

    /// One entry per course in `recommend`, as in the mails: over everyone of the example
    /// city, no person's list names a course twice (another offer is a ほかの開催 line).
    @Test func recommendListsEachCourseOncePerPerson() throws {
        let city = try exampleCity()
        defer { city.remove() }
        let all = try city.kenshu("recommend", "--all", "--date", "2026-11-25")
        #expect(all.status == 0, "\(all.stderr)")
        var titles: [String] = []
        var repeated: [String] = []
        for line in all.stdout.split(separator: "\n") {
            guard let first = line.first else { continue }
            if !(first.isASCII && first.isNumber) && first != " " { titles = [] }
            guard let dot = line.firstIndex(of: "."), line[..<dot].allSatisfy({ $0.isASCII && $0.isNumber }), let dash = line.range(of: " — ") else { continue }
            let title = String(line[line.index(dot, offsetBy: 2)..<dash.lowerBound]).replacingOccurrences(of: "[必須] ", with: "")
            if titles.contains(title) { repeated.append(title) }
            titles.append(title)
        }
        #expect(repeated.isEmpty, "\(repeated.prefix(5))")
        #expect(all.stdout.contains("ほかの開催: "))
    }

    /// One person's commands after the week's run show its result and say so; another day
    /// is matched again, and says why.
    @Test func onePersonCommandsSayWhereTheirAnswerComesFrom() throws {
        let city = try exampleCity()
        defer { city.remove() }
        let explain = try city.kenshu("explain", "--staff", "10028", "--date", "2026-11-25")
        #expect(explain.stdout.hasPrefix("11月23日の週の定期実行（11月25日時点）の結果です。"), "\(explain.stdout)")
        let json = try city.kenshu("recommend", "--staff", "10028", "--date", "2026-11-25", "--json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let basis = try #require(list.first?["basis"] as? [String: Any])
        #expect(basis["source"] as? String == "weeklyRun")
        #expect(basis["day"] as? String == "2026-11-25")
        let preview = try city.kenshu("preview", "--staff", "10028", "--date", "2026-11-25")
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.hasPrefix("Subject: "))
        #expect(preview.stderr.contains("定期実行（11月25日時点）の結果です"), "\(preview.stderr)")
        let otherDay = try city.kenshu("explain", "--staff", "10028", "--date", "2026-11-26")
        #expect(otherDay.stdout.hasPrefix("定期実行とは別の日を --date で指定したため"), "\(otherDay.stdout)")
    }

    @Test func explainShowsWhyCoursesAreLeftOut() throws {
        let city = try exampleCity()
        defer { city.remove() }
        let json = try city.kenshu("explain", "--staff", "10028", "--date", "2026-11-25", "--json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let excluded = try #require(report["excluded"] as? [[String: Any]])
        let reasons = excluded.compactMap { $0["reason"] as? String }
        #expect(reasons.contains { $0.contains("申込締切") } || reasons.contains { $0.contains("今後120日以内ではありません") })
        #expect(reasons.contains { $0.contains("対象職種外") })
        #expect(report["gaps"] != nil)
    }

    @Test func anOptedOutPersonGetsNothingAndExplainSaysWhy() throws {
        let city = try exampleCity()
        defer { city.remove() }
        let result = try city.kenshu("explain", "--staff", "10018", "--date", "2026-11-25")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("おすすめの研修はありません"))
        #expect(result.stdout.contains("配信停止中の職員には推薦しません"))
    }

    /// The work map is a rule like any other: taking it out shows domain courses spreading
    /// beyond the departments that own their fields.
    @Test func rulesDiffShowsWhatTheWorkMapChanges() throws {
        let city = try exampleCity()
        defer { city.remove() }
        let current = TemporaryCity.example("rules.yaml")
        let text = try String(contentsOfFile: current, encoding: .utf8)
        let work = try #require(text.range(of: "\nwork:\n"))
        let levels = try #require(text.range(of: "\nlevels:\n"))
        let withoutWork = try city.write("nowork.yaml", String(text[..<work.lowerBound]) + String(text[levels.lowerBound...]))
        let diff = try city.kenshu("rules", "diff", withoutWork, current, "--date", "2026-11-25")
        #expect(diff.status == 0, "\(diff.stderr)")
        let line = try #require(diff.stdout.split(separator: "\n").first { $0.contains("税務（滞納整理と徴収実務）") }, "\(diff.stdout)")
        #expect(line.contains("−"), "the 税務 course is lost outside 税務課: \(line)")
        // rules check reads the work map against the roster and the catalogue.
        let misspelt = try city.write("misspelt.yaml", text.replacingOccurrences(of: "    会計課: [", with: "    会計科: ["))
        let check = try city.kenshu("rules", "check", misspelt)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("work.departments.会計科: 「会計科」は職員名簿にない所属・係です（もしかして「会計課」？）"), "\(check.stdout)")
    }

    @Test func rulesDiffShowsWhoGainsAndLoses() throws {
        let city = try exampleCity()
        defer { city.remove() }
        let current = TemporaryCity.example("rules.yaml")
        let proposed = try city.write("proposed.yaml", try String(contentsOfFile: current, encoding: .utf8)
            .replacingOccurrences(of: "perPerson: 5", with: "perPerson: 1"))
        let diff = try city.kenshu("rules", "diff", current, proposed, "--date", "2026-11-25")
        #expect(diff.status == 0, "\(diff.stderr)")
        // Totals an admin can decide from, in a screenful, not a line per person.
        #expect(diff.stdout.contains("rules.yaml → proposed.yaml: おすすめが変わる職員 "), "\(diff.stdout)")
        #expect(diff.stdout.contains("研修ごと") && diff.stdout.contains("所属ごと") && diff.stdout.contains("メンターのペア"))
        #expect(diff.stdout.split(separator: "\n").count < 40, "\(diff.stdout)")
        #expect(!diff.stdout.contains("  − "))
        let details = try city.kenshu("rules", "diff", current, proposed, "--date", "2026-11-25", "--details")
        #expect(details.stdout.contains("  − "))
        #expect(details.stdout.contains("職員番号"))
        let json = try city.kenshu("rules", "diff", current, proposed, "--date", "2026-11-25", "--json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        let changes = try #require(report["changes"] as? [[String: Any]])
        #expect(summary["staff"] as? Int == changes.count)
        #expect((summary["lost"] as? Int ?? 0) == changes.reduce(0) { $0 + (($1["lost"] as? [Any])?.count ?? 0) })
        let same = try city.kenshu("rules", "diff", current, current, "--date", "2026-11-25")
        #expect(same.stdout.contains("おすすめもメンターのペアも変わりません"), "\(same.stdout)")
        let broken = try city.write("broken.yaml", "levels:\n  bands:\n    general.kakarichou: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3]\n")
        let rejected = try city.kenshu("rules", "diff", current, broken)
        #expect(rejected.status == 2)
        #expect(rejected.stderr.contains("broken.yaml:3:5"), "\(rejected.stderr)")
        #expect(rejected.stderr.contains("'general.kakaricho' の書き間違いではありませんか"))
    }

    @Test func mentorsArePairedByTheWeeklyRunAndKeptOnTheNextRun() throws {
        let city = try exampleCity()
        defer { city.remove() }
        // The weekly run (in exampleCity) made the pairs; a mentor run the same week keeps them.
        let dry = try city.kenshu("mentors", "--dry-run", "--date", "2026-11-25", "--json")
        #expect(dry.status == 0, "\(dry.stderr)")
        let second = try city.kenshu("mentors", "--date", "2026-11-25", "--json")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        let pairs = try #require(result["pairs"] as? [[String: Any]])
        #expect(!pairs.isEmpty)
        #expect(pairs.allSatisfy { $0["status"] as? String == "kept" })
        // 10028, 係長 since 2026-10-01, has one senior mentor-trained colleague, already full (the
        // 消防本部 係長 hired ten years after 10028 is no senior of theirs).
        let unmatched = try #require(result["unmatched"] as? [[String: Any]])
        #expect(unmatched.contains { $0["mentee"] as? String == "10028" })
        #expect(!pairs.contains { $0["mentee"] as? String == "10028" })
    }

    @Test func anUnknownStaffIdIsAUsageError() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        #expect(try city.kenshu("roster", "import", TemporaryCity.example("roster.csv")).status == 0)
        let result = try city.kenshu("recommend", "--staff", "99999")
        #expect(result.status == 2)
        #expect(result.stderr.contains("99999"))
        #expect(try city.kenshu("recommend").status == 2)
    }
}
