import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension MailSpool {
    /// A new, unique file name for one mail, e.g.
    /// `20261127T070000.123456Z.2026-W48.staff.10028.4242-1f3a9c0d5e7b2468.eml`.
    ///
    /// The UTC time with microseconds comes first, so names sort by time; then the week, the
    /// kind and the recipient (each reduced to `[A-Za-z0-9_-]`, at most 64 characters), the
    /// process id and 64 random bits. Never holds `/`, never starts with a dot.
    public static func fileName(week: String, kind: String, recipient: String, at date: Date) -> String {
        var random = String(UInt64.random(in: .min ... .max), radix: 16)
        random = String(repeating: "0", count: 16 - random.count) + random
        let parts = [timestamp(date), safePart(week), safePart(kind), safePart(recipient), "\(getpid())-\(random)"]
        return parts.joined(separator: ".") + ".eml"
    }

    /// Whether `name` can be a spool file name: not empty, at most 255 bytes, no `/`, no NUL,
    /// not starting with a dot.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 255 && !name.hasPrefix(".")
            && !name.utf8.contains(UInt8(ascii: "/")) && !name.utf8.contains(0)
    }

    /// `20261127T070000.123456Z`: UTC, fixed width, so that names sort by time.
    static func timestamp(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let (seconds, fraction) = micros.quotientAndRemainder(dividingBy: 1_000_000)
        let whole = fraction < 0 ? seconds - 1 : seconds
        let micro = fraction < 0 ? fraction + 1_000_000 : fraction
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(whole)))
        let pad = MailDate.padded
        return pad(parts.year ?? 1970, 4) + pad(parts.month ?? 1, 2) + pad(parts.day ?? 1, 2) + "T"
            + pad(parts.hour ?? 0, 2) + pad(parts.minute ?? 0, 2) + pad(parts.second ?? 0, 2)
            + "." + pad(Int(micro), 6) + "Z"
    }

    /// The part with everything outside `[A-Za-z0-9_-]` made `-`, at most 64 characters.
    static func safePart(_ part: String) -> String {
        let kept = part.unicodeScalars.prefix(64).map { scalar -> Character in
            AddressSyntax.isLetterOrDigit(scalar) || scalar == "_" || scalar == "-" ? Character(scalar) : "-"
        }
        return kept.isEmpty ? "x" : String(kept)
    }

    /// Throws unless `name` is a valid spool file name.
    func checkName(_ name: String) throws(SpoolError) {
        guard Self.isValidName(name) else {
            throw SpoolError(
                operation: "use", path: path(of: name, in: .tmp), reason: "not a spool file name",
                hint: "a spool file name is not empty, has no '/' and does not start with a dot; see MailSpool.fileName")
        }
    }
}
