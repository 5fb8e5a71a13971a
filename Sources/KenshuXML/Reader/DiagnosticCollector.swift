internal import CLibXML2
import KenshuCore

/// Receives libxml2's structured errors for one reader or schema and keeps them in order,
/// up to a limit, so a document with a million errors cannot grow memory without bound.
final class DiagnosticCollector {
    private(set) var diagnostics: [XMLDiagnostic] = []
    private(set) var dropped = 0
    /// Elements the parser had open when it reported its first error (its name stack's
    /// depth): more than 0 at the end of the input means the document was cut off.
    private(set) var openElementsAtFirstError: Int?
    let file: String
    let limit: Int

    init(file: String, limit: Int = 100) {
        self.file = file
        self.limit = limit
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity != .warning } || dropped > 0 }

    func add(_ error: xmlErrorPtr) {
        let raw = error.pointee
        if openElementsAtFirstError == nil, raw.level != XML_ERR_WARNING, raw.domain == Int32(XML_FROM_PARSER.rawValue),
           let context = raw.ctxt {
            openElementsAtFirstError = Int(context.assumingMemoryBound(to: xmlParserCtxt.self).pointee.nameNr)
        }
        guard diagnostics.count < limit else {
            dropped += 1
            return
        }
        let severity: XMLDiagnostic.Severity = switch raw.level {
        case XML_ERR_WARNING: .warning
        case XML_ERR_FATAL: .fatal
        default: .error
        }
        var message = raw.message.map { String(cString: $0) } ?? "unknown libxml2 error \(raw.code)"
        while message.last?.isNewline == true { message.removeLast() }
        let line = raw.line > 0 ? Int(raw.line) : nil
        let column = raw.int2 > 0 ? Int(raw.int2) : nil
        let isValidity = raw.domain == Int32(XML_FROM_SCHEMASV.rawValue) || raw.domain == Int32(XML_FROM_VALID.rawValue)
        diagnostics.append(XMLDiagnostic(
            severity: severity, message: message,
            location: SourceLocation(file: file, line: line, column: column), isValidity: isValidity))
    }

    /// The C callback libxml2 calls; `context` is an unretained pointer to a collector.
    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<DiagnosticCollector>.fromOpaque(context).takeUnretainedValue().add(error)
    }
}
