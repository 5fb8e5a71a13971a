import KenshuImport
import KenshuStore

/// Imports one of the HR system's CSV exports into the store.
public enum StaffImport {
    public static func run(
        _ kind: StaffDataKind, file: String, encoding: TextEncodingChoice, context: AppContext
    ) throws(AppError) -> StaffImportSummary {
        let store = try context.openStore()
        do {
            return try StaffDataImporter(store: store, catalog: context.catalog).importFile(kind, path: file, encoding: encoding)
        } catch {
            switch error {
            case .unreadable, .invalid:
                throw AppError(.badInput, error.description + "\nnothing was imported; the store is as it was")
            case .store:
                throw AppError(.runtime, error.description)
            }
        }
    }
}
