/// Something in the HR data that Kenshu cannot use as it stands, shown by `kenshu status`
/// and in the HR report so that the HR office can correct it at the source.
public struct DataQualityWarning: Sendable, Hashable, Codable {
    /// What kind of problem.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// (family, title) matches no band and no alias: no expected levels, no recommendations.
        case unknownTitle = "unknown-title"
        /// No rating in the latest evaluation period: a prior level is assumed.
        case missingEvaluation = "missing-evaluation"
        /// No mail address: no weekly mail can be sent.
        case missingEmail = "missing-email"
        /// The mail address is not usable as one.
        case invalidEmail = "invalid-email"
        /// 上司職員番号 names nobody in the roster, or someone inactive.
        case unknownManager = "unknown-manager"
        /// A name or other text holds control characters (line breaks …).
        case controlCharacters = "control-characters"

        /// Japanese description for reports.
        public var japaneseName: String {
            switch self {
            case .unknownTitle: "職名が方針の職位に対応しない"
            case .missingEvaluation: "最新年度の人事評価がない"
            case .missingEmail: "メールアドレスがない"
            case .invalidEmail: "メールアドレスが不正"
            case .unknownManager: "上司職員番号が名簿にない"
            case .controlCharacters: "制御文字を含む値"
            }
        }
    }

    public var kind: Kind
    public var staffID: String
    public var message: String

    public init(kind: Kind, staffID: String, message: String) {
        self.kind = kind
        self.staffID = staffID
        self.message = message
    }
}

/// Checks active staff for data-quality problems. Pure: the caller passes what the store holds.
public struct DataQualityCheck: Sendable {
    public let resolver: BandResolver

    public init(resolver: BandResolver) {
        self.resolver = resolver
    }

    /// - Parameters:
    ///   - staff: every member of staff the store knows (inactive ones are not checked, but
    ///     count as unknown managers when named).
    ///   - evaluatedStaff: ids of staff with ratings in `latestPeriod`; nil when no evaluation was ever imported.
    public func warnings(staff: [StaffMember], evaluatedStaff: Set<String>?, latestPeriod: Int?) -> [DataQualityWarning] {
        let activeIDs = Set(staff.filter(\.active).map(\.id))
        var warnings: [DataQualityWarning] = []
        for member in staff where member.active {
            if resolver.band(family: member.family, title: member.title) == nil {
                warnings.append(.init(kind: .unknownTitle, staffID: member.id,
                                      message: "\(member.family.japaneseName)「\(member.title)」は人材育成基本方針のどの職位にも当たりません（rules.yaml の職名の別名に加えてください）"))
            }
            if let email = member.email {
                if !Self.isPlausibleAddress(email) {
                    warnings.append(.init(kind: .invalidEmail, staffID: member.id, message: "メールアドレス「\(email)」は使えません"))
                }
            } else {
                warnings.append(.init(kind: .missingEmail, staffID: member.id, message: "メールアドレスがありません"))
            }
            if let manager = member.managerID, !activeIDs.contains(manager) {
                warnings.append(.init(kind: .unknownManager, staffID: member.id,
                                      message: "上司の職員番号 \(manager) は在職中の職員名簿にありません"))
            }
            if let evaluatedStaff, let latestPeriod, !evaluatedStaff.contains(member.id) {
                warnings.append(.init(kind: .missingEvaluation, staffID: member.id,
                                      message: "\(latestPeriod)年度の人事評価がありません"))
            }
            let texts = [member.name, member.department, member.section, member.title]
            if texts.contains(where: Self.hasControlCharacters) {
                warnings.append(.init(kind: .controlCharacters, staffID: member.id,
                                      message: "氏名・所属・係・職名に制御文字が含まれています"))
            }
        }
        return warnings
    }

    /// One `@`, something before and a dotted domain after, no spaces or control characters.
    public static func isPlausibleAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix(".")
        else { return false }
        return !address.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || "<>,;\"()[]\\".unicodeScalars.contains($0) }
    }

    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }
    }
}
