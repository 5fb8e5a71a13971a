import KenshuCore
import KenshuCycle

/// The few people a page names (pairs, unmatched mentees, groups), read by id: a page never
/// loads every member of staff to show some of them.
enum StaffNames {
    static func of(_ ids: some Sequence<String>, session: Session) throws(KenshuError) -> [String: StaffMember] {
        let wanted = Array(Set(ids))
        guard !wanted.isEmpty else { return [:] }
        do {
            return Dictionary(try session.store.staff(ids: wanted).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        } catch {
            throw KenshuError(.runtime, error.description)
        }
    }
}

/// A member of staff as the mentor lists show them: name and department, and the staff
/// number that links to `/staff/ID`.
struct PersonLine: Sendable {
    var id: String
    var name: String
    var department: String

    init(_ id: String, _ staff: [String: StaffMember]) {
        self.id = id
        name = staff[id]?.name ?? "（名簿にいません）"
        department = staff[id]?.department ?? ""
    }
}
