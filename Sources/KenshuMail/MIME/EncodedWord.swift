/// RFC 2047 encoded-words (`=?UTF-8?B?...?=`) for header text that is not plain ASCII.
public enum EncodedWord {
    /// The longest encoded-word RFC 2047 allows.
    public static let maximumLength = 75
    /// `=?UTF-8?B?` and `?=` around the base64 text.
    static let overhead = "=?UTF-8?B?".utf8.count + "?=".utf8.count
    /// The shortest word that holds any one Unicode scalar (4 UTF-8 bytes).
    static let shortestUsefulLength = overhead + 8

    /// Whether `text` must be written as encoded-words in a header: it has a non-ASCII or
    /// non-printable character, or it holds `=?`, which a reader could take for an encoded-word.
    public static func isNeeded(for text: String) -> Bool {
        text.unicodeScalars.contains { !(0x20...0x7E).contains($0.value) } || text.contains("=?")
    }

    /// `text` as `B` encoded-words in UTF-8, each at most `limit` characters (20 to 75).
    ///
    /// The first word is at most `firstLimit` characters, so that it can fill the rest of a
    /// header line; if not even one character fits there, the first word gets `limit` too.
    /// Words break between grapheme clusters, and only inside a cluster too long for one word
    /// between Unicode scalars, never inside a UTF-8 sequence. Decoding the words and joining
    /// the results gives back `text` exactly. Empty text gives no words.
    public static func encode(_ text: String, firstLimit: Int = maximumLength, limit: Int = maximumLength) -> [String] {
        let restCapacity = capacity(forLength: min(max(limit, shortestUsefulLength), maximumLength))
        var builder = WordBuilder(capacity: capacity(forLength: min(firstLimit, limit, maximumLength)))
        for cluster in text {
            let bytes = Array(String(cluster).utf8)
            if builder.fits(bytes.count) {
                builder.add(bytes)
                continue
            }
            builder.finishWord(nextCapacity: restCapacity)
            if builder.fits(bytes.count) {
                builder.add(bytes)
                continue
            }
            for scalar in cluster.unicodeScalars {
                let scalarBytes = Array(String(scalar).utf8)
                if !builder.fits(scalarBytes.count) { builder.finishWord(nextCapacity: restCapacity) }
                builder.add(scalarBytes)
            }
        }
        builder.finishWord(nextCapacity: restCapacity)
        return builder.words
    }

    /// How many UTF-8 bytes fit in an encoded-word of `length` characters (whole base64 quads).
    static func capacity(forLength length: Int) -> Int {
        max((length - overhead) / 4, 0) * 3
    }

    /// Collects bytes into words of at most `capacity` bytes each.
    private struct WordBuilder {
        var capacity: Int
        var pending: [UInt8] = []
        var words: [String] = []

        func fits(_ count: Int) -> Bool { pending.count + count <= capacity }

        mutating func add(_ bytes: [UInt8]) { pending += bytes }

        /// Ends the current word (if it has anything) and sets the capacity of the next.
        mutating func finishWord(nextCapacity: Int) {
            if !pending.isEmpty {
                words.append("=?UTF-8?B?" + Base64.encode(pending) + "?=")
                pending.removeAll(keepingCapacity: true)
            }
            capacity = nextCapacity
        }
    }
}
