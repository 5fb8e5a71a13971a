import Foundation
import KenshuStore

/// The console's audit log (監査ログ, table `console_audit`): written through the one
/// read-write connection the console keeps for it; the pages read through the read-only one.
public struct AuditLog: Sendable {
    /// What the log records; the raw value is stored, the Japanese name shown.
    public enum Action: String, Sendable, CaseIterable {
        case login
        case loginFailed = "login-failed"
        case loginThrottled = "login-throttled"
        case logout
        case rulesApplied = "rules-applied"
        case upload
        case uploadAccepted = "upload-accepted"

        public var japaneseName: String {
            switch self {
            case .login: "ログイン"
            case .loginFailed: "ログイン失敗"
            case .loginThrottled: "ログイン制限中の試行"
            case .logout: "ログアウト"
            case .rulesApplied: "規則の適用"
            case .upload: "アップロード"
            case .uploadAccepted: "保留分の取り込み"
            }
        }

        /// The Japanese name of a stored action (the raw value itself when unknown).
        public static func japaneseName(of raw: String) -> String {
            Action(rawValue: raw)?.japaneseName ?? raw
        }
    }

    let store: KenshuStore
    let now: @Sendable () -> Date

    public init(store: KenshuStore, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    /// Appends one entry; a failure is an error (the action is then not done).
    public func record(_ action: Action, account: String, address: String, detail: String = "") throws(StoreError) {
        try store.appendConsoleAudit(ConsoleAuditEntry(at: now(), account: account, address: address,
                                                       action: action.rawValue, detail: detail))
    }
}
