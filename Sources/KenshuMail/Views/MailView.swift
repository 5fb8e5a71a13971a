import Mustache

/// A value the mail templates render. Mustache sees its stored properties through
/// reflection, and a section `hasX` asks whether the stored list `x` has any element, so a
/// template can put a heading around a list (`{{#hasCourses}}…{{/hasCourses}}`) without a
/// flag kept beside it by hand. A stored property of that name, when there is one, wins.
protocol MailView: MustacheParent {}

extension MailView {
    func child(named name: String) -> Any? {
        if let value = stored(name) { return value }
        guard name.hasPrefix("has"), name.count > 3 else { return nil }
        let rest = name.dropFirst(3)
        guard let list = stored(rest.prefix(1).lowercased() + rest.dropFirst()) as? any Collection else { return nil }
        return !list.isEmpty
    }

    /// The stored property `name`; an optional is its value, or nothing (so that a section of
    /// a nil value is skipped).
    private func stored(_ name: String) -> Any? {
        guard let value = Mirror(reflecting: self).children.first(where: { $0.label == name })?.value else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
