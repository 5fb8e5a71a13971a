import Foundation
import GRDB
import KenshuCore

/// A row of `staff`.
struct StaffRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "staff"

    var id: String
    var name: String
    var email: String?
    var family: String
    var department: String
    var section: String
    var title: String
    var hiredOn: String?
    var rankSince: String?
    var track: String?
    var digitalTier: String?
    var mentorTrained: Bool
    var managerId: String?
    var optedOut: Bool
    var active: Bool
    var updatedAt: Date

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// Read by column name, not through `Decodable` (see `EvaluationRecord.init(row:)`).
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        name = try row.decode(forColumn: "name")
        email = try row.decode(forColumn: "email")
        family = try row.decode(forColumn: "family")
        department = try row.decode(forColumn: "department")
        section = try row.decode(forColumn: "section")
        title = try row.decode(forColumn: "title")
        hiredOn = try row.decode(forColumn: "hired_on")
        rankSince = try row.decode(forColumn: "rank_since")
        track = try row.decode(forColumn: "track")
        digitalTier = try row.decode(forColumn: "digital_tier")
        mentorTrained = try row.decode(forColumn: "mentor_trained")
        managerId = try row.decode(forColumn: "manager_id")
        optedOut = try row.decode(forColumn: "opted_out")
        active = try row.decode(forColumn: "active")
        updatedAt = try row.decode(forColumn: "updated_at")
    }

    /// Written by column name, not through `Encodable`.
    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["name"] = name
        container["email"] = email
        container["family"] = family
        container["department"] = department
        container["section"] = section
        container["title"] = title
        container["hired_on"] = hiredOn
        container["rank_since"] = rankSince
        container["track"] = track
        container["digital_tier"] = digitalTier
        container["mentor_trained"] = mentorTrained
        container["manager_id"] = managerId
        container["opted_out"] = optedOut
        container["active"] = active
        container["updated_at"] = updatedAt
    }

    init(_ member: StaffMember, updatedAt: Date) {
        id = member.id
        name = member.name
        email = member.email
        family = member.family.rawValue
        department = member.department
        section = member.section
        title = member.title
        hiredOn = member.hiredOn?.description
        rankSince = member.rankSince?.description
        track = member.track
        digitalTier = member.digitalTier
        mentorTrained = member.mentorTrained
        managerId = member.managerID
        optedOut = member.optedOut
        active = member.active
        self.updatedAt = updatedAt
    }

    /// The domain value; a row the store cannot read back (edited by hand) is an error.
    func member() throws(StoreError) -> StaffMember {
        guard let family = JobFamily(parsing: family) else {
            throw StoreError.corrupt("staff \(id): unknown job family '\(family)'")
        }
        return StaffMember(
            id: id, name: name, email: email, family: family, department: department, section: section,
            title: title, hiredOn: hiredOn.flatMap(LocalDate.init(parsing:)),
            rankSince: rankSince.flatMap(LocalDate.init(parsing:)), track: track, digitalTier: digitalTier,
            mentorTrained: mentorTrained, managerID: managerId, optedOut: optedOut, active: active)
    }

    /// Notes in `impact` each field of this stored row as `new` would have it (by the roster's
    /// column keys).
    func noteFields(to new: StaffRecord, in impact: inout ImportImpact) {
        impact.note("name", old: name, new: new.name)
        impact.note("email", old: email, new: new.email)
        impact.note("job_family", old: family, new: new.family)
        impact.note("department", old: department, new: new.department)
        impact.note("section", old: section, new: new.section)
        impact.note("title", old: title, new: new.title)
        impact.note("hired_on", old: hiredOn, new: new.hiredOn)
        impact.note("rank_since", old: rankSince, new: new.rankSince)
        impact.note("track", old: track, new: new.track)
        impact.note("digital_tier", old: digitalTier, new: new.digitalTier)
        impact.note("mentor_trained", old: mentorTrained ? "1" : nil, new: new.mentorTrained ? "1" : nil)
        impact.note("manager_id", old: managerId, new: new.managerId)
        impact.note("opted_out", old: optedOut ? "1" : nil, new: new.optedOut ? "1" : nil)
    }

    /// Same person data, ignoring the update time: re-importing an unchanged roster changes nothing.
    func sameData(as other: StaffRecord) -> Bool {
        var copy = other
        copy.updatedAt = updatedAt
        return self == copy
    }
}

extension StaffRecord: Equatable {}
