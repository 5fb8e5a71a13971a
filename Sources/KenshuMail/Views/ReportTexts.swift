import KenshuStore

/// The HR report's texts for other views of the same facts (the HR console's pages), so the
/// console and the mail say a thing the same way.
public enum ReportTexts {
    /// A feed import's outcome, as the HR report says it.
    public static func feedOutcome(_ entry: FeedImportEntry) -> String {
        MailText.feedOutcome(entry)
    }
}
