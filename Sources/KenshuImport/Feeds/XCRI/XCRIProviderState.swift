import KenshuCore
import KenshuXML

/// The `provider` element the reader is inside, as far as read: its own identifiers, title
/// and URL, collected as those children stream past. Its courses take it as their provider.
struct XCRIProviderState {
    /// Depth of the `provider` element (the root being 1); its fields are one deeper.
    let depth: Int
    let line: Int
    private var identifiers: [(value: String, typed: Bool)] = []
    private var title: String?
    private var url: String?
    /// Whether the reader has warned that this provider had no identifier or title in time.
    var warnedUnnamed = false

    init(depth: Int, line: Int) {
        self.depth = depth
        self.line = line
    }

    /// Whether a child element is a field the provider keeps (`dc:identifier`, `dc:title`, `mlo:url`).
    static func isField(_ name: XMLName) -> Bool {
        ["identifier", "title", "url"].contains { XCRINames.isField(name, $0) }
    }

    /// Keeps a field read whole (see `isField`).
    mutating func record(_ node: XMLNode) {
        let text = XCRIFields.foldedText(node)
        guard !text.isEmpty else { return }
        if XCRINames.isField(node.name, "identifier") {
            identifiers.append((text, XCRIFields.isTyped(node)))
        } else if XCRINames.isField(node.name, "title") {
            if title == nil { title = text }
        } else if url == nil {
            url = text
        }
    }

    /// The provider as read so far, or nil when it has neither identifier nor title yet.
    /// Its id is the identifier without `xsi:type` (XCRI-CAP's URI for the institution),
    /// else the first typed one (a UKPRN), else the title.
    var provider: CourseProvider? {
        let identifier = identifiers.first { !$0.typed }?.value ?? identifiers.first?.value
        guard let id = identifier ?? title else { return nil }
        return CourseProvider(id: id, name: title ?? id, url: url)
    }
}
