import KenshuConfig
import KenshuCore
import KenshuCycle
import KenshuImport
import KenshuMail

/// Loads and checks everything the daemon serves with — config, policy catalogue, rules,
/// mail templates, feed profiles — at start and on every SIGHUP, so that a bad file is
/// caught before it is used (at start: exit 2; on reload: the old setup stays).
enum DaemonSetup {
    static func load(configPath: String) throws(KenshuError) -> Setup {
        let setup = try Setup.load(configPath: configPath)
        _ = try WeeklyMails.templates(setup: setup)
        _ = try FeedImport.profiles(setup: setup)
        return setup
    }

    /// A reload's setup, which may not move the state folder (the lock and the store are held there).
    static func reload(configPath: String, current: Setup) throws(KenshuError) -> Setup {
        let setup = try load(configPath: configPath)
        let (old, new) = (current.configuration.stateDirectory, setup.configuration.stateDirectory)
        guard old == new else {
            throw KenshuError(.badInput, "\(setup.configuration.file): state moved from \(old) to \(new): restart kenshu serve to move it")
        }
        return setup
    }
}
