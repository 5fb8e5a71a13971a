import Hummingbird

/// Why an upload is refused before any import runs (the admin and CSRF checks are the
/// console's own refusals): each is a Japanese page with its status, and nothing is changed.
enum UploadRefusal: Error, Sendable, Equatable {
    /// The body is over `console.uploadLimitMB`: 413.
    case tooLarge
    /// The body is not a readable `multipart/form-data`: 400.
    case malformed(MultipartError)
    /// A field is missing or has a value the form never sends: 400.
    case badField(String)
    /// The console could not store the upload: 500.
    case failed(String)
    /// No held upload has this token for this session (used, expired, or another's): 404.
    case heldUploadGone

    var status: HTTPResponse.Status {
        switch self {
        case .tooLarge: .contentTooLarge
        case .malformed, .badField: .badRequest
        case .failed: .internalServerError
        case .heldUploadGone: .notFound
        }
    }

    /// The page's heading and text; `limitMB` is the upload limit.
    func message(limitMB: Int) -> (title: String, text: String) {
        switch self {
        case .tooLarge:
            ("ファイルが大きすぎます",
             "アップロードできるのは \(limitMB) MB までです（kenshu.yaml の console.uploadLimitMB）。何も変更していません。"
                 + "大きなファイルはサーバーで kenshu roster import（evaluations import、history import、import）で取り込んでください。")
        case .malformed(let error):
            ("アップロードを読めません",
             error.message + "何も変更していません。ページを開き直して、フォームからもう一度送ってください。")
        case .badField(let text):
            ("アップロードを読めません", text + "何も変更していません。ページを開き直して、フォームからもう一度送ってください。")
        case .heldUploadGone:
            ("保留中のアップロードが見つかりません",
             "1 時間を過ぎたか、すでに取り込んだか、別のログインでアップロードしたものです。何も変更していません。もう一度アップロードしてください。")
        case .failed(let text):
            ("アップロードを受け取れませんでした",
             text + "。何も変更していません。続くようならサーバーのログ（journalctl -u kenshu-console）と状態フォルダーの空きを確かめてください。")
        }
    }

    /// `拒否:` with the heading and the first sentence, for the audit log.
    func auditText(limitMB: Int) -> String {
        let (title, text) = message(limitMB: limitMB)
        return "拒否: " + title + ": " + (text.split(separator: "。").first.map(String.init) ?? text)
    }
}
