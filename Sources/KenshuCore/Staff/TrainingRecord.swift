/// A completed training (研修履歴) of a member of staff, with the date its report
/// (復命書) was filed, if it was.
public struct TrainingRecord: Sendable, Hashable, Codable {
    public var staffID: String
    /// 研修機関, e.g. 市町村アカデミー or 内部.
    public var provider: String
    /// 研修ID as the provider knows it; may be empty for old internal courses.
    public var courseID: String
    /// 研修名.
    public var title: String
    /// 修了日.
    public var completedOn: LocalDate
    /// 復命書提出日.
    public var reportFiledOn: LocalDate?

    public init(
        staffID: String, provider: String, courseID: String, title: String,
        completedOn: LocalDate, reportFiledOn: LocalDate?
    ) {
        self.staffID = staffID
        self.provider = provider
        self.courseID = courseID
        self.title = title
        self.completedOn = completedOn
        self.reportFiledOn = reportFiledOn
    }
}
