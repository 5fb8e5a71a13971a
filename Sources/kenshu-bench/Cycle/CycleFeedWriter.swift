import Foundation
import KenshuCore

/// Writes an XCRI-CAP feed for the whole-cycle benchmark: courses of the kinds the example
/// city's institutes publish (general ones, domain ones whose fields the example rules' work
/// map owns, some with an audience line), two presentations each, starting over the 120
/// days after the as-of day, half of them with a seat limit.
struct CycleFeedWriter {
    let courses: Int
    let asOf: LocalDate

    /// Title (with a word the example rules tag), subjects, audience line.
    private static let kinds: [(title: String, subjects: [String], audience: String?)] = [
        ("政策形成研修", ["政策形成"], nil),
        ("法制執務研修", ["法制執務"], nil),
        ("接遇・クレーム対応研修", ["接遇"], "対象：窓口担当職員、係長"),
        ("プレゼンテーション研修", ["プレゼンテーション"], "対象：主任、係長"),
        ("メンタルヘルス・セルフケア研修", ["メンタルヘルス"], "対象：全職員"),
        ("タイムマネジメント研修", ["タイムマネジメント"], nil),
        ("税務の法務研修", ["税務", "徴収"], "対象：税務担当職員"),
        ("会計事務のマネジメント研修", ["会計", "契約"], nil),
        ("保育のコミュニケーション研修", ["保育", "子育て支援"], "対象：保育士"),
        ("救急と危機管理の研修", ["救急", "消防"], "対象：消防職員（救急隊員）"),
        ("データ活用研修", ["データ活用", "統計"], nil),
        ("情報セキュリティ研修", ["情報セキュリティ"], nil),
        ("メンター養成研修", ["人材育成"], "対象：係長、主任"),
        ("新人のための接遇研修", ["接遇"], "対象：採用3年目までの職員"),
        ("ファシリテーション研修", ["ファシリテーション"], nil),
    ]

    func write(to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw ValidationFailure("cannot write \(path)")
        }
        defer { try? handle.close() }
        var buffer = """
            <?xml version="1.0" encoding="UTF-8"?>
            <catalog xmlns="http://xcri.org/profiles/1.2/catalog" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:mlo="http://purl.org/net/mlo" generated="\(asOf)T09:00:00+09:00">
              <provider>
                <dc:identifier>cycle-institute</dc:identifier>
                <dc:title>県市町村職員研修センター</dc:title>
                <mlo:url>https://training.example.jp/</mlo:url>

            """
        for index in 0..<courses {
            buffer += course(index)
            if buffer.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        buffer += "  </provider>\n</catalog>\n"
        try handle.write(contentsOf: Data(buffer.utf8))
    }

    private func course(_ index: Int) -> String {
        let kind = Self.kinds[index % Self.kinds.count]
        let subjects = kind.subjects.map { "      <dc:subject>\($0)</dc:subject>\n" }.joined()
        let audience = kind.audience.map { "      <mlo:prerequisite>\($0)</mlo:prerequisite>\n" } ?? ""
        let presentations = (0..<2).map { number in
            let start = asOf.adding(days: 7 + (index * 7 + number * 31) % 110)
            let seats = index % 2 == 0 ? "        <mlo:places>\(20 + index % 30)</mlo:places>\n" : ""
            return """
                      <presentation>
                        <dc:identifier>C-\(index)-\(number + 1)</dc:identifier>
                        <mlo:start dtf="\(start)">\(start)</mlo:start>
                        <end dtf="\(start.adding(days: 1))">\(start.adding(days: 1))</end>
                        <applyUntil dtf="\(start.adding(days: -5))"/>
                        <venue><provider><dc:title>研修センター 第\(index % 6 + 1)研修室</dc:title></provider></venue>
                        <attendanceMode identifier="CM">集合</attendanceMode>
                \(seats)        <mlo:cost>無料</mlo:cost>
                      </presentation>

                """
        }.joined()
        return """
                <course>
                  <dc:identifier>C-\(index)</dc:identifier>
                  <dc:title>\(kind.title)（第\(index / Self.kinds.count + 1)回）</dc:title>
            \(subjects)      <dc:description>市町村職員として\(kind.title)で求められる知識と技能を、講義、事例研究、グループ演習を通じて身につけます。\
            受講者は事前課題に取り組み、研修後は職場での実践計画を所属長と共有します。</dc:description>
            \(audience)      <mlo:url>https://training.example.jp/courses/C-\(index)</mlo:url>
            \(presentations)    </course>

            """
    }
}
