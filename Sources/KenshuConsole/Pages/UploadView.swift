/// アップロード: the result of the upload just sent (the CLI's text; for a held import the
/// form that accepts it), the upload form for admins, and each kind's last import as 今週
/// shows it.
struct UploadView: Sendable {
    struct Choice: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Result: Sendable {
        var heading: String
        var failed: Bool
        var text: String
        /// Set for a held import: the token its 「この内容で取り込む」 form sends.
        var heldToken: String?

        init(_ outcome: UploadImport.Outcome, heldToken: String?) {
            switch outcome {
            case .imported: (heading, failed) = ("取り込みました", false)
            case .checked: (heading, failed) = ("確認しました（保存していません）", false)
            case .held: (heading, failed) = ("保留しました（まだ取り込んでいません）", true)
            case .rejected: (heading, failed) = ("取り込めませんでした（何も変更していません）", true)
            case .busy: (heading, failed) = ("週次処理（または他の取り込み）が実行中です", true)
            }
            text = outcome.text
            self.heldToken = heldToken
        }
    }

    var result: Result?
    var canUpload: Bool
    var kinds: [Choice]
    var encodings: [Choice]
    var limitMB: Int
    var feeds: [WeekView.Feed]
    var imports: [WeekView.StaffImport]
    // Mustache sees stored properties only: the flags the template tests.
    var hasFeeds: Bool
    var hasImports: Bool

    static let encodingLabels: [(value: String, label: String)] = [
        ("auto", "自動（UTF-8 か、BOM 付き UTF-8、でなければ CP932）"), ("utf-8", "UTF-8"), ("cp932", "CP932（Shift_JIS）"),
    ]

    static func make(result: Result?, canUpload: Bool, limitMB: Int, feeds: [WeekView.Feed],
                     imports: [WeekView.StaffImport]) -> UploadView {
        UploadView(
            result: result, canUpload: canUpload,
            kinds: UploadKind.allCases.map { Choice(value: $0.rawValue, label: $0.japaneseName, selected: $0 == .roster) },
            encodings: encodingLabels.map { Choice(value: $0.value, label: $0.label, selected: $0.value == "auto") },
            limitMB: limitMB, feeds: feeds, imports: imports, hasFeeds: !feeds.isEmpty, hasImports: !imports.isEmpty)
    }
}
