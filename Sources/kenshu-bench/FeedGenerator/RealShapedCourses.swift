import KenshuCore

/// The real feeds' shape (`--shape real`, the default), as `docs/feed-shape.py` measured it
/// on the shared institutional feeds (Sheffield's 320 courses foremost), with Japanese text:
///
/// - the catalog as Sheffield writes it: default XCRI namespace, `dc:`, `dcterms:`, `mlo:`,
///   `xhtml:`, `courseDataProgramme:` prefixes, `xsi:type`d identifiers;
/// - each course with two identifiers (one typed), subjects in a quarter of them, a
///   qualification block, and in three of four a description of 300–2,000 bytes (two
///   thirds escaped HTML, one third an XHTML `div`, prefixed or in a default namespace);
/// - one to three presentations (half one, mean 1.65), each with a long escaped-HTML
///   `mlo:prerequisite` (380–1,680 bytes, most 600–1,080, as Sheffield's entry
///   requirements), dates with `dtf`, duration, study and attendance modes, free-text
///   places and cost, and a venue that repeats a whole provider with its location (9 elements).
///
/// Deterministic: the same seed gives the same courses in the same order.
struct RealShapedCourses: FeedCourses {
    private var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    private static let titles = [
        "政策形成研修", "法制執務研修", "ファシリテーション研修", "接遇・クレーム対応研修", "プレゼンテーション研修",
        "メンタルヘルス・セルフケア研修", "タイムマネジメント研修", "税務専門研修", "公共施設マネジメント研修",
        "DX推進リーダー研修", "データ活用研修", "情報セキュリティ研修", "メンター養成研修", "係長研修", "新任課長研修",
        "Project Management for Local Government", "自治体のための English Communication",
    ]

    private static let subjects = [
        ("L400", "政策法務"), ("N200", "行政経営"), ("G500", "情報"), ("L510", "福祉"), ("N100", "財務"), ("P300", "広報"),
    ]

    /// Sentences the long texts are made of (Japanese, some mixed with English as real
    /// translated catalogues are).
    private static let sentences = [
        "自治体職員として必要な知識と技能を、講義と演習を組み合わせて体系的に身につけます。",
        "受講者は事前課題として、所属の業務で直面している課題を一つ整理して持参してください。",
        "グループワークでは他の自治体の職員と意見を交わし、自らの業務を見直す視点を得ます。",
        "最終日には各自が行動計画を作成し、職場に戻ってからの実践につなげます。",
        "This course is delivered in Japanese; materials are available in English on request.",
        "講師は国の研究機関および先進自治体の実務家が務め、最新の事例を紹介します。",
        "演習には個人情報を含まない模擬データを用い、分析の手順を一から確認します。",
        "修了者には修了証を交付し、人事記録の研修履歴に登録します。",
        "定員を超えた場合は、所属長の推薦順および受講歴を考慮して選考します。",
        "Participants should bring a laptop with a web browser and office software installed.",
        "昼食は各自でご用意ください。会場周辺の飲食店の案内を当日配布します。",
        "オンライン受講の場合は、カメラとマイクを使用できる環境を準備してください。",
    ]

    private static let requirements = [
        "採用後3年以上の職員で、所属長の推薦を受けた者",
        "主任級以上の職員、または同等の業務経験を有する者",
        "前年度までに基礎研修を修了していること",
        "Applicants must have completed the e-learning module before the first day",
        "受講決定後の辞退は原則として認めません",
        "事前課題（A4 2枚程度）を開講日の1週間前までに提出すること",
    ]

    private static let venues: [(title: String, postcode: String, address: (String, String), phone: String)] = [
        ("市町村職員研修センター", "950-0965", ("新光町4番地1", "新潟市中央区"), "025-285-0000"),
        ("自治大学校", "190-8581", ("緑町10番地1", "立川市"), "042-540-0000"),
        ("市役所本庁舎 大会議室", "947-8501", ("城内二丁目7番5号", "小千谷市"), "0258-83-0000"),
        ("総合福祉センター 研修室", "947-0028", ("城内一丁目6番1号", "小千谷市"), "0258-82-0000"),
        ("オンライン（Zoom）", "", ("", ""), ""),
        ("Niigata Convention Center", "950-0078", ("Bandaijima 6-1", "Niigata"), "025-246-0000"),
    ]

