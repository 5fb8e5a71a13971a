import Foundation
import KenshuConfig
import KenshuCycle
import KenshuStore

/// Everything the console's routes share: the settings, the pages, the sessions and login
/// throttle (in memory), the accounts file (read at each login, so `kenshu console user`
/// takes effect without a restart), the store read-only for pages, and the audit log.
public struct ConsoleEnvironment: Sendable {
    public let settings: ConsoleSettings
    let pages: ConsolePages
    public let sessions: SessionStore
    public let throttle: LoginThrottle
    let cookies: SessionCookies
    public let accounts: AccountsFile
    /// The store opened read-only, with the setup (the rules as the file is now): what the pages show.
    public var reading: Session { rules.session }
    let rules: ConsoleRules
    public let audit: AuditLog
    /// The アップロード page's imports (over the read-write session) and held uploads.
    let uploads: UploadDesk
    /// The city-wide figures some pages show (heatmap, mentor runs), kept per state of the data.
    let overview = CityOverview()
    /// The office's time zone (the config's `timezone`).
    let zone: TimeZone

    public init(settings: ConsoleSettings, pages: ConsolePages, reading: Session, writing: Session, audit: AuditLog,
                sessions: SessionStore? = nil, throttle: LoginThrottle = LoginThrottle()) {
        self.settings = settings
        self.pages = pages
        self.sessions = sessions ?? SessionStore(idleTimeout: TimeInterval(settings.idleMinutes * 60))
        self.throttle = throttle
        cookies = SessionCookies(secure: settings.secureCookies)
        accounts = AccountsFile(path: settings.accountsFile)
        rules = ConsoleRules(reading)
        self.audit = audit
        uploads = UploadDesk(writing: writing, limitMB: settings.uploadLimitMB)
        zone = TimeZone(identifier: reading.configuration.timeZone) ?? .current
    }

    /// Opens what `kenshu console serve` needs from `setup`: the store read-write once (which
    /// brings its schema up to date, and is kept for the audit log and the uploads' imports),
    /// then read-only for the pages; the templates from the catalogue; and checks the
    /// accounts file can be read. Uploads a previous run left are removed.
    public static func open(setup: Setup) throws(ConsoleStartError) -> ConsoleEnvironment {
        let settings = setup.configuration.console
        do {
            _ = try AccountsFile(path: settings.accountsFile).read()
        } catch {
            throw ConsoleStartError(error.message)
        }
        let pages = try ConsolePages.load(directory: templatesDirectory(setup.configuration))
        do {
            let writing = try Session.open(setup, access: .readWrite)
            let reading = try Session.open(setup, access: .readOnly)
            let environment = ConsoleEnvironment(settings: settings, pages: pages, reading: reading, writing: writing,
                                                 audit: AuditLog(store: writing.store))
            environment.uploads.removeLeftovers()
            return environment
        } catch {
            throw ConsoleStartError(error.message)
        }
    }

    /// `<catalog>/templates/ja/console`.
    public static func templatesDirectory(_ configuration: KenshuConfiguration) -> String {
        configuration.catalogDirectory + "/templates/ja/console"
    }
}
