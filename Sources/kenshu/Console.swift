import Foundation

/// Writes to standard output and standard error.
enum Console {
    static func print(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    /// `kenshu: <message>` on standard error, every line of it.
    static func error(_ message: String) {
        let text = message.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { $0.offset == 0 ? "kenshu: \($0.element)" : "  \($0.element)" }
            .joined(separator: "\n")
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
