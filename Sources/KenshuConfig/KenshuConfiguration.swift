import KenshuCore

/// The daemon's configuration (`kenshu.yaml`): where the catalogue, state, rules, inbox,
/// spool and the HR system's exports are. Relative paths are relative to the config file.
public struct KenshuConfiguration: Sendable, Equatable {
    /// The config file itself (absolute).
    public var file: String
    /// Folder with `policy/`, templates and profiles.
    public var catalogDirectory: String
    /// Folder of the SQLite store.
    public var stateDirectory: String
    /// The rules file.
    public var rulesFile: String
    /// IANA time zone of the office.
    public var timeZone: String
    /// Folder where feeds are dropped.
    public var inboxDirectory: String
    /// Outgoing mail spool (`tmp/`, `new/`, `cur/`).
    public var spoolDirectory: String
    /// HR exports that `kenshu run` imports, when named.
    public var data: DataFiles
    /// HR office addresses for the HR report.
    public var hrAddresses: [String]
    /// Course feeds: profiles, sources, limits.
    public var feeds: FeedSettings
    /// The city's departments in the order its reports list them (`departments.order`);
    /// departments not named follow in the roster's order.
    public var departmentOrder: [String] = []
    /// When the week's data is fit to mail.
    public var gate: MailGateSettings = MailGateSettings()
    /// The weekly mails: sender, footer, when to send, templates.
    public var mail: MailSettings = MailSettings()
    /// What `kenshu serve` does on its own: the weekly slot, the inbox watch.
    public var serve: ServeSettings = ServeSettings(timeZone: Defaults.timeZone)
    /// The HR console (管理画面): off unless `console.listen` is set.
    public var console: ConsoleSettings = ConsoleSettings(accountsFile: Defaults.stateDirectory + "/" + ConsoleSettings.defaultAccountsFileName)

    /// The HR system's CSV exports that a full cycle imports.
    public struct DataFiles: Sendable, Equatable {
        public var roster: String?
        public var evaluations: String?
        public var history: String?
        /// `auto`, `utf-8` or `cp932`.
        public var encoding: String
        /// How an import is checked before it changes the store.
        public var review: ImportReviewSettings = ImportReviewSettings()
    }

    /// Where `kenshu serve` keeps the downloaded copies of polled feeds.
    public var downloadDirectory: String { stateDirectory + "/feeds" }

    /// The SQLite file inside the state folder.
    public var databasePath: String { stateDirectory + "/kenshu.sqlite" }

    /// Where installs put things (see DESIGN: On the HR server).
    public enum Defaults {
        public static let configFile = "/etc/kenshu/kenshu.yaml"
        public static let catalogDirectory = "/usr/local/share/kenshu"
        public static let stateDirectory = "/var/lib/kenshu"
        public static let rulesFile = "/etc/kenshu/rules.yaml"
        public static let inboxDirectory = "/var/spool/kenshu/incoming"
        public static let spoolDirectory = "/var/spool/kenshu/outgoing"
        public static let timeZone = "Asia/Tokyo"
    }
}
