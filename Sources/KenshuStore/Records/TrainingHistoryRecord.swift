import GRDB
import KenshuCore

/// A row of `training_history`.
struct TrainingHistoryRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "training_history"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var staffId: String
    var provider: String
    var courseId: String
    var title: String
    var completedOn: String
    var reportFiledOn: String?

    /// Read by column name, not through `Decodable` (see `EvaluationRecord.init(row:)`).
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        staffId = try row.decode(forColumn: "staff_id")
        provider = try row.decode(forColumn: "provider")
        courseId = try row.decode(forColumn: "course_id")
        title = try row.decode(forColumn: "title")
        completedOn = try row.decode(forColumn: "completed_on")
        reportFiledOn = try row.decode(forColumn: "report_filed_on")
    }

    /// Written by column name, not through `Encodable`.
    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["staff_id"] = staffId
        container["provider"] = provider
        container["course_id"] = courseId
        container["title"] = title
        container["completed_on"] = completedOn
        container["report_filed_on"] = reportFiledOn
    }

    init(_ record: TrainingRecord) {
        staffId = record.staffID
        provider = record.provider
        courseId = record.courseID
        title = record.title
        completedOn = record.completedOn.description
        reportFiledOn = record.reportFiledOn?.description
    }

    func trainingRecord() throws(StoreError) -> TrainingRecord {
        guard let completed = LocalDate(parsing: completedOn) else {
            throw StoreError.corrupt("training of \(staffId): bad completion date '\(completedOn)'")
        }
        return TrainingRecord(staffID: staffId, provider: provider, courseID: courseId, title: title,
                              completedOn: completed, reportFiledOn: reportFiledOn.flatMap(LocalDate.init(parsing:)))
    }
}
