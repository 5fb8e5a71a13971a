import Testing
import KenshuCore

/// The work map: places of a member of staff, their fields and roles, and who owns a field.
struct WorkRulesTests {
    let work = WorkRules(
        departments: ["税務課": ["税務", "徴収"], "会計課": ["会計", "契約"]],
        sections: ["企画政策課/財政係": ["財政", "契約"]],
        roles: ["窓口担当": ["市民課", "税務課"], "契約担当": ["企画政策課/契約担当"]])

    @Test func aSectionCellMayListSeveral() {
        #expect(WorkRules.places(department: "企画政策課", section: "財政係,契約担当")
            == ["企画政策課", "企画政策課/財政係", "企画政策課/契約担当"])
        #expect(WorkRules.places(department: "市民課", section: "") == ["市民課"])
    }

    @Test func fieldsAndRolesComeFromTheDepartmentAndThe係() {
        #expect(work.fields(department: "税務課", section: "収納係") == ["税務", "徴収"])
        #expect(work.fields(department: "企画政策課", section: "財政係,契約担当") == ["財政", "契約"])
        #expect(work.fields(department: "建設課", section: "道路係").isEmpty)
        #expect(work.roles(department: "税務課", section: "") == ["窓口担当"])
        #expect(work.roles(department: "企画政策課", section: "財政係,契約担当") == ["契約担当"])
    }

    @Test func ownersAndOwnedFields() {
        #expect(work.ownedFields == ["税務", "徴収", "会計", "契約", "財政"])
        #expect(work.owners(of: "契約") == ["企画政策課/財政係", "会計課"])
        #expect(work.owners(of: "法務").isEmpty)
    }
}
