/// The `feeds:` section of `kenshu.yaml`: where mapping profiles are, which feed files each
/// cycle imports, the limits hostile feeds run into, and whether to check feeds against
/// their XSD.
public struct FeedSettings: Sendable, Equatable {
    /// Folder of mapping profiles (`NAME.yaml`); default `<catalog>/profiles`.
    public var profilesDirectory: String
    /// Feed files a cycle imports besides what waits in the inbox.
    public var sources: [FeedSource]
    /// Feeds published at a URL, which `kenshu serve` fetches on `poll`'s interval.
    public var polled: [PolledFeed] = []
    public var poll = Poll()
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

    /// A feed published by URL (`- url: https://…`), fetched with a conditional GET.
    public struct PolledFeed: Sendable, Equatable {
        /// `http` or `https` address of the feed.
        public var url: String
        public var profile: String?
        public var provider: String?

        public init(url: String, profile: String? = nil, provider: String? = nil) {
            self.url = url
            self.profile = profile
            self.provider = provider
        }

        /// A file name for the downloaded copy, unique per URL and readable in a listing:
        /// the host and path with every other character folded to `_`, and a short hash.
        public var downloadName: String {
            let readable = url.split(separator: "/", omittingEmptySubsequences: true).dropFirst()
                .joined(separator: "_").unicodeScalars
                .map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "-") ? Character($0) : "_" }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in url.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            let hex = String(hash, radix: 16)
            return String(String(readable).prefix(80)) + "-" + hex.prefix(8) + ".xml"
        }
    }

    /// How polled feeds are fetched.
    public struct Poll: Sendable, Equatable {
        /// Seconds between two fetches of one feed.
        public var interval = 6 * 3600
        /// Seconds a fetch may take before it is given up (and tried at the next interval).
        public var timeout = 300

        public init() {}
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
