import Foundation
import KenshuCore
import KenshuCycle
import KenshuMatch

/// The JSON of `kenshu recommend` and `kenshu explain`: `{"staff", "recommendations": [{"provider",
/// "courseId", "presentationId", "title", "score", "mandatory", "reasons"}]}`, with `band`,
/// `gaps`, score parts and `excluded` added by explain.
struct RecommendationOutput: Encodable {
    struct Item: Encodable {
        var provider: String
        var courseId: String
        var presentationId: String
        var title: String
        var start: String?
        var applyBy: String?
        var score: Double
        var mandatory: Bool
        var reasons: [String]
        var sources: [String]
        var parts: ScoreParts?
    }

    struct Excluded: Encodable {
        var provider: String
        var courseId: String
        var title: String
        var reason: String
    }

    var staff: String
    var date: String
    var band: String?
    var gaps: [AbilityGap]?
    var recommendations: [Item]
    var alsoEligible: [Item]?
    var excluded: [Excluded]?
    /// Where the result comes from, for the commands that may reuse the week's run.
    var basis: BasisOutput?

    init(_ result: PersonRecommendations, date: LocalDate, explain: Bool, basis: RecommendationBasis? = nil) {
        func item(_ recommendation: Recommendation) -> Item {
            Item(provider: recommendation.provider, courseId: recommendation.courseID,
                 presentationId: recommendation.presentationID, title: recommendation.title,
                 start: recommendation.start?.description, applyBy: recommendation.applyBy?.description,
                 score: (recommendation.score * 1000).rounded() / 1000, mandatory: recommendation.mandatory,
                 reasons: recommendation.reasons, sources: recommendation.sources,
                 parts: explain ? recommendation.parts : nil)
        }
        staff = result.staffID
        self.date = date.description
        band = explain ? result.band : nil
        gaps = explain ? result.gaps : nil
        recommendations = result.recommendations.map(item)
        alsoEligible = explain ? result.alsoEligible.map(item) : nil
        excluded = explain
            ? result.excluded.map { Excluded(provider: $0.provider, courseId: $0.courseID, title: $0.title, reason: $0.reason.text) }
            : nil
        self.basis = basis.map(BasisOutput.init)
    }
}

/// `{"source": "weeklyRun", "day", "finishedAt"}` or `{"source": "recomputed", "reason"}`.
struct BasisOutput: Encodable {
    var source: String
    var day: String?
    var finishedAt: Date?
    var reason: RecomputeReason?

    init(_ basis: RecommendationBasis) {
        switch basis {
        case .weeklyRun(let day, let finishedAt):
            source = "weeklyRun"
            self.day = day.description
            self.finishedAt = finishedAt
        case .recomputed(let reason):
            source = "recomputed"
            self.reason = reason
        }
    }
}
