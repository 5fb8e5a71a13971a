import KenshuConfig
import KenshuCore
import KenshuImport
import KenshuStore

/// Imports one of the HR system's CSV exports into the session's store, reviewed against
/// the config's `data.review` (held back when it would change too much, unless `accept`).
public enum StaffImport {
    public static func run(
        _ kind: StaffDataKind, file: String, encoding: TextEncodingChoice, accept: Bool = false, dryRun: Bool = false,
        recordedAs source: String? = nil, session: Session
    ) throws(KenshuError) -> StaffImportSummary {
        var options = StaffImportOptions(encoding: encoding, review: session.configuration.data.review,
                                         accept: accept, dryRun: dryRun)
        options.source = source
        do {
            return try StaffDataImporter(store: session.store, catalog: session.catalog).importFile(kind, path: file, options: options)
        } catch {
            switch error {
            case .unreadable, .invalid:
                throw KenshuError(.badInput, error.description + "\n何も取り込んでいません（保管データは前のままです）")
            case .held:
                throw KenshuError(.held, error.description)
            case .store:
                throw KenshuError(.runtime, error.description)
            }
        }
    }
}