    let header = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <catalog xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:dcterms="http://purl.org/dc/terms/" xmlns:credit="http://purl.org/net/cm" xmlns:mlo="http://purl.org/net/mlo" \
        xmlns:xhtml="http://www.w3.org/1999/xhtml" xsi:schemaLocation="http://xcri.org/profiles/1.2/catalog \
        http://www.xcri.co.uk/bindings/xcri_cap_1_2.xsd http://xcri.co.uk http://www.xcri.co.uk/bindings/courseDataProgramme.xsd" \
        generated="2026-11-25T09:00:00+09:00" xmlns="http://xcri.org/profiles/1.2/catalog" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:courseDataProgramme="http://xcri.co.uk">
        \t<dc:description>ベンチマーク用の研修一覧（実在の研修機関のフィードと同じ形）</dc:description>
        \t\t<provider>
        \t\t\t<dc:identifier>https://training.example.jp/</dc:identifier>
        \t\t\t<dc:identifier xsi:type="courseDataProgramme:ukprn">10099999</dc:identifier>
        \t\t<image src="https://training.example.jp/logo.png" title="ロゴ" alt="ロゴ"/>
        \t\t<dc:title>ベンチマーク研修機関</dc:title>
        \t\t<mlo:url>https://training.example.jp/</mlo:url>

        """.utf8)

    let footer = Array("\t\t</provider>\n</catalog>\n".utf8)

    mutating func appendCourse(_ index: Int, to buffer: inout [UInt8]) -> Int {
        let id = "R-\(index)"
        let title = random.pick(Self.titles)
        var text = "\t\t<course>\n"
        text += "\t\t\t<dc:identifier xsi:type=\"courseDataProgramme:internalID\">\(id)</dc:identifier>\n"
        text += "\t\t\t<dc:identifier>https://training.example.jp/courses/detail?id=\(id)</dc:identifier>\n"
        if random.chance(0.25) {
            let subject = random.pick(Self.subjects)
            text += "\t\t\t<dc:subject identifier=\"\(subject.0)\">\(subject.1)</dc:subject>\n"
        }
        text += "\t\t\t<dc:title>\(title)（第\(index / Self.titles.count + 1)期）</dc:title>\n"
        if random.chance(0.75) { text += description() }
        text += """
            \t\t\t<mlo:url>https://training.example.jp/courses/detail?id=\(id)</mlo:url>
            \t\t\t<mlo:qualification>
            \t\t\t\t<dc:title>修了証（\(title)）</dc:title>
            \t\t\t\t<abbr>修了証</abbr>
            \t\t\t\t<dcterms:educationLevel>職員研修</dcterms:educationLevel>
            \t\t\t\t<awardedBy>ベンチマーク研修機関</awardedBy>
            \t\t\t</mlo:qualification>

            """
        let draw = random.int(1...20)
        let presentations = draw <= 10 ? 1 : draw <= 17 ? 2 : 3
        for number in 1...presentations { text += presentation(id: "\(id)-\(number)") }
        text += "\t\t</course>\n"
        buffer += text.utf8
        return presentations
    }

    /// A course description: escaped HTML (two in three) or an XHTML `div`.
    private mutating func description() -> String {
        let length = random.int(300...2_000)
        if random.chance(2.0 / 3) {
            return "\t\t\t<dc:description>\(escapedHTML(bytes: length))</dc:description>\n"
        }
        let (div, p, ul, li, declaration) = random.chance(0.5)
            ? ("xhtml:div", "xhtml:p", "xhtml:ul", "xhtml:li", "")
            : ("div", "p", "ul", "li", " xmlns=\"http://www.w3.org/1999/xhtml\"")
        var text = "\t\t\t<dc:description>\n\t\t\t\t<\(div)\(declaration)>\n"
        var written = 0
        while written < length {
            let paragraph = sentences(bytes: min(400, length - written))
            written += paragraph.utf8.count
            text += "\t\t\t\t\t<\(p)>\(paragraph)</\(p)>\n"
            if written < length, random.chance(0.3) {
                text += "\t\t\t\t\t<\(ul)><\(li)>\(random.pick(Self.requirements))</\(li)>"
                    + "<\(li)>\(random.pick(Self.requirements))</\(li)></\(ul)>\n"
            }
        }
        return text + "\t\t\t\t</\(div)>\n\t\t\t</dc:description>\n"
    }

    private mutating func presentation(id: String) -> String {
        let month = random.int(1...12)
        let day = random.int(1...25)
        let days = random.int(1...3)
        let start = "2027-\(twoDigits(month))-\(twoDigits(day))"
        let end = "2027-\(twoDigits(month))-\(twoDigits(day + days - 1))"
        let venue = random.pick(Self.venues)
        var text = """
            \t\t\t<presentation>
            \t\t\t\t<dc:description>受講年度: 2027</dc:description>
            \t\t\t\t<dc:identifier xsi:type="courseDataProgramme:internalID">\(id)</dc:identifier>
            \t\t\t\t<mlo:prerequisite>\(prerequisite())</mlo:prerequisite>
            \t\t\t\t<mlo:start dtf="\(start)T00:00:00">2027年\(month)月\(day)日</mlo:start>

