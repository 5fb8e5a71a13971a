import Foundation
import KenshuConfig
import KenshuCore
import KenshuPOSIX

/// The console's accounts file (YAML: `accounts:` a list of `name`, `role`, `hash`): read only
/// when nobody but its owner may read it (mode 0600), written whole into a temporary file of
/// mode 0600, synced and renamed over the old one, so a crash leaves the old file or the new.
public struct AccountsFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The accounts, or none when the file does not exist yet.
    public func read() throws(AccountsError) -> [ConsoleAccount] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return [] }
            throw AccountsError("\(path): アカウントファイルを読めません（\(String(cString: strerror(errno)))）。")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw AccountsError("\(path): アカウントファイルが所有者以外にも読める設定です（モード \(String(info.st_mode & 0o777, radix: 8))）。"
                                + "パスワードのハッシュを守るため読み込みません。`chmod 600 \(path)` で所有者だけにしてください。")
        }
        let bytes: [UInt8]
        do {
            bytes = try FilePaths.readBytes(path, what: "accounts file")
        } catch {
            throw AccountsError("\(error)")
        }
        do {
            return try parse(String(decoding: bytes, as: UTF8.self))
        } catch {
            throw AccountsError("\(error.description)（アカウントファイルは `kenshu console user add|passwd|remove` で編集してください）")
        }
    }

    private func parse(_ text: String) throws(InputError) -> [ConsoleAccount] {
        let root = try YAMLValue.parse(text, file: path).mapping(allowed: ["accounts"])
        var accounts: [ConsoleAccount] = []
        for item in try root["accounts"]?.sequence() ?? [] {
            let fields = try item.mapping(allowed: ["name", "role", "hash"])
            guard let nameNode = fields["name"], let roleNode = fields["role"], let hashNode = fields["hash"] else {
                throw item.error("an account needs name, role and hash")
            }
            let name = try nameNode.string()
            guard ConsoleAccount.isValidName(name) else { throw nameNode.error("'\(name)' is not an account name") }
            guard let role = ConsoleAccount.Role(rawValue: try roleNode.string()) else {
                throw roleNode.error("unknown role", hint: "admin or viewer")
            }
            guard !accounts.contains(where: { $0.name == name }) else { throw nameNode.error("the account '\(name)' appears twice") }
            accounts.append(ConsoleAccount(name: name, role: role, hash: try hashNode.string()))
        }
        return accounts
    }

    /// Replaces the file with `accounts` (mode 0600), atomically.
    public func write(_ accounts: [ConsoleAccount]) throws(AccountsError) {
        var text = "# Kenshu の管理画面のアカウント（kenshu console user add|passwd|remove で編集）\naccounts:\n"
        for account in accounts {
            text += "  - name: \"\(account.name)\"\n    role: \(account.role.rawValue)\n    hash: \"\(account.hash)\"\n"
        }
        do {
            try FileReplacement.replace(path, with: Array(text.utf8), mode: 0o600)
        } catch {
            throw AccountsError("\(error.path): 書き込めません（\(error.reason)）。フォルダ \((path as NSString).deletingLastPathComponent) があり、書き込めるか確かめてください。")
        }
    }
}
