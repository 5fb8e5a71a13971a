/// The practical addr-spec Kenshu accepts: `local@domain`, the local part a dot-atom of
/// RFC 5322 atext, the domain dot-separated labels of letters, digits and hyphens.
enum AddressSyntax {
    /// RFC 5322 atext besides letters and digits.
    static let atextSymbols = Set("!#$%&'*+-/=?^_`{|}~".unicodeScalars)

    /// Whether the scalar is RFC 5322 atext.
    static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        isLetterOrDigit(scalar) || atextSymbols.contains(scalar)
    }

    /// An ASCII letter or digit.
    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        default: false
        }
    }

    /// Why `address` (already trimmed) is not a mail address, or nil when it is one.
    static func problem(with address: String) -> String? {
        if address.isEmpty { return "it is empty" }
        if let reason = badCharacter(in: address) { return reason }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count == 1 { return "it has no '@'" }
        if parts.count > 2 { return "it has more than one '@'" }
        if address.utf8.count > 254 { return "it is longer than 254 characters" }
        return localPartProblem(parts[0]) ?? domainProblem(parts[1])
    }

    /// The first scalar that can never be in an address, described.
    private static func badCharacter(in address: String) -> String? {
        for scalar in address.unicodeScalars {
            if scalar == " " { return "it contains a space" }
            if scalar == "\r" || scalar == "\n" { return "it contains a line break" }
            if HeaderText.isControl(scalar) { return "it contains a control character" }
            if !scalar.isASCII { return "it contains the non-ASCII character '\(scalar)'" }
            if !(isAtext(scalar) || scalar == "." || scalar == "@") {
                return "it contains the character '\(scalar)', which is not allowed in a mail address"
            }
        }
        return nil
    }

    private static func localPartProblem(_ local: Substring) -> String? {
        if local.isEmpty { return "there is nothing before the '@'" }
        if local.utf8.count > 64 { return "the part before the '@' is longer than 64 characters" }
        if local.hasPrefix(".") { return "the part before the '@' starts with a dot" }
        if local.hasSuffix(".") { return "the part before the '@' ends with a dot" }
        if local.contains("..") { return "the part before the '@' has two dots in a row" }
        return nil
    }

    private static func domainProblem(_ domain: Substring) -> String? {
        if domain.isEmpty { return "there is nothing after the '@'" }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count < 2 { return "the domain '\(domain)' has no dot" }
        for label in labels {
            if label.isEmpty {
                return "the domain '\(domain)' has an empty label (a dot at the start or end, or two dots in a row)"
            }
            if label.utf8.count > 63 { return "the domain '\(domain)' has a label longer than 63 characters" }
            if let bad = label.unicodeScalars.first(where: { !(isLetterOrDigit($0) || $0 == "-") }) {
                return "the domain '\(domain)' contains the character '\(bad)'"
            }
            if label.hasPrefix("-") || label.hasSuffix("-") {
                return "the domain '\(domain)' has a label that starts or ends with a hyphen"
            }
        }
        return nil
    }
}
