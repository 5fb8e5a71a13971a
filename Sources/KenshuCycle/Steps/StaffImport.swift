import KenshuCore
import KenshuImport
import KenshuStore

/// Imports one of the HR system's CSV exports into the session.store.
public enum StaffImport {
    public static func run(
        _ kind: StaffDataKind, file: String, encoding: TextEncodingChoice, session: Session
    ) throws(KenshuError) -> StaffImportSummary {
        do {
            return try StaffDataImporter(store: session.store, catalog: session.catalog).importFile(kind, path: file, encoding: encoding)
        } catch {
            switch error {
            case .unreadable, .invalid:
                throw KenshuError(.badInput, error.description + "\nnothing was imported; the store is as it was")
            case .store:
                throw KenshuError(.runtime, error.description)
            }
        }
    }
}
