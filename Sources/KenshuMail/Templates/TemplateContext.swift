/// A view made once into what the templates look names up in: dictionaries of its stored
/// properties, arrays of its lists, down to the plain values.
///
/// Mustache finds a name in a plain value by reflection, scanning every field of the value
/// (and, when the name is not there, of each value up the context stack) at every lookup;
/// a mail looks up hundreds of names, so a weekly run of a large city spent most of its
/// time there. Made once per mail, the lookups are hash lookups. What a template sees is the
/// same: a nil optional is absent (so the lookup climbs the stack, as reflection does), a
/// present one is its value, and a `MailView` also answers `hasX` for each stored list (or
/// text) `x`, true when it is not empty.
enum TemplateContext {
    static func make(_ value: Any) -> Any {
        switch value {
        case is String, is Int, is Bool, is Double, is [String: Any]:
            return value
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            var fields: [String: Any] = [:]
            var lists: [String: Bool] = [:]
            for child in mirror.children {
                guard let label = child.label, let present = unwrapped(child.value) else { continue }
                fields[label] = make(present)
                if let list = present as? any Collection { lists[label] = !list.isEmpty }
            }
            if value is MailView {
                for (label, notEmpty) in lists {
                    let name = "has" + label.prefix(1).uppercased() + label.dropFirst()
                    if fields[name] == nil { fields[name] = notEmpty }
                }
            }
            return fields
        case .collection:
            return mirror.children.map { make($0.value) }
        default:
            return value
        }
    }

    /// The value an optional holds, nil for none; any other value as it is.
    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
