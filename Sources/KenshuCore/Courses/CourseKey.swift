/// The one key that names a provider's course wherever sets or maps of courses are kept (the
/// no-uptake cool-down, the recommendation log, the mails): provider id and course id joined
/// by U+001F, a character neither contains.
public enum CourseKey {
    public static func make(provider: String, courseID: String) -> String {
        provider + "\u{1F}" + courseID
    }
}
