import KenshuCore
import KenshuMail

extension RecommendationBasis {
    /// The one line that says where `explain`, `recommend --staff`, `preview` and the HR
    /// console's person page got their answer.
    public var japaneseText: String {
        switch self {
        case .weeklyRun(let day, _):
            return "\(MailText.weekOf(ISOWeek(containing: day)))の定期実行（\(MailText.monthDay(day))時点）の結果です。研修の席も、その実行で全員に割り当てたとおりです。"
        case .recomputed(let reason):
            let caveat = "いまのデータで全員を照合し直した結果です（その週のメールとは違うことがあります）。"
            return switch reason {
            case .noWeeklyRun: "この週の定期実行の記録がないため、いまのデータで全員を照合した結果です。"
            case .dataChanged: "定期実行のあとに職員・評価・研修履歴・研修の情報が変わったため、" + caveat
            case .rulesChanged: "定期実行のあとに rules.yaml か人材育成基本方針の定義が変わったため、" + caveat
            case .otherDay: "定期実行とは別の日を --date で指定したため、その日で全員を照合し直した結果です。"
            }
        }
    }
}
