internal import CLibXML2
import KenshuCore

/// A compiled XSD, ready to validate documents while they stream.
///
/// libxml2's compiled schemas are read-only during validation, so one may be shared, but
/// each validation needs its own reader: the class is `@unchecked Sendable` on that basis.
public final class XMLSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr
    /// Where the schema was read from.
    public let path: String

    /// Compiles the XSD at `path`; schemas it imports are resolved relative to it, from disk only.
    public init(path: String) throws(XMLReadError) {
        libxml2Initialised()
        self.path = path
        try requireReadableFile(path)
        let collector = DiagnosticCollector(file: path)
        guard let context = xmlSchemaNewParserCtxt(path) else {
            throw XMLReadError("cannot open the schema", at: SourceLocation(file: path))
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        let opaque = Unmanaged.passUnretained(collector).toOpaque()
        xmlSchemaSetParserStructuredErrors(context, DiagnosticCollector.callback, opaque)
        // The XSD's own XML errors go to libxml2's per-thread handler, else straight to stderr.
        xmlSetStructuredErrorFunc(opaque, DiagnosticCollector.callback)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let schema = withExtendedLifetime(collector) { xmlSchemaParse(context) }
        guard let schema else {
            let errors = collector.diagnostics
            throw errors.isEmpty ? XMLReadError("the schema does not compile", at: SourceLocation(file: path)) : XMLReadError(errors)
        }
        self.pointer = schema
    }

    deinit { xmlSchemaFree(pointer) }
}
