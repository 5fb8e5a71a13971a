import Foundation
import KenshuCore

/// Path helpers for files named in a config: relative paths are relative to the config file.
public enum FilePaths {
    /// `path` as an absolute, standardised path, resolved against `base` when relative.
    public static func resolve(_ path: String, relativeTo base: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return (expanded as NSString).standardizingPath }
        return ((base as NSString).appendingPathComponent(expanded) as NSString).standardizingPath
    }

    /// The file's own name, without its folder (how a person reads it in a mail).
    public static func name(_ path: String) -> String {
        (path as NSString).lastPathComponent
    }

    /// The `FileFingerprint` of the file's bytes now; nil when it cannot be read.
    public static func fingerprint(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { FileFingerprint.of([UInt8]($0)) }
    }

    /// The folder a file is in, absolute.
    public static func directory(of file: String) -> String {
        let absolute = resolve(file, relativeTo: FileManager.default.currentDirectoryPath)
        return (absolute as NSString).deletingLastPathComponent
    }

    /// Reads a whole file as bytes, with an error naming the file.
    public static func readBytes(_ path: String, what: String) throws(FileReadError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason = !exists ? "no such file" : isDirectory.boolValue ? "is a folder, not a file" : "cannot be read (permissions?)"
            throw FileReadError(path: path, what: what, reason: reason)
        }
        return [UInt8](data)
    }
}

/// A file named on the command line or in a config could not be read.
public struct FileReadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var what: String
    public var reason: String

    public var description: String { "\(path): \(what) \(reason)" }
}
