import Foundation
import KenshuCore

/// Says "truncated" when a document is: libxml2 reports a file cut off mid-way as whatever
/// it was parsing when the bytes ran out ("Extra content at the end of the document",
/// "Couldn't find end of Start Tag"), where xmllint says "Premature end of data". A fatal
/// error that stands on the input's last line while elements are still open is that case.
enum Truncation {
    /// `error` restated as a truncated document when its first fatal error is on or after the
    /// last line of the input (`lastLine`) and `openElements` are still open; else as it was.
    static func explain(_ error: XMLReadError, lastLine: Int?, openElements: Int) -> XMLReadError {
        guard openElements > 0, let lastLine,
              let fatal = error.diagnostics.first(where: { $0.severity != .warning && !$0.isValidity }),
              let line = fatal.location.line, line >= lastLine else { return error }
        let message = "the file ends before the document is complete: it is truncated (Premature end of data; "
            + "\(openElements) element(s) still open; libxml2: \(fatal.message)); fetch or copy the whole file again"
        return XMLReadError([XMLDiagnostic(severity: .fatal, message: message, location: fatal.location, isValidity: false)])
    }

    /// The number of the last line that holds any byte.
    static func lastLine(of bytes: some Sequence<UInt8>) -> Int {
        var newlines = 0
        var last: UInt8?
        for byte in bytes {
            if byte == UInt8(ascii: "\n") { newlines += 1 }
            last = byte
        }
        guard let last else { return 1 }
        return last == UInt8(ascii: "\n") ? newlines : newlines + 1
    }

    /// The same for a file (read again, on the error path only); nil when it cannot be read.
    static func lastLine(ofFile path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var newlines = 0
        var last: UInt8?
        while let data = try? handle.read(upToCount: 1 << 20), !data.isEmpty {
            for byte in data where byte == UInt8(ascii: "\n") { newlines += 1 }
            last = data.last
        }
        guard let last else { return 1 }
        return last == UInt8(ascii: "\n") ? newlines : newlines + 1
    }
}
