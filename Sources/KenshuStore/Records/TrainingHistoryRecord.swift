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
