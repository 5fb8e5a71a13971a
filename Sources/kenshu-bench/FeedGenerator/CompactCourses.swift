/// The compact shape (`--shape compact`): short Japanese courses of 17 elements and about
/// 0.9 KB, one presentation each, a one-sentence escaped-HTML description, a venue that is
/// a title only. Denser in elements than real feeds, lighter in text.
struct CompactCourses: FeedCourses {
    private static let titles = [
        "政策形成研修", "法制執務研修", "ファシリテーション研修", "接遇・クレーム対応研修", "プレゼンテーション研修",
        "メンタルヘルス・セルフケア研修", "タイムマネジメント研修", "税務専門研修", "公共施設マネジメント研修",
        "DX推進リーダー研修", "データ活用研修", "情報セキュリティ研修", "メンター養成研修", "係長研修", "新任課長研修",
    ]

    let header = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <catalog xmlns="http://xcri.org/profiles/1.2/catalog" xmlns:dc="http://purl.org/dc/elements/1.1/"
                 xmlns:mlo="http://purl.org/net/mlo" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 generated="2026-11-25T09:00:00+09:00">
          <provider>
            <dc:identifier>bench-institute</dc:identifier>
            <dc:title>ベンチマーク研修機関</dc:title>
            <mlo:url>https://training.example.jp/</mlo:url>

        """.utf8)

    let footer = Array("  </provider>\n</catalog>\n".utf8)

    func appendCourse(_ index: Int, to buffer: inout [UInt8]) -> Int {
        let title = Self.titles[index % Self.titles.count]
        let month = index % 9 + 1
        buffer += """
                <course>
                  <dc:identifier>B-\(index)</dc:identifier>
                  <dc:title>\(title)(第\(index / Self.titles.count + 1)期)</dc:title>
                  <dc:subject>政策法務</dc:subject>
                  <dc:description>&lt;p&gt;自治体職員として\(title)に必要な知識と技能を、講義と演習で身につけます。&lt;/p&gt;</dc:description>
                  <mlo:url>https://training.example.jp/courses/B-\(index)</mlo:url>
                  <presentation>
                    <dc:identifier>B-\(index)-1</dc:identifier>
                    <mlo:start dtf="2027-0\(month)-10">2027年\(month)月10日</mlo:start>
                    <end dtf="2027-0\(month)-12">2027年\(month)月12日</end>
                    <applyUntil dtf="2027-0\(month)-01"/>
                    <venue><provider><dc:title>自治研修センター 第\(index % 5 + 1)研修室</dc:title></provider></venue>
                    <attendanceMode identifier="CM">Campus</attendanceMode>
                    <mlo:places>\(20 + index % 30)</mlo:places>
                    <mlo:cost>無料</mlo:cost>
                  </presentation>
                </course>

            """.utf8
        return 1
    }
}
