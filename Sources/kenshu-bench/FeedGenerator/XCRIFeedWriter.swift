import Foundation

/// Writes a synthetic XCRI-CAP 1.2 feed of about a given size, streaming to disk (the feed
/// never sits in memory), with Japanese courses like the example city's institutes publish.
struct XCRIFeedWriter {
    let targetBytes: Int

    private static let titles = [
        "政策形成研修", "法制執務研修", "ファシリテーション研修", "接遇・クレーム対応研修", "プレゼンテーション研修",
        "メンタルヘルス・セルフケア研修", "タイムマネジメント研修", "税務専門研修", "公共施設マネジメント研修",
        "DX推進リーダー研修", "データ活用研修", "情報セキュリティ研修", "メンター養成研修", "係長研修", "新任課長研修",
    ]

    /// Writes the feed to `path`; returns the number of courses written.
    func write(to path: String) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var buffer = """
            <?xml version="1.0" encoding="UTF-8"?>
            <catalog xmlns="http://xcri.org/profiles/1.2/catalog" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:mlo="http://purl.org/net/mlo" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     generated="2026-11-25T09:00:00+09:00">
              <provider>
                <dc:identifier>bench-institute</dc:identifier>
                <dc:title>ベンチマーク研修機関</dc:title>
                <mlo:url>https://training.example.jp/</mlo:url>

            """
        var written = 0
        var courses = 0
        let footer = "  </provider>\n</catalog>\n"
        while written + buffer.utf8.count + footer.utf8.count < targetBytes {
            buffer += course(courses)
            courses += 1
            if buffer.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(buffer.utf8))
                written += buffer.utf8.count
                buffer = ""
            }
        }
        buffer += footer
        try handle.write(contentsOf: Data(buffer.utf8))
        return courses
    }

    private func course(_ index: Int) -> String {
        let title = XCRIFeedWriter.titles[index % XCRIFeedWriter.titles.count]
        let month = index % 9 + 1
        return """
                <course>
                  <dc:identifier>B-\(index)</dc:identifier>
                  <dc:title>\(title)(第\(index / XCRIFeedWriter.titles.count + 1)期)</dc:title>
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

            """
    }
}
