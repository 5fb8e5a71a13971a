import KenshuCore

/// Reads the roster export (職員名簿) into staff values. Titles are not checked here: an
/// unknown title is a data-quality warning in `status`, never a rejected row.
struct RosterParser {
    static let columns = [
        ColumnSpec(key: "staff_id", japanese: "職員番号", required: true),
        ColumnSpec(key: "name", japanese: "氏名", required: true),
        ColumnSpec(key: "email", japanese: "メール", required: false),
        ColumnSpec(key: "job_family", japanese: "職種", required: true),
        ColumnSpec(key: "department", japanese: "所属", required: true),
        ColumnSpec(key: "section", japanese: "係", required: false),
        ColumnSpec(key: "title", japanese: "職名", required: true),
        ColumnSpec(key: "hired_on", japanese: "採用日", required: false),
        ColumnSpec(key: "rank_since", japanese: "現職位発令日", required: false),
        ColumnSpec(key: "track", japanese: "キャリア", required: false),
        ColumnSpec(key: "digital_tier", japanese: "デジタル人材区分", required: false),
        ColumnSpec(key: "mentor_trained", japanese: "メンター研修修了", required: false),
        ColumnSpec(key: "manager_id", japanese: "上司職員番号", required: false),
        ColumnSpec(key: "opted_out", japanese: "配信停止", required: false),
    ]

    let catalog: PolicyCatalog

    func parse(_ table: CSVTable) throws(InputErrors) -> [StaffMember] {
        try table.parseUniqueRows(
            key: \.id,
            duplicate: { row, earlier in row.error("staff_id", "is listed twice (first on line \(earlier))") },
            parse)
    }

    private func parse(_ row: CSVRow) throws(InputError) -> StaffMember {
        let id = try row.identifier("staff_id") ?? ""
        let familyText = try row.requiredText("job_family")
        guard let family = JobFamily(parsing: familyText) else {
            throw row.error("job_family", "is not a job family",
                            hint: "one of \(JobFamily.allCases.map(\.japaneseName).joined(separator: ", "))")
        }
        let hiredOn = try row.date("hired_on", required: false)
        let rankSince = try row.date("rank_since", required: false)
        if let hiredOn, let rankSince, rankSince < hiredOn {
            throw row.error("rank_since", "is before the hiring date \(hiredOn)")
        }
        var track: String?
        if !row.value("track").isEmpty {
            guard let found = catalog.careerTrack(parsing: row.value("track")) else {
                throw row.error("track", "is not a career track",
                                hint: "one of \(catalog.careerTracks.map(\.name).joined(separator: ", ")), or empty")
            }
            track = found.id
        }
        var tier: String?
        if !row.value("digital_tier").isEmpty {
            guard let found = catalog.digitalTier(parsing: row.value("digital_tier")) else {
                throw row.error("digital_tier", "is not a digital talent tier",
                                hint: "one of \(catalog.digitalTiers.map(\.name).joined(separator: ", ")), or empty")
            }
            tier = found.id
        }
        let managerID = try row.identifier("manager_id", required: false)
        if managerID == id { throw row.error("manager_id", "is the person's own id") }
        let email = row.value("email")
        return StaffMember(
            id: id, name: try row.requiredText("name"), email: email.isEmpty ? nil : email, family: family,
            department: try row.requiredText("department"), section: row.value("section"),
            title: try row.requiredText("title"), hiredOn: hiredOn, rankSince: rankSince, track: track,
            digitalTier: tier, mentorTrained: try row.flag("mentor_trained"), managerID: managerID,
            optedOut: try row.flag("opted_out"))
    }
}
