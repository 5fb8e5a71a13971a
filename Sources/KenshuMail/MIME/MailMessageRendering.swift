extension MailMessage {
    /// The whole message as it goes to the spool, with CRLF line endings.
    ///
    /// Headers, in order: Date, From, To, Reply-To (if any), Subject, Message-ID,
    /// MIME-Version, the accepted extra headers, then the content headers; every header line
    /// is at most 76 characters. Without HTML the body is one text/plain part; with HTML it is
    /// multipart/alternative (text/plain, then text/html) with a boundary unique to this
    /// rendering. Bodies are UTF-8 with CRLF line endings, in base64 lines of 76 characters.
    public func rendered() -> [UInt8] {
        var out = "Date: " + MailDate.format(date, in: timeZone) + "\r\n"
        out += HeaderField.addresses(name: "From", [from]).rendered
        if !to.isEmpty { out += HeaderField.addresses(name: "To", to).rendered }
        if let replyTo { out += HeaderField.addresses(name: "Reply-To", [replyTo]).rendered }
        out += HeaderField.unstructured(name: "Subject", value: subject).rendered
        var messageIDField = HeaderField(name: "Message-ID")
        messageIDField.append("<" + MessageID.headerSafe(messageID) + ">")
        out += messageIDField.rendered
        out += "MIME-Version: 1.0\r\n"
        for header in extraHeaders where Self.isAcceptedExtraHeaderName(header.name) {
            out += HeaderField.unstructured(name: header.name, value: header.value).rendered
        }
        if let html {
            let boundary = Self.newBoundary()
            out += "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n\r\n"
            out += "--\(boundary)\r\n" + MIMEBody.part(mediaType: "text/plain", text: text)
            out += "--\(boundary)\r\n" + MIMEBody.part(mediaType: "text/html", text: html)
            out += "--\(boundary)--\r\n"
        } else {
            out += MIMEBody.part(mediaType: "text/plain", text: text)
        }
        return Array(out.utf8)
    }

    /// A boundary that cannot occur in base64 text (it holds `=_`), random per message.
    static func newBoundary() -> String {
        let random = (0..<2).map { _ in
            let hex = String(UInt64.random(in: .min ... .max), radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
        return "=_kenshu_" + random.joined()
    }
}
