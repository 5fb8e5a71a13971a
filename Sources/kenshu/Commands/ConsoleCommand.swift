import ArgumentParser
import Foundation
import KenshuConsole
import KenshuCore

/// `kenshu console`: the HR console (管理画面) — serving it, and its accounts.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "The HR console (管理画面): serve it, manage its accounts.",
        discussion: "Off unless console.listen is set in kenshu.yaml. See docs/console.md.",
        subcommands: [ConsoleServeCommand.self, ConsoleUserCommand.self])
}

/// `kenshu console serve`.
struct ConsoleServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HR console on console.listen until SIGTERM (systemd: kenshu-console.service).",
        discussion: "Logs go to standard error. Exit codes: 0 stopped, 1 could not serve, 2 bad config or accounts file.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let code = await ConsoleServer.run(configPath: common.config)
        if code != 0 { throw ExitCode(code) }
    }
}

/// `kenshu console user add|passwd|remove NAME`.
struct ConsoleUserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add an account, change its password (and role), or remove it.",
        discussion: """
            The password is read from standard input when it is not a terminal (one line, so a script can \
            set it), else asked twice without echo. At least \(Passwords.minimumLength) characters. \
            The accounts file (console.accounts, default <state>/console-users.yaml) is written with mode 0600.
            """)

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case add, passwd, remove
    }

    enum RoleArgument: String, ExpressibleByArgument, CaseIterable {
        case admin, viewer
    }

    @Argument(help: "add, passwd or remove.")
    var action: Action

    @Argument(help: "The account name (letters, digits, . _ -).")
    var name: String

    @Option(help: "admin (also changes rules, uploads, reads the audit log) or viewer (reads). Default for add: viewer.")
    var role: RoleArgument?

    @OptionGroup var common: CommonOptions

    func run() throws {
        let setup = try common.setup()
        let file = AccountsFile(path: setup.configuration.console.accountsFile)
        let role = role.flatMap { ConsoleAccount.Role(rawValue: $0.rawValue) }
        do {
            switch action {
            case .add:
                try AccountChanges.add(name: name, role: role ?? .viewer, password: try PasswordInput.read(), file: file)
                Console.print("アカウント \(name)（\((role ?? .viewer).japaneseName)）を追加しました: \(file.path)")
            case .passwd:
                try AccountChanges.changePassword(name: name, role: role, password: try PasswordInput.read(), file: file)
                Console.print("アカウント \(name) のパスワードを変更しました: \(file.path)")
            case .remove:
                try AccountChanges.remove(name: name, file: file)
                Console.print("アカウント \(name) を削除しました: \(file.path)")
            }
        } catch {
            throw KenshuError(.badInput, error.message)
        }
    }
}
