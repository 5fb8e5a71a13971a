import KenshuCore

extension CSVTable {
    /// Parses every row, collecting all row errors, and rejects a row whose key repeats an
    /// earlier row's (naming the earlier line). Throws all errors found, or returns the values.
    /// - Parameters:
    ///   - key: what must be unique in the file.
    ///   - duplicate: the error for a repeat; gets the row and the earlier line.
    ///   - parse: reads one row.
    func parseUniqueRows<T>(
        key: (T) -> String,
        duplicate: (CSVRow, Int) -> InputError,
        _ parse: (CSVRow) throws(InputError) -> T
    ) throws(InputErrors) -> [T] {
        var errors = RowErrors()
        var values: [T] = []
        var firstLine: [String: Int] = [:]
        for row in rows {
            guard let value = errors.collect({ () throws(InputError) -> T in try parse(row) }) else { continue }
            let identity = key(value)
            if let earlier = firstLine[identity] {
                errors.add(duplicate(row, earlier))
                continue
            }
            firstLine[identity] = row.line
            values.append(value)
        }
        try errors.throwIfAny()
        return values
    }
}
