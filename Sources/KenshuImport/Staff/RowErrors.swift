import KenshuCore

/// Collects the errors of a file's rows, so one run shows them all (up to a limit) rather
/// than one per attempt.
struct RowErrors {
    private(set) var errors: [InputError] = []
    private(set) var omitted = 0
    let limit: Int

    init(limit: Int = 50) {
        self.limit = limit
    }

    var isEmpty: Bool { errors.isEmpty }

    mutating func add(_ error: InputError) {
        if errors.count < limit { errors.append(error) } else { omitted += 1 }
    }

    /// Runs a row's parse; its error is kept and nil returned.
    mutating func collect<T>(_ body: () throws(InputError) -> T) -> T? {
        do {
            return try body()
        } catch {
            add(error)
            return nil
        }
    }

    func throwIfAny() throws(InputErrors) {
        if !errors.isEmpty { throw InputErrors(errors, omitted: omitted) }
    }
}
