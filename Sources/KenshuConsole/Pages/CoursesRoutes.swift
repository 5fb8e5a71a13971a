import Foundation
import Hummingbird
import KenshuConfig
import KenshuCore
import KenshuCycle

/// 講座 (`/courses`, `?provider=ID&page=N` for one provider's whole catalogue, `untagged=N` for
/// the untagged list's pages) and the confirmation of an untagged course's abilities (`POST
/// /courses/confirm`, admins only): it shows the rules.yaml entry and hands the whole candidate
/// file to the rules page (`/rules/check`). Nothing is written here.
struct CoursesRoutes: Sendable {
    let environment: ConsoleEnvironment

    /// Courses per provider on the overview, on a provider's page, and untagged per page.
    static let overviewCourses = 10
    static let pageCourses = 100
    static let untaggedPage = 40

    func add(to router: Router<ConsoleRequestContext>) {
        router.get("/courses") { request, context in
            let session = try context.requireSession()
            let query = request.uri.queryParameters
            let view = try await page(provider: query["provider"].map(String.init), page: query["page"].map(String.init),
                                      untaggedPage: query["untagged"].map(String.init), session: session)
            return environment.pages.response("courses", frame: PageFrame(title: "講座", session: session, current: "courses"), page: view)
        }
        router.post("/courses/confirm") { request, context in
            _ = try context.requireRole(.admin)
            let (form, session) = try await PostForm.read(request, context: context)
            let view = try await confirm(form, session: session)
            return environment.pages.response("course-confirm", frame: PageFrame(title: "講座の能力を確定する", session: session,
                                                                                 current: "courses"), page: view)
        }
    }

    private func page(provider wanted: String?, page: String?, untaggedPage: String?, session: ConsoleSession) async throws -> CoursesView {
        let reading = environment.reading
        let catalog = reading.catalog
        let tagger = AbilityTagger(rules: reading.rules.courseTags, catalog: catalog)
        let kinds = Dictionary(catalog.trainingKinds.flatMap(\.flattened).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var catalogs = try reading.store.providerCatalogs()
        var paging: Paging?
        if let wanted {
            catalogs = catalogs.filter { $0.id == wanted }
            guard let only = catalogs.first else {
                throw ConsoleRefusal.badInput("提供元「\(wanted)」（項目 provider）の講座は登録されていません。講座のページから選んでください。")
            }
            paging = try Paging(total: only.courses, size: Self.pageCourses, requested: page, field: "page") {
                "/courses?provider=\(Self.encoded(wanted))&page=\($0)"
            }
        }
        let providers = try catalogs.map { provider in
            let range = paging?.range ?? 0..<min(provider.courses, Self.overviewCourses)
            let courses = try reading.store.courses(provider: provider.id, limit: range.count, offset: range.lowerBound)
            return CoursesView.Provider(
                id: provider.id, name: provider.name, lastImport: CoursesView.lastImport(provider.lastImport, zone: environment.zone),
                courses: courses.map { CoursesView.line($0, tagger: tagger, catalog: catalog, kinds: kinds) }, hasCourses: !courses.isEmpty,
                more: paging == nil && provider.courses > range.count ? provider.courses - range.count : nil,
                link: "/courses?provider=" + Self.encoded(provider.id))
        }
        let untagged = try await environment.overview.courses(session: reading).untagged
        let untaggedPaging = try Paging(total: untagged.count, size: Self.untaggedPage, requested: untaggedPage, field: "untagged") {
            "/courses?untagged=\($0)"
        }
        return CoursesView(
            providers: providers, hasProviders: !providers.isEmpty, paging: paging,
            untagged: untagged[untaggedPaging.range].map { CoursesView.untagged($0, catalog: catalog) },
            untaggedCount: untagged.count, untaggedPaging: untaggedPaging, hasUntagged: !untagged.isEmpty,
            canConfirm: session.role == .admin, csrfToken: session.csrfToken)
    }

    private func confirm(_ form: PostForm, session: ConsoleSession) async throws -> CourseConfirmView {
        let reading = environment.reading
        let provider = form["provider"] ?? ""
        let courseID = form["course"] ?? ""
        let key = CourseTagRules.courseKey(provider: provider, courseID: courseID)
        guard let title = try await environment.overview.courses(session: reading).titles[key] else {
            throw ConsoleRefusal.badInput("講座「\(key)」（項目 provider と course）は登録されていません。講座のページを開き直して選んでください。")
        }
        var abilities: [Int] = []
        for value in form.values("ability") {
            guard let number = Int(value), reading.catalog.ability(number: number) != nil else {
                throw ConsoleRefusal.badInput("能力の番号「\(value)」（項目 ability）は方針の ①〜⑩ にありません。1〜10 から選んでください。")
            }
            abilities.append(number)
        }
        guard !abilities.isEmpty else {
            throw ConsoleRefusal.badInput("「\(title)」の能力（項目 ability）が一つも選ばれていません。①〜⑩ から一つ以上選んでください。")
        }
        let file = reading.configuration.rulesFile
        let candidate: String
        do {
            let current = String(decoding: try FilePaths.readBytes(file, what: "rules file"), as: UTF8.self)
            candidate = try CourseAbilityRuleEdit.apply(to: current, provider: provider, courseID: courseID, abilities: abilities,
                                                        title: title, catalog: reading.catalog, file: file)
        } catch let error as InputError {
            throw ConsoleRefusal.badInput("規則ファイルに書き足せません: \(error.description)")
        } catch {
            throw ConsoleRefusal.badInput("規則ファイル \(file) を読めません（\(error)）。サーバーで読めるか確かめてください。")
        }
        let labels = Set(abilities).sorted().compactMap { reading.catalog.ability(number: $0)?.label }
        return CourseConfirmView(
            provider: provider, title: title, key: key, abilities: labels.joined(separator: "、"),
            entry: candidate.split(whereSeparator: \.isNewline).first { $0.contains(CourseAbilityRuleEdit.quoted(key) + ":") }
                .map { String($0.drop { $0 == " " }) } ?? "",
            rulesFile: file, text: candidate, csrfToken: session.csrfToken)
    }

    /// A query value, percent-encoded for a link.
    static func encoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
    }
}
