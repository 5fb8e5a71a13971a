#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KenshuCore
import KenshuImport

/// What the fuzz targets share: the repository's `Catalog/` (the policy catalogue and the
/// mapping profiles the readers are checked against), a scratch file for readers that read
/// only from a path, and the input as text.
public enum FuzzSupport {
    /// `Catalog/` of the repository: `$KENSHU_CATALOG`, else found from this file's path
    /// (`Fuzz/Sources/FuzzSupport/FuzzSupport.swift` → `Catalog`).
    public static let catalogDirectory: String = {
        if let value = ProcessInfo.processInfo.environment["KENSHU_CATALOG"], !value.isEmpty { return value }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Catalog").path
    }()

    /// The shipped policy catalogue, loaded once; a fuzz run without it is meaningless.
    public static let catalog: PolicyCatalog = {
        do {
            return try PolicyCatalogLoader.load(catalogDirectory: catalogDirectory)
        } catch {
            fatalError("fuzz setup: cannot load the policy catalogue from \(catalogDirectory): \(error)")
        }
    }()

    /// The input as a byte array.
    public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The input as the loaders see a file: its bytes decoded as UTF-8 (invalid bytes become
    /// U+FFFD), as `ConfigurationLoader.load`, `RulesLoader.load` and `FeedProfileLoader.load` do.
    public static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }

    /// Writes `bytes` to this process's scratch file `$TMPDIR/kenshu-fuzz-PID.<suffix>` (the
    /// same file every time) and returns its path.
    public static func scratchFile(_ bytes: [UInt8], suffix: String) -> String {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let path = "\(directory)/kenshu-fuzz-\(getpid()).\(suffix)"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { fatalError("fuzz setup: cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var written = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    fatalError("fuzz setup: cannot write \(path): \(String(cString: strerror(errno)))")
                }
                written += count
            }
        }
        return path
    }

    /// What the command line prints for a rejected input; made for every thrown error, so
    /// that the error texts (which quote the input) are exercised too.
    public static func describe(_ error: any Error) {
        let text = String(describing: error)
        blackHole(text.utf8.count)
    }

    /// Keeps a value from being optimised away.
    @inline(never)
    public static func blackHole<T>(_ value: T) {
        withExtendedLifetime(value) {}
    }
}
