import ArgumentParser
import KenshuDaemon

/// `kenshu serve`: the long-running daemon (systemd service).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the daemon: inbox watcher, feed polling, the weekly run, SIGHUP reload (systemd Type=notify).",
        discussion: """
            Imports feeds dropped into the inbox and those published by URL, runs the weekly cycle at the \
            configured slot (schedule: weekday, time, timezone; default Monday 07:00 Asia/Tokyo) once per \
            week, reloads config, rules and templates on SIGHUP (a bad file keeps the running setup), and \
            stops cleanly on SIGTERM or SIGINT. Logs go to standard error (journal priorities under systemd). \
            One daemon per state folder: a second one exits 2.
            """
    )

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let code = await Daemon.run(configPath: common.config)
        if code != 0 { throw ExitCode(code) }
    }
}
