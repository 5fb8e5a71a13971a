import Mustache

/// A value the mail templates render: Mustache sees its stored properties, and also the
/// derived values it lists in `derived` (`hasCourses` and the like), which reflection alone
/// would not show.
protocol MailView: MustacheParent {
    var derived: [String: Any] { get }
}

extension MailView {
    func child(named name: String) -> Any? {
        if let value = derived[name] { return value }
        guard let value = Mirror(reflecting: self).children.first(where: { $0.label == name })?.value else { return nil }
        // An optional is its value, or nothing (so that a section of a nil value is skipped).
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
