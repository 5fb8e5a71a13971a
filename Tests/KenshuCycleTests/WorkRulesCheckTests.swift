import KenshuCore
import Testing
@testable import KenshuCycle

/// `kenshu rules check` on the work map: a field no course has and a place the roster does
/// not have are warned about, with a did-you-mean.
struct WorkRulesCheckTests {
    @Test func anUnusedFieldAndAnUnknownPlaceAreWarnedAbout() {
        let work = WorkRules(departments: ["会計科": ["会計"], "税務課": ["徴税", "税務"]],
                             sections: ["企画政策課/財政係": ["財政"]], roles: ["窓口担当": ["市民課", "市民係"]])
        let warnings = WorkRulesCheck.warnings(
            work, subjects: ["会計", "税務", "徴収", "財政"],
            places: ["会計課", "税務課", "市民課", "企画政策課", "企画政策課/財政係"])
        #expect(warnings == [
            "work.departments.会計科: 「会計科」は職員名簿にない所属・係です（もしかして「会計課」？）",
            "work.departments.税務課: 分野「徴税」はどの研修フィードの研修にもありません（もしかして「徴収」？）",
            "work.roles.窓口担当: 「市民係」は職員名簿にない所属・係です（もしかして「市民課」？）",
        ])
    }

    @Test func nothingToCheckAgainstGivesNoWarning() {
        let work = WorkRules(departments: ["会計科": ["会計"]])
        #expect(WorkRulesCheck.warnings(work, subjects: [], places: []).isEmpty)
    }
}
