/// A member of staff (職員) as the HR system's roster describes them.
public struct StaffMember: Sendable, Hashable, Codable {
    /// 職員番号.
    public var id: String
    /// 氏名.
    public var name: String
    /// メール; nil when the roster has none (a data-quality warning).
    public var email: String?
    /// 職種.
    public var family: JobFamily
    /// 所属 (e.g. 総務課).
    public var department: String
    /// 係 (e.g. 人事係); may be empty.
    public var section: String
    /// 職名 as the roster writes it; resolved to a band with the family.
    public var title: String
    /// 採用日.
    public var hiredOn: LocalDate?
    /// 現職位発令日: when the current rank was conferred.
    public var rankSince: LocalDate?
    /// キャリア: `generalist` or `professional` (ids of the catalogue's career tracks).
    public var track: String?
    /// デジタル人材区分: an id of the catalogue's digital tiers.
    public var digitalTier: String?
    /// メンター研修修了.
    public var mentorTrained: Bool
    /// 上司職員番号.
    public var managerID: String?
    /// 配信停止: the person asked not to get recommendation mails.
    public var optedOut: Bool
    /// False once a roster import no longer lists them (history is kept).
    public var active: Bool

    public init(
        id: String, name: String, email: String?, family: JobFamily, department: String, section: String,
        title: String, hiredOn: LocalDate?, rankSince: LocalDate?, track: String?, digitalTier: String?,
        mentorTrained: Bool, managerID: String?, optedOut: Bool, active: Bool = true
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.family = family
        self.department = department
        self.section = section
        self.title = title
        self.hiredOn = hiredOn
        self.rankSince = rankSince
        self.track = track
        self.digitalTier = digitalTier
        self.mentorTrained = mentorTrained
        self.managerID = managerID
        self.optedOut = optedOut
        self.active = active
    }
}
