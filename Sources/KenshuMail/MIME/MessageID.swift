/// Message-IDs for Kenshu's mails: `kenshu.2026-W48.staff.10028.1f3a9c0d5e7b2468@city.example.jp`.
public enum MessageID {
    /// The domain used when the sender's domain is missing or unusable.
    public static let fallbackDomain = "kenshu.invalid"

    /// A new, unique id (without angle brackets) for the mail of `kind` for `recipient` in
    /// `week`, with a 64-bit random part, at `domain` (the From address's domain; nil or an
    /// invalid domain gives `kenshu.invalid`). The parts are reduced to `[A-Za-z0-9.-]`.
    public static func make(kind: String, week: String, recipient: String, domain: String?) -> String {
        var random = String(UInt64.random(in: .min ... .max), radix: 16)
        random = String(repeating: "0", count: 16 - random.count) + random
        let left = ["kenshu", safePart(week), safePart(kind), safePart(recipient), random].joined(separator: ".")
        return left + "@" + usableDomain(domain)
    }

    /// The part with everything outside `[A-Za-z0-9.-]` turned into `-`, no dot at either end or
    /// twice in a row, at most 64 characters; `x` when nothing is left.
    static func safePart(_ part: String) -> String {
        var out = ""
        for scalar in part.unicodeScalars {
            if AddressSyntax.isLetterOrDigit(scalar) || scalar == "-" {
                out.unicodeScalars.append(scalar)
            } else if scalar == "." {
                if !out.isEmpty && !out.hasSuffix(".") { out += "." }
            } else {
                out += "-"
            }
            if out.utf8.count >= 64 { break }
        }
        while out.hasSuffix(".") { out.removeLast() }
        return out.isEmpty ? "x" : out
    }

    /// The domain, lowercased, when it is a valid mail domain; otherwise `kenshu.invalid`.
    static func usableDomain(_ domain: String?) -> String {
        guard let domain, AddressSyntax.problem(with: "x@" + domain) == nil else { return fallbackDomain }
        return domain.lowercased()
    }

    /// An id as it may go between `<` and `>`: only atext, `.` and `@` kept.
    static func headerSafe(_ id: String) -> String {
        String(String.UnicodeScalarView(id.unicodeScalars.filter {
            $0.isASCII && (AddressSyntax.isAtext($0) || $0 == "." || $0 == "@")
        }))
    }
}
