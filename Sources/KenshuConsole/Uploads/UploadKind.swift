import KenshuImport

/// What an upload is: one of the HR system's CSV exports (imported as `kenshu roster import`,
/// `evaluations import`, `history import` do) or an institute's course feed (`kenshu import`).
enum UploadKind: String, Sendable, CaseIterable {
    case roster
    case evaluations
    case history
    case feed

    /// The CSV export this is; nil for a feed.
    var staffData: StaffDataKind? {
        StaffDataKind(rawValue: rawValue)
    }

    var japaneseName: String {
        staffData?.japaneseName ?? "研修講座フィード"
    }
}

/// What the upload form asked for: the kind, the CSV's encoding (`--encoding`), and whether
/// only to check (`--dry-run`, `--validate-only`). A value the form never sends is refused.
struct UploadRequest: Sendable {
    var kind: UploadKind
    var encoding: TextEncodingChoice
    var checkOnly: Bool

    static let checkOnlyValue = "1"

    init(fields: [String: String]) throws(UploadRefusal) {
        guard let kind = UploadKind(rawValue: fields["kind"] ?? "") else {
            throw .badField("項目「種類」（kind）の値「\(fields["kind"] ?? "")」は選べる値ではありません。")
        }
        guard let encoding = TextEncodingChoice(rawValue: fields["encoding"] ?? TextEncodingChoice.auto.rawValue) else {
            throw .badField("項目「文字コード」（encoding）の値「\(fields["encoding"] ?? "")」は auto、utf-8、cp932 のどれかです。")
        }
        self.kind = kind
        self.encoding = encoding
        checkOnly = fields["checkOnly"] == Self.checkOnlyValue
    }
}
