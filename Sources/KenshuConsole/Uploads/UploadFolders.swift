import Foundation

/// The console's upload folders: `<state>/console-uploads/<random>/<file name>`, one folder
/// per upload, owner-only. A folder lives while its import runs, or while its held import
/// waits to be accepted; the console removes them all when it starts (sessions, and with them
/// held uploads, do not survive a restart).
enum UploadFolders {
    static let rootName = "console-uploads"
    static let maxNameBytes = 200

    /// A new empty folder in `root` (created if missing).
    static func make(in root: String) throws -> String {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let folder = root + "/" + RandomTokens.make()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        return folder
    }

    static func remove(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Removes what a previous run of the console left.
    static func clear(_ root: String) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] {
            remove(root + "/" + entry)
        }
    }

    /// The browser's file name as one safe path segment: its last segment (an old browser
    /// sends `C:\path\name.csv`), without control characters, its end at most 200 UTF-8 bytes (file systems take 255);
    /// `upload` when nothing is left (or only dots).
    static func safeName(_ filename: String) -> String {
        let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(String.UnicodeScalarView(last.unicodeScalars.filter { !$0.properties.generalCategory.isControl }))
            .trimmingCharacters(in: .whitespaces)
        var name = ""
        for character in cleaned.reversed() {
            guard name.utf8.count + character.utf8.count <= maxNameBytes else { break }
            name.insert(character, at: name.startIndex)
        }
        return name.isEmpty || name.allSatisfy({ $0 == "." }) ? "upload" : name
    }
}

private extension Unicode.GeneralCategory {
    var isControl: Bool {
        switch self {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: true
        default: false
        }
    }
}
