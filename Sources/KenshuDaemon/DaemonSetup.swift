import KenshuApp

/// Loads and checks everything the daemon serves with — config, policy catalogue, rules,
/// mail templates, feed profiles — at start and on every SIGHUP, so that a bad file is
/// caught before it is used (at start: exit 2; on reload: the old setup stays).
enum DaemonSetup {
    static func load(configPath: String) throws(AppError) -> AppContext {
        let context = try AppContext.load(configPath: configPath)
        _ = try WeeklyMails.templates(context: context)
        _ = try FeedImport.importer(context: context)
        return context
    }

    /// A reload's setup, which may not move the state folder (the lock and the store are held there).
    static func reload(configPath: String, current: AppContext) throws(AppError) -> AppContext {
        let context = try load(configPath: configPath)
        let (old, new) = (current.configuration.stateDirectory, context.configuration.stateDirectory)
        guard old == new else {
            throw AppError(.badInput, "\(context.configuration.file): state moved from \(old) to \(new): restart kenshu serve to move it")
        }
        return context
    }
}
