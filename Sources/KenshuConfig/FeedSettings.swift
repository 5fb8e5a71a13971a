/// The `feeds:` section of `kenshu.yaml`: where mapping profiles are, which feed files each
/// cycle imports, the limits hostile feeds run into, and whether to check feeds against
/// their XSD.
public struct FeedSettings: Sendable, Equatable {
    /// Folder of mapping profiles (`NAME.yaml`); default `<catalog>/profiles`.
    public var profilesDirectory: String
    /// Feed files a cycle imports besides what waits in the inbox.
    public var sources: [FeedSource]
    public var limits: Limits
    /// Validate against the XSD (XCRI-CAP's, or the profile's) and report deviations as
    /// warnings. Never a gate: real feeds deviate and still import.
    public var validate: Bool

    /// One feed file a cycle imports.
    public struct FeedSource: Sendable, Equatable {
        public var file: String
        /// Mapping profile name; nil: detect (XCRI-CAP, else the profile whose root matches).
        public var profile: String?
        /// Provider id to file the courses under, instead of the feed's own.
        public var provider: String?

        public init(file: String, profile: String? = nil, provider: String? = nil) {
            self.file = file
            self.profile = profile
            self.provider = provider
        }
    }

    /// Limits on a feed's XML, so hostile input cannot exhaust memory or time.
    public struct Limits: Sendable, Equatable {
        public var maxDepth = 64
        public var maxTextBytes = 1 << 20
        public var maxAttributes = 64
        /// Elements of one course (with its presentations).
        public var maxCourseNodes = 10_000

        public init() {}
    }

    public init(profilesDirectory: String, sources: [FeedSource] = [], limits: Limits = .init(), validate: Bool = false) {
        self.profilesDirectory = profilesDirectory
        self.sources = sources
        self.limits = limits
        self.validate = validate
    }
}
