import Foundation
import Hummingbird
import KenshuConfig
import KenshuCore
import KenshuCycle
import KenshuPOSIX

/// 規則 (`/rules`): the rules file, and for admins its editor: check (`/rules/check`, as
/// `kenshu rules check`) → simulate (`/rules/simulate`, the `kenshu rules diff` summary
/// against the rules in force) → apply (`/rules/apply`: `RulesFileChange` replaces the file
/// atomically keeping the previous one, the daemon is asked to reload, and the audit log
/// records it). The text travels in the forms, so nothing is kept between steps; every step
/// checks it again, and a refused step changes nothing.
struct RulesRoutes: Sendable {
    let environment: ConsoleEnvironment
    let simulations = RulesSimulations()

    func add(to router: Router<ConsoleRequestContext>) {
        router.get("/rules") { request, context in
            let session = try context.requireSession()
            let now = try RulesSnapshot(environment)
            var view = makeView(text: now.file.text, base: now.file.fingerprint, editable: session.role == .admin, now)
            view.applied = request.uri.queryParameters["applied"] != nil
            return page(view, session: session)
        }
        router.post("/rules/check") { request, context in
            let (form, session, now) = try await editForm(request, context: context)
            let (view, _) = checked(form, now)
            return page(view, session: session, status: view.problem == nil ? .ok : .unprocessableContent)
        }
        router.post("/rules/simulate") { request, context in
            let (form, session, now) = try await editForm(request, context: context)
            var (view, candidate) = checked(form, now)
            guard let candidate else { return page(view, session: session, status: .unprocessableContent) }
            guard let summary = try await simulations.summary(of: candidate, current: now.reading, fileName: view.fileName) else {
                view.problem = RulesView.Problem(message: "別の試算を実行中です。終わってから、もう一度「試算」を押してください。")
                return page(view, session: session, status: .serviceUnavailable)
            }
            view.simulation = summary
            return page(view, session: session)
        }
        router.post("/rules/apply") { request, context in
            let (form, session, now) = try await editForm(request, context: context)
            var (view, candidate) = checked(form, now)
            guard let candidate else { return page(view, session: session, status: .unprocessableContent) }
            let applied: RulesFileChange.Applied
            do throws(RulesFileChange.Refusal) {
                applied = try RulesFileChange.apply(candidate, base: form.base)
            } catch {
                view.problem = RulesView.Problem(message: error.message)
                return page(view, session: session, status: .conflict)
            }
            let configuration = now.reading.configuration
            var detail = "\(FilePaths.name(applied.path)) を置き換え（\(RulesChangeSize.describe(old: form.previousText, new: candidate.text))、"
                + "前の版は \(FilePaths.name(applied.previousPath))）"
            do {
                try DaemonReload.request(stateDirectory: configuration.stateDirectory,
                                         reason: "\(session.account): \(applied.previousFingerprint) → \(applied.fingerprint)")
            } catch {
                detail += "。kenshu serve への再読み込みの依頼に失敗（\(error)）: systemctl reload kenshu で読み込ませてください"
            }
            try environment.audit.record(.rulesApplied, account: session.account, address: context.address, detail: detail)
            return Redirect.to("/rules?applied=1")
        }
    }

