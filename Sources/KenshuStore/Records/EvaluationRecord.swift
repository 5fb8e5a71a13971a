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

    /// Read by column name, not through `Decodable`: a weekly run reads every rating of the
    /// latest periods, and the coder's per-row key conversion cost more than the query.
    init(row: Row) throws {
        staffId = try row.decode(forColumn: "staff_id")
        period = try row.decode(forColumn: "period")
        ability = try row.decode(forColumn: "ability")
        rater = try row.decode(forColumn: "rater")
        score = try row.decode(forColumn: "score")
    }

    /// Written by column name, not through `Encodable` (an import writes every rating).
    func encode(to container: inout PersistenceContainer) throws {
        container["staff_id"] = staffId
        container["period"] = period
        container["ability"] = ability
        container["rater"] = rater
        container["score"] = score
    }

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
