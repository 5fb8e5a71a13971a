import KenshuCore

/// Training history (研修履歴) for the example city: the rank-based training each person took
/// on hiring or promotion, and a few thematic courses, over the last three fiscal years.
enum HistoryBuilder {
    static let header = ["職員番号", "研修機関", "研修ID", "研修名", "修了日", "復命書提出日"]

    struct Course {
        let provider: String
        let code: String
        let title: String
    }

    static let centre = "県市町村職員研修センター"
    static let inHouse = "庁内研修"
    static let academy = "市町村職員中央研修所"
    static let fireSchool = "県消防学校"

    /// Rank-based training (階層別研修) taken in the year of hiring or promotion.
    static func rankTraining(for person: ExamplePerson) -> Course? {
        switch (person.family, person.title, person.step) {
        case (.fire, "消防士", _): Course(provider: fireSchool, code: "FS-S", title: "初任教育")
        case (.fire, _, 3...): Course(provider: fireSchool, code: "FS-K", title: "幹部教育")
        case (.manual, _, 1): Course(provider: inHouse, code: "IN-G", title: "現業職員新任研修")
        case (_, _, 1) where person.rankSince == person.hiredOn: Course(provider: centre, code: "SC-N", title: "新規採用職員研修")
        case (.general, "主任", _): Course(provider: centre, code: "SC-1", title: "主任研修")
        case (_, _, 2): Course(provider: centre, code: "SC-2", title: "主査・中堅職員研修")
        case (_, _, 3): Course(provider: centre, code: "SC-3", title: "係長研修")
        case (_, _, 4): Course(provider: centre, code: "SC-4", title: "課長補佐研修")
        case (_, _, 5...): Course(provider: centre, code: "SC-5", title: "新任課長研修")
        default: nil
        }
    }

    /// Thematic courses open to each family (選択研修, 派遣研修, 庁内研修).
    static func themes(for family: JobFamily) -> [Course] {
        let common = [
            Course(provider: inHouse, code: "IN-SEC", title: "情報セキュリティ研修"),
            Course(provider: inHouse, code: "IN-HAR", title: "ハラスメント防止研修"),
            Course(provider: centre, code: "SC-CS", title: "接遇・クレーム対応研修"),
        ]
        switch family {
        case .general:
            return common + [
                Course(provider: centre, code: "SC-PF", title: "政策形成研修"),
                Course(provider: centre, code: "SC-LG", title: "法制執務研修"),
                Course(provider: centre, code: "SC-FA", title: "財務会計研修"),
                Course(provider: centre, code: "SC-FC", title: "ファシリテーション研修"),
                Course(provider: inHouse, code: "IN-DX", title: "DX推進リーダー研修"),
                Course(provider: academy, code: "JA-TX", title: "税務専門研修"),
                Course(provider: academy, code: "JA-AM", title: "公共施設マネジメント研修"),
            ]
        case .nursery:
            return common + [
                Course(provider: "県保育士会", code: "HK-PR", title: "保育実践研修"),
                Course(provider: "県保育士会", code: "HK-IN", title: "乳児保育研修"),
            ]
        case .manual:
            return common + [
                Course(provider: inHouse, code: "IN-DR", title: "安全運転研修"),
                Course(provider: inHouse, code: "IN-FH", title: "食品衛生研修"),
            ]
        case .fire:
            return common + [
                Course(provider: fireSchool, code: "FS-Q", title: "救急科"),
                Course(provider: fireSchool, code: "FS-R", title: "救助科"),
            ]
        }
    }

    static func rows(for people: [ExamplePerson], asOf: LocalDate, seed: UInt64) -> [[String]] {
        var rng = SeededRandom(seed: seed ^ 0x415C)
        let earliest = asOf.adding(months: -36)
        var rows: [[String]] = []
        for person in people {
            var taken: [(Course, LocalDate)] = []
            // The rank-based course some months after hiring or promotion.
            if let course = rankTraining(for: person) {
                let date = weekday(person.rankSince.adding(days: rng.int(20...200)))
                if date >= earliest, date < asOf { taken.append((course, date)) }
            }
            if person.mentorTrained {
                let date = weekday(asOf.adding(days: -rng.int(60...900)))
                taken.append((Course(provider: inHouse, code: "IN-MT", title: "メンター研修"), date))
            }
            var themes = themes(for: person.family)
            for _ in 0..<rng.int(0...3) {
                let course = themes.remove(at: rng.int(0...(themes.count - 1)))
                let date = weekday(asOf.adding(days: -rng.int(7...1000)))
                if date >= person.hiredOn { taken.append((course, date)) }
            }
            for (course, date) in taken.sorted(by: { $0.1 < $1.1 }) {
                // Most file the report (復命書) within three weeks; recent ones may not have yet.
                let filed = date.adding(days: rng.int(2...21))
                let report = filed < asOf && !rng.chance(0.08) ? person.dateStyle.format(filed) : ""
                rows.append([person.id, course.provider, "\(course.code)-\(date.fiscalYear)", course.title,
                             person.dateStyle.format(date), report])
            }
        }
        return rows
    }

    /// The same date, moved to the Monday after if it falls on a weekend.
    static func weekday(_ date: LocalDate) -> LocalDate {
        switch ISOWeek.weekday(date) {
        case 6: date.adding(days: 2)
        case 7: date.adding(days: 1)
        default: date
        }
    }
}
