/// What `kenshu console user add|passwd|remove` do to the accounts file: each reads it,
/// changes one account and writes it back whole (see `AccountsFile`).
public enum AccountChanges {
    /// Adds `name` with `role`; refused when the name is taken or the password too short.
    public static func add(name: String, role: ConsoleAccount.Role, password: String, file: AccountsFile) throws(AccountsError) {
        try checkName(name)
        var accounts = try file.read()
        guard !accounts.contains(where: { $0.name == name }) else {
            throw AccountsError("アカウント \(name) はすでにあります。パスワードを変えるには `kenshu console user passwd \(name)` を使ってください。")
        }
        accounts.append(ConsoleAccount(name: name, role: role, hash: try Passwords.hash(password)))
        try file.write(accounts)
    }

    /// Sets a new password for `name`, and its role when `role` is given.
    public static func changePassword(name: String, role: ConsoleAccount.Role?, password: String, file: AccountsFile) throws(AccountsError) {
        var accounts = try file.read()
        guard let index = accounts.firstIndex(where: { $0.name == name }) else { throw unknown(name, file) }
        accounts[index].hash = try Passwords.hash(password)
        if let role { accounts[index].role = role }
        try file.write(accounts)
    }

    /// Removes `name`.
    public static func remove(name: String, file: AccountsFile) throws(AccountsError) {
        var accounts = try file.read()
        guard accounts.contains(where: { $0.name == name }) else { throw unknown(name, file) }
        accounts.removeAll { $0.name == name }
        try file.write(accounts)
    }

    private static func checkName(_ name: String) throws(AccountsError) {
        guard ConsoleAccount.isValidName(name) else {
            throw AccountsError("アカウント名 '\(name)' は使えません。半角英数字と . _ - で 64 文字までにしてください。")
        }
    }

    private static func unknown(_ name: String, _ file: AccountsFile) -> AccountsError {
        AccountsError("アカウント \(name) は \(file.path) にありません。追加するには `kenshu console user add \(name)` を使ってください。")
    }
}
