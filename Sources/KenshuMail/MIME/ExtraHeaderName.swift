extension MailMessage {
    /// Headers the message writes itself, or that would change where it goes or how it is
    /// read; an extra header with one of these names is dropped.
    static let ownHeaderNames: Set<String> = [
        "date", "from", "sender", "to", "cc", "bcc", "reply-to", "subject", "message-id",
        "mime-version", "content-type", "content-transfer-encoding", "content-disposition",
        "return-path", "received",
    ]

    /// Whether `name` is a valid field name (RFC 5322 ftext: printable ASCII except `:`) that
    /// the message does not write itself (nor `Bcc`, `Cc`, `Sender`, `Content-*` …).
    public static func isAcceptedExtraHeaderName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) && $0 != ":" }
            && !ownHeaderNames.contains(name.lowercased())
            && !name.lowercased().hasPrefix("content-")
            && !name.lowercased().hasPrefix("resent-")
    }
}
