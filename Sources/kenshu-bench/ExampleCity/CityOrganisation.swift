/// The example city's organisation: departments (所属), their sections (係) and crews.
/// Proportions follow a city of about 35,000 people with about 450 staff.
enum CityOrganisation {
    /// What kind of work a section does, which decides its staff's titles.
    enum SectionKind {
        case clerical, engineering, health, nutrition

        var entryTitle: String {
            switch self {
            case .clerical: "主事"
            case .engineering: "技師"
            case .health: "保健師"
            case .nutrition: "栄養士"
            }
        }

        var seniorTitle: String {
            switch self {
            case .clerical: "主査"
            case .engineering: "技師(主査)"
            case .health: "保健師(主査)"
            case .nutrition: "栄養士(主査)"
            }
        }
    }

    /// A crew of 現業職 staff under one chief, attached to a section.
    struct Crew {
        let chiefTitle: String?
        let memberTitle: String
        let size: Int
    }

    struct Section {
        let name: String
        var kind = SectionKind.clerical
        var crew: Crew?
    }

    struct Department {
        let name: String
        var headTitle = "課長"
        var hasDeputy = false
        let sections: [Section]
    }

    static let departments: [Department] = [
        Department(name: "総務課", hasDeputy: true, sections: [
            Section(name: "人事係"), Section(name: "行政係"), Section(name: "情報政策係"),
            Section(name: "管財係", crew: Crew(chiefTitle: "主任運転手", memberTitle: "運転手", size: 3)),
        ]),
        Department(name: "企画政策課", hasDeputy: true, sections: [Section(name: "企画係"), Section(name: "財政係")]),
        Department(name: "税務課", hasDeputy: true, sections: [
            Section(name: "市民税係"), Section(name: "資産税係"), Section(name: "収納係"),
        ]),
        Department(name: "市民課", sections: [Section(name: "市民窓口係"), Section(name: "戸籍係")]),
        Department(name: "子育て支援課", sections: [Section(name: "子育て支援係"), Section(name: "保育係")]),
        Department(name: "健康推進課", sections: [
            Section(name: "健康づくり係", kind: .health), Section(name: "保健指導係", kind: .health),
        ]),
        Department(name: "福祉課", hasDeputy: true, sections: [
            Section(name: "社会福祉係"), Section(name: "障がい福祉係"), Section(name: "高齢福祉係"),
        ]),
        Department(name: "建設課", hasDeputy: true, sections: [
            Section(name: "道路係", kind: .engineering),
            Section(name: "維持係", kind: .engineering,
                    crew: Crew(chiefTitle: "主任工務員", memberTitle: "工務員", size: 6)),
            Section(name: "都市計画係", kind: .engineering),
        ]),
        Department(name: "上下水道課", sections: [
            Section(name: "水道係", kind: .engineering), Section(name: "下水道係", kind: .engineering),
        ]),
        Department(name: "農林課", sections: [Section(name: "農政係"), Section(name: "林務係")]),
        Department(name: "商工観光課", sections: [Section(name: "商工係"), Section(name: "観光係")]),
        Department(name: "学校教育課", sections: [Section(name: "教育総務係"), Section(name: "学務係")]),
        Department(name: "生涯学習課", sections: [
            Section(name: "生涯学習係"),
            Section(name: "スポーツ係", crew: Crew(chiefTitle: "主任管理員", memberTitle: "管理員", size: 3)),
        ]),
        Department(name: "会計課", sections: [Section(name: "会計係")]),
        Department(name: "議会事務局", headTitle: "局長", sections: [Section(name: "議事係")]),
    ]

    /// The school-lunch centre: a 一般職 section of nutritionists with a large cooking crew,
    /// under the 学校教育課 head.
    static let lunchCentre = Department(name: "学校給食センター", sections: [
        Section(name: "管理係", kind: .nutrition,
                crew: Crew(chiefTitle: "主任調理員", memberTitle: "調理員", size: 12)),
    ])

    /// The city's nurseries (保育士職), under the 子育て支援課 head.
    static let nurseries = ["中央保育園", "東保育園", "西保育園", "南保育園", "北保育園"]

    /// The fire service (公安職): sections under division heads, and two sub-stations.
    static let fireDepartment = "消防本部"
    static let fireDivisions: [(division: String, sections: [String])] = [
        ("総務課", ["総務係"]), ("予防課", ["予防係"]), ("警防課", ["警防係", "救急係"]),
    ]
    static let fireStations = ["東出張所", "西出張所"]
}
