import GRDB
import KenshuCore

/// A row of `evaluation`.
struct EvaluationRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "evaluation"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var staffId: String
    var period: Int
    var ability: Int
    var rater: String
    var score: Int

    init(_ evaluation: Evaluation) {
        staffId = evaluation.staffID
        period = evaluation.period
        ability = evaluation.ability
        rater = evaluation.rater.rawValue
        score = evaluation.score
    }

    func evaluation() throws(StoreError) -> Evaluation {
        guard let role = RaterRole(rawValue: rater) else {
            throw StoreError.corrupt("evaluation of \(staffId): unknown rater '\(rater)'")
        }
        return Evaluation(staffID: staffId, ability: ability, score: score, rater: role, period: period)
    }
}
