import Testing

@testable import KenshuMail

/// Mail addresses are checked when made; display names and header text are sanitised.
struct MIMEAddressTests {
    @Test(arguments: [
        ("jinji@city.example.jp", "jinji@city.example.jp"),
        ("a.b+tag@x.jp", "a.b+tag@x.jp"),
        ("  spaced@x.jp \r\n", "spaced@x.jp"),
        ("o'brien@example.com", "o'brien@example.com"),
        ("x@a-b.example.jp", "x@a-b.example.jp"),
        ("!#$%&'*+-/=?^_`{|}~@x.jp", "!#$%&'*+-/=?^_`{|}~@x.jp"),
        ("T.Yamada@City.Example.JP", "T.Yamada@City.Example.JP"),
    ])
    func acceptsPracticalAddresses(value: String, kept: String) throws {
        let address = try MailAddress(address: value)
        #expect(address.address == kept)
    }

    @Test(arguments: [
        ("", "it is empty"),
        ("a b@x.jp", "it contains a space"),
        ("a@x.jp\r\nBcc: evil@example.com", "it contains a line break"),
        ("a\t@x.jp", "it contains a control character"),
        ("山田@x.jp", "non-ASCII character '山'"),
        ("<a@x.jp>", "the character '<'"),
        ("a@x.jp,b@x.jp", "the character ','"),
        ("\"a\"@x.jp", "the character '\"'"),
        ("ax.jp", "it has no '@'"),
        ("a@b@x.jp", "more than one '@'"),
        ("@x.jp", "nothing before the '@'"),
        ("a@", "nothing after the '@'"),
        (".a@x.jp", "starts with a dot"),
        ("a.@x.jp", "ends with a dot"),
        ("a..b@x.jp", "two dots in a row"),
        ("a@localhost", "has no dot"),
        ("a@x..jp", "empty label"),
        ("a@.x.jp", "empty label"),
        ("a@-x.jp", "starts or ends with a hyphen"),
        ("a@x-.jp", "starts or ends with a hyphen"),
        ("a@x_y.jp", "contains the character '_'"),
        (String(repeating: "a", count: 65) + "@x.jp", "longer than 64 characters"),
        ("a@" + String(repeating: "abcdefghi.", count: 26) + "jp", "longer than 254 characters"),
    ])
    func rejectsWhatIsNotAnAddressSayingWhy(value: String, reason: String) {
        #expect {
            try MailAddress(address: value)
        } throws: { error in
            (error as? MailAddressError)?.reason.contains(reason) == true
        }
    }

    @Test func errorNamesTheValueAndTheReason() {
        #expect(throws: MailAddressError(value: "a b@x.jp", reason: "it contains a space")) {
            try MailAddress(address: "a b@x.jp")
        }
        let error = MailAddressError(value: "a b@x.jp", reason: "it contains a space")
        #expect(error.description == "'a b@x.jp' is not a mail address: it contains a space")
        let broken = MailAddressError(value: "a\r\nb", reason: "it contains a line break")
        #expect(broken.description == "'a\\r\\nb' is not a mail address: it contains a line break")
    }

    @Test func displayNameIsSanitisedOrDropped() throws {
        #expect(try MailAddress(address: "a@x.jp", displayName: " 山田\r\n  太郎\t").displayName == "山田 太郎")
        #expect(try MailAddress(address: "a@x.jp", displayName: " \r\n\u{2028} ").displayName == nil)
        #expect(try MailAddress(address: "a@x.jp", displayName: "").displayName == nil)
        #expect(try MailAddress(address: "a@x.jp").domain == "x.jp")
    }

    @Test(arguments: [
        ("a\r\nBcc: evil@example.com", "a Bcc: evil@example.com"),
        ("\t研修\u{0B}案内\u{0C}", "研修 案内"),
        ("x\u{7F}y\u{85}z\u{9F}w", "x y z w"),
        ("line\u{2028}para\u{2029}end", "line para end"),
        ("nul\u{0}byte", "nul byte"),
        ("  many     spaces  ", "many spaces"),
        ("全角\u{3000}空白", "全角\u{3000}空白"),
    ])
    func headerTextLosesEveryControlCharacter(raw: String, clean: String) {
        #expect(HeaderText.sanitized(raw) == clean)
    }
}
