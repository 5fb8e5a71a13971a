import Foundation
import Hummingbird

/// Why the console refuses a request; `RefusalMiddleware` turns each into its status and a
/// Japanese page saying what happened and what to do.
public enum ConsoleRefusal: Error, Sendable, Equatable {
    /// No live session: 303 to the login page.
    case notLoggedIn
    /// The account's role may not do this: 403.
    case forbidden
    /// A POST without its form's CSRF token, or with a wrong one: 403.
    case badCSRFToken
    /// Not one of the console's pages: 404.
    case notFound
    /// The request body is larger than the limit: 413.
    case tooLarge
    /// Too many failed logins: 429 until `until`.
    case throttled(until: Date)
    /// A form's value the page cannot use: 400, with what and where (Japanese).
    case badInput(String)

    var status: HTTPResponse.Status {
        switch self {
        case .notLoggedIn: .seeOther
        case .forbidden, .badCSRFToken: .forbidden
        case .notFound: .notFound
        case .tooLarge: .contentTooLarge
        case .throttled: .tooManyRequests
        case .badInput: .badRequest
        }
    }

    /// The page's heading and text.
    var message: (title: String, text: String) {
        switch self {
        case .notLoggedIn: ("ログインしてください", "このページを見るにはログインが必要です。")
        case .forbidden: ("権限がありません", "このページや操作は管理者（admin）のアカウントだけが使えます。必要なら人材育成担当の管理者に依頼してください。")
        case .badCSRFToken: ("送信を受け付けられません", "フォームの確認用トークンがないか、古くなっています。ページを開き直してから、もう一度送信してください。")
        case .notFound: ("ページが見つかりません", "このアドレスのページはありません。上のメニューから開いてください。")
        case .tooLarge: ("送信されたデータが大きすぎます", "\(ConsoleLimits.maxBodyBytes / 1024 / 1024) MB までにしてください。何も変更していません。")
        case .throttled: ("ログインを一時的に止めています", "ログインの失敗が続いたため（15 分間に 5 回）、しばらくログインできません。")
        case .badInput(let text): ("入力を確かめてください", text + " 何も変更していません。")
        }
    }
}