            """
        if random.chance(2.0 / 3) { text += "\t\t\t\t<end dtf=\"\(end)T00:00:00\">2027年\(month)月\(day + days - 1)日</end>\n" }
        if random.chance(0.5) { text += "\t\t\t\t<applyUntil dtf=\"2027-\(twoDigits(month))-01\"/>\n" }
        text += """
            \t\t\t\t<mlo:duration interval="P\(days)D">\(days)日間</mlo:duration>
            \t\t\t\t<applyTo>https://training.example.jp/apply</applyTo>
            \t\t\t\t<studyMode identifier="PT">Part time</studyMode>
            \t\t\t\t<attendanceMode identifier="\(venue.postcode.isEmpty ? "ON" : "CM")">\(venue.postcode.isEmpty ? "Online" : "Campus")</attendanceMode>
            \t\t\t\t<mlo:places>\(random.pick(["\(random.int(10...60))名", "\(random.int(10...60))", "定員なし", "Variable"]))</mlo:places>
            \t\t\t\t<mlo:cost>\(random.pick(["無料", "0.0000", "3,000円", "free"]))</mlo:cost>
            \t\t\t\t<venue>
            \t\t\t\t\t<provider>
            \t\t\t\t\t\t<dc:identifier>https://training.example.jp/</dc:identifier>
            \t\t\t\t\t\t<dc:title>\(venue.title)</dc:title>
            \t\t\t\t\t\t<mlo:location>
            \t\t\t\t\t\t\t<mlo:postcode>\(venue.postcode)</mlo:postcode>
            \t\t\t\t\t\t\t<mlo:address>\(venue.address.0)</mlo:address>
            \t\t\t\t\t\t\t<mlo:address>\(venue.address.1)</mlo:address>
            \t\t\t\t\t\t\t<mlo:phone>\(venue.phone)</mlo:phone>
            \t\t\t\t\t\t\t<mlo:email>kenshu@training.example.jp</mlo:email>
            \t\t\t\t\t\t</mlo:location>
            \t\t\t\t\t</provider>
            \t\t\t\t</venue>
            \t\t\t</presentation>

            """
        return text
    }

    /// Entry requirements as Sheffield writes them: `name: value` pairs with escaped links
    /// and line breaks, 380–1,680 bytes (eight in ten 600–1,080). One in five is a short
    /// audience line instead (対象：…), which the importer keeps.
    private mutating func prerequisite() -> String {
        if random.chance(0.2) { return "対象：\(random.pick(["係長、主任", "全職員", "窓口担当職員", "採用3年目までの職員"]))" }
        let draw = random.int(1...10)
        let length = draw == 1 ? random.int(380...600) : draw == 10 ? random.int(1_080...1_680) : random.int(600...1_080)
        var text = ""
        while text.utf8.count < length {
            if !text.isEmpty { text += "; " }
            text += random.pick(["受講要件", "推薦", "Other qualifications", "事前課題", "選考"]) + ": "
            if random.chance(0.4) {
                text += "&lt;a href='https://training.example.jp/guide/\(random.int(1...40))'&gt;"
                    + "\(random.pick(Self.requirements))&lt;/a&gt;&lt;br /&gt;"
            }
            text += random.pick(Self.requirements)
        }
        return text
    }

    /// Escaped-HTML paragraphs (`&lt;p&gt;…&lt;/p&gt;`, some bold) of about `bytes`.
    private mutating func escapedHTML(bytes: Int) -> String {
        var text = ""
        while text.utf8.count < bytes {
            let paragraph = sentences(bytes: min(400, bytes - text.utf8.count))
            text += random.chance(0.3)
                ? "&lt;p&gt;&lt;strong&gt;\(random.pick(Self.requirements))&lt;/strong&gt;\(paragraph)&lt;/p&gt;"
                : "&lt;p&gt;\(paragraph)&lt;/p&gt;"
        }
        return text
    }

    /// Sentences of at least `bytes` UTF-8 bytes (one at the least).
    private mutating func sentences(bytes: Int) -> String {
        var text = random.pick(Self.sentences)
        while text.utf8.count < bytes { text += random.pick(Self.sentences) }
        return text
    }

    private func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
