import Foundation
import KenshuConsole

/// A new password for `kenshu console user`: one line of standard input when it is not a
/// terminal; else asked twice on the terminal without echo.
enum PasswordInput {
    static func read() throws(AccountsError) -> String {
        if isatty(STDIN_FILENO) == 0 {
            guard let line = readLine(strippingNewline: true) else {
                throw AccountsError("標準入力からパスワードを読めませんでした。1 行で渡してください（例: printf '%s\\n' \"$PASSWORD\" | kenshu console user add NAME）。")
            }
            return line
        }
        let first = prompt("新しいパスワード: ")
        guard prompt("もう一度: ") == first else { throw AccountsError("2 回の入力が一致しません。何も変更していません。") }
        return first
    }

    private static func prompt(_ text: String) -> String {
        guard let pointer = getpass(text) else { return "" }
        return String(cString: pointer)
    }
}
