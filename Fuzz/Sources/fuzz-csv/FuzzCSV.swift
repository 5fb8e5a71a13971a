// libFuzzer target: the HR system's CSV exports, from a file's bytes to staff values, as
// `StaffDataImporter.importFile` reads them before it touches the store: the text decoding
// (`TextDecoding`: BOM, NUL, UTF-8 validation, CP932 through iconv), the CSV reader, the
// header table and the row parsers of the roster, the evaluations and the history.
// Thrown errors are expected (their text is made, as the CLI prints it); a crash, trap,
// ASan report or hang is a finding.
import FuzzSupport
import KenshuCore
@testable import KenshuImport

private let catalog = FuzzSupport.catalog
private let abilities = AbilityIndex(catalog.abilities)
/// Staff the store would know from an earlier roster (the example city's ids look like these).
private let earlierStaff: Set<String> = ["10001", "10002", "1", "a"]
private let file = "/fuzz/roster.csv"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = FuzzSupport.bytes(data, size)
    // `auto` is what the import does by default; `cp932` and `utf-8` are the --encoding choices.
    var texts: [String] = []
    for choice in [TextEncodingChoice.auto, .cp932] {
        do {
            let decoded = try TextDecoding.decode(bytes, as: choice, file: file)
            if !texts.contains(decoded.text) { texts.append(decoded.text) }
        } catch {
            FuzzSupport.describe(error)
        }
    }
    do {
        _ = try TextDecoding.decode(bytes, as: .utf8, file: file)
    } catch {
        FuzzSupport.describe(error)
    }
    for text in texts {
        parse(text)
    }
    return 0
}

private func parse(_ text: String) {
    let records: [CSVRecord]
    do {
        records = try CSVReader(text: text, file: file).records()
    } catch {
        FuzzSupport.describe(error)
        return
    }
    // Every kind: the header decides which one the file really is.
    var known = earlierStaff
    do {
        let table = try CSVTable(records: records, columns: RosterParser.columns, file: file)
        let members = try RosterParser(catalog: catalog).parse(table)
        known.formUnion(members.map(\.id))
        FuzzSupport.blackHole(table.ignoredColumns)
    } catch {
        FuzzSupport.describe(error)
    }
    do {
        let table = try CSVTable(records: records, columns: EvaluationsParser.columns, file: file)
        FuzzSupport.blackHole(try EvaluationsParser(abilities: abilities, knownStaff: known).parse(table))
    } catch {
        FuzzSupport.describe(error)
    }
    do {
        let table = try CSVTable(records: records, columns: HistoryParser.columns, file: file)
        FuzzSupport.blackHole(try HistoryParser(knownStaff: known).parse(table))
    } catch {
        FuzzSupport.describe(error)
    }
}
