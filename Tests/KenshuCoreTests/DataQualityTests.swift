import Testing
@testable import KenshuCore

/// Data-quality warnings over staff values.
struct DataQualityTests {
    static let catalog = PolicyCatalog(
        title: "t", revision: "r", vision: "v", abilities: [],
        skillMaps: [SkillMap(id: "m", name: "m", family: .general, legend: [], bands: [
            RankBand(id: "general.shuji", family: .general, titles: ["主事"], ladderStep: 1, managerial: false, behaviours: [:]),
        ])],
        pdcaStages: [], trainingKinds: [], digitalTiers: [], careerTracks: [], mentorProgramme: "", trainingReport: "")

    func member(_ id: String, title: String = "主事", email: String? = "a@example.jp", manager: String? = nil,
                name: String = "小千谷 太郎", active: Bool = true) -> StaffMember {
        StaffMember(id: id, name: name, email: email, family: .general, department: "総務課", section: "", title: title,
                    hiredOn: nil, rankSince: nil, track: nil, digitalTier: nil, mentorTrained: false, managerID: manager,
                    optedOut: false, active: active)
    }

    @Test func flagsEachProblemOfActiveStaff() throws {
        let check = DataQualityCheck(resolver: try BandResolver(catalog: Self.catalog))
        let staff = [
            member("1"), member("2", title: "参与"), member("3", email: nil), member("4", email: "bad address"),
            member("5", manager: "99"), member("6", manager: "7"), member("7", active: false),
            member("8", name: "小千谷\r\nBcc: x@example.jp"), member("9", title: "参与", active: false),
        ]
        let warnings = check.warnings(staff: staff, evaluatedStaff: ["1", "2", "3", "4", "5", "6", "8"], latestPeriod: 2025)
        let found = Set(warnings.map { "\($0.staffID):\($0.kind.rawValue)" })
        #expect(found == [
            "2:unknown-title", "3:missing-email", "4:invalid-email", "5:unknown-manager", "6:unknown-manager",
            "8:control-characters",
        ])
    }

    @Test func flagsMissingEvaluationsOnlyOnceAPeriodExists() throws {
        let check = DataQualityCheck(resolver: try BandResolver(catalog: Self.catalog))
        #expect(check.warnings(staff: [member("1")], evaluatedStaff: nil, latestPeriod: nil).isEmpty)
        #expect(check.warnings(staff: [member("1")], evaluatedStaff: [], latestPeriod: 2025).map(\.kind) == [.missingEvaluation])
    }
}
