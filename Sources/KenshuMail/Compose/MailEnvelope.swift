import Foundation
import KenshuConfig
import KenshuCore

/// Turns a rendered mail into an RFC 5322 message: sender from the config, the office's time
/// zone in `Date`, a unique `Message-ID`, and the headers that mark it as Kenshu's.
public enum MailEnvelope {
    /// The sender when the config names none (neither `mail.from` nor `hr.addresses`).
    static let fallbackSender = "kenshu@localhost.localdomain"

    /// The sender's address: `mail.from`, else the first of `hr.addresses`, else a local
    /// fallback. Also the envelope sender (`sendmail -f`), so that bounces reach the office.
    public static func senderAddress(configuration: KenshuConfiguration) -> String {
        configuration.mail.fromAddress ?? configuration.hrAddresses.first ?? fallbackSender
    }

    public static func message(_ mail: OutgoingMail, week: ISOWeek, at time: Date, configuration: KenshuConfiguration) throws(KenshuError) -> MailMessage {
        let settings = configuration.mail
        let from: MailAddress
        let replyTo: MailAddress?
        let sender = senderAddress(configuration: configuration)
        do {
            from = try MailAddress(address: sender, displayName: settings.fromName)
            replyTo = try settings.replyTo.map { address throws(MailAddressError) in try MailAddress(address: address) }
        } catch {
            throw KenshuError(.badInput, "\(configuration.file): mail.from / mail.replyTo: \(error)")
        }
        let zone = TimeZone(identifier: configuration.timeZone) ?? TimeZone(secondsFromGMT: 9 * 3600) ?? .current
        return MailMessage(
            from: from, to: mail.to, replyTo: replyTo, subject: mail.subject, date: time, timeZone: zone,
            messageID: MessageID.make(kind: mail.kind.rawValue, week: week.description, recipient: mail.recipient,
                                      domain: from.domain),
            extraHeaders: [(name: "Auto-Submitted", value: "auto-generated"),
                           (name: "X-Kenshu-Week", value: week.description),
                           (name: "X-Kenshu-Kind", value: mail.kind.rawValue)],
            text: mail.text, html: mail.html)
    }
}
