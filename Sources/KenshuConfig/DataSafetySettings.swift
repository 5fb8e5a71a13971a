/// How an import of the HR system's exports is checked before it changes what is stored
/// (`data.review` and `data.absentColumns` in kenshu.yaml).
public struct ImportReviewSettings: Sendable, Equatable {
    /// An import that would deactivate or change more than this share of the stored records
    /// of its kind, or blank a field for more than this share of those who have it filled,
    /// is held back until it is run with `--accept`. Default 10 %.
    public var threshold: Double = 0.10
    /// The weekly run (`kenshu run`, the daemon's schedule) imports such a file anyway.
    public var acceptScheduled = false
    /// Columns an export does not have, by kind (`roster`, `evaluations`, `history`), as
    /// the header would name them (Japanese or English): any other known column missing
    /// from a header is an error, not a field left blank for everyone.
    public var absentColumns: [String: [String]] = [:]

    public init(threshold: Double = 0.10, acceptScheduled: Bool = false, absentColumns: [String: [String]] = [:]) {
        self.threshold = threshold
        self.acceptScheduled = acceptScheduled
        self.absentColumns = absentColumns
    }
}

/// When the week's data is fit to mail (`gate` in kenshu.yaml): checked before a cycle
/// spools any staff or manager mail.
public struct MailGateSettings: Sendable, Equatable {
    /// The latest evaluation period must rate at least this share of the active staff.
    public var evaluatedShare: Double = 0.8
    /// The catalogue must hold at least this many active courses.
    public var minimumCourses: Int = 1

    public init(evaluatedShare: Double = 0.8, minimumCourses: Int = 1) {
        self.evaluatedShare = evaluatedShare
        self.minimumCourses = minimumCourses
    }
}