    /// The edit form's fields (admins only; CSRF-checked), with CR LF from the browser made LF,
    /// and the rules as they are now.
    private func editForm(_ request: Request, context: ConsoleRequestContext) async throws
        -> (RulesForm, ConsoleSession, RulesSnapshot)
    {
        _ = try context.requireRole(.admin)
        let (form, session) = try await PostForm.read(request, context: context)
        let text = (form["text"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        let now = try RulesSnapshot(environment)
        return (RulesForm(text: text, base: form["base"].flatMap { $0.isEmpty ? nil : $0 } ?? now.file.fingerprint,
                          previousText: now.file.text), session, now)
    }

    /// The page for `form`'s text after a check, and the candidate when the text is valid.
    private func checked(_ form: RulesForm, _ now: RulesSnapshot) -> (RulesView, RulesCandidate?) {
        var view = makeView(text: form.text, base: form.base, editable: true, now)
        let result = RulesCandidate.check(form.text, label: now.file.path, session: now.reading)
        view.check(result)
        return (view, try? result.get())
    }

    private func makeView(text: String, base: String, editable: Bool, _ now: RulesSnapshot) -> RulesView {
        let configuration = now.reading.configuration
        let path = now.file.path
        let (daemon, current) = Self.daemonLine(DaemonReload.status(stateDirectory: configuration.stateDirectory),
                                                fileFingerprint: now.file.fingerprint,
                                                requested: DaemonReload.isRequested(stateDirectory: configuration.stateDirectory),
                                                zone: environment.zone)
        let folder = FileReplacement.split(path).folder
        return RulesView(
            fileName: FilePaths.name(path), editable: editable, text: text, base: base, daemon: daemon, daemonIsCurrent: current,
            applied: false, previousFileName: FilePaths.name(RulesFileChange.previousPath(configuration)), checked: false,
            problem: nil, warnings: [], simulation: nil,
            notWritable: access(folder, W_OK) == 0 ? nil
                : "このサーバーでは \(folder) に書き込めないため、管理画面から規則を適用できません（確認と試算はできます）。docs/console.md の「規則の編集」を参照してください。",
            fileProblem: now.fileProblem)
    }

    /// What the page says of the daemon's rules, and whether they are the file's.
    static func daemonLine(_ status: DaemonReload.Status?, fileFingerprint: String?, requested: Bool, zone: TimeZone) -> (String, Bool) {
        guard let status else {
            return ("kenshu serve の状態が記録されていません（動いていないか、まだ起動していません）。起動すると、この規則で動きます。", false)
        }
        let time = ConsoleTime.text(status.loadedAt, zone: zone)
        if let problem = status.reloadProblem {
            return ("kenshu serve は \(time) の再読み込みに失敗し、前の規則のまま動いています: \(problem)", false)
        }
        if status.rulesFingerprint == fileFingerprint {
            return ("kenshu serve はこの規則で動いています（\(time) に読み込み）。", true)
        }
        return (requested ? "kenshu serve に再読み込みを依頼しました。数秒で読み込みます。"
                : "kenshu serve は前の規則で動いています（\(time) に読み込み）。systemctl reload kenshu で読み込ませてください。", false)
    }

    private func page(_ view: RulesView, session: ConsoleSession, status: HTTPResponse.Status = .ok) -> Response {
        environment.pages.response("rules", frame: PageFrame(title: "規則", session: session, current: "rules"), page: view, status: status)
    }
}

/// One request's view of the rules: the console's session (its rules loaded again if the file
/// changed), why the file does not load if it does not, and the file's text and fingerprint.
private struct RulesSnapshot {
    let reading: Session
    let fileProblem: String?
    let file: RulesFileChange.Current

    init(_ environment: ConsoleEnvironment) throws {
        (reading, fileProblem) = environment.rules.current()
        file = try RulesFileChange.current(reading.configuration)
    }
}

/// The editor's form: the edited text, the fingerprint of the file it started from, and the
/// file's text now (for the audit's size of the change).
struct RulesForm: Sendable {
    var text: String
    var base: String
    var previousText: String
}

extension RulesView {
    /// Takes in a check's result: valid (with its warnings) or the problem at its line.
    mutating func check(_ result: Result<RulesCandidate, RulesCandidate.Problem>) {
        switch result {
        case .success(let candidate):
            checked = true
            warnings = candidate.warnings
        case .failure(let problem):
            self.problem = RulesView.problem(problem, text: text)
        }
    }
}

/// The size of a change for the audit log: `3 行追加、1 行削除`.
enum RulesChangeSize {
    static func describe(old: String, new: String) -> String {
        let difference = new.split(separator: "\n", omittingEmptySubsequences: false)
            .difference(from: old.split(separator: "\n", omittingEmptySubsequences: false))
        return "\(difference.insertions.count) 行追加、\(difference.removals.count) 行削除"
    }
}
