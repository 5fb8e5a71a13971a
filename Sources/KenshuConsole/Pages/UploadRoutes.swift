import Foundation
import Hummingbird
import KenshuCycle

/// アップロード: the upload form (admins) and each kind's last import (everyone) at
/// `/uploads`; `POST /uploads` takes a `multipart/form-data` upload within its own limit and
/// imports it as the CLI does; `POST /uploads/accept` applies an upload the review held back.
/// Every upload an admin sends is audited, refused ones too.
struct UploadRoutes: Sendable {
    let environment: ConsoleEnvironment

    static let path = "/uploads"

    /// Whether `request` is an upload, whose body has its own limit (`console.uploadLimitMB`).
    static func isUpload(_ request: Request) -> Bool {
        request.method == .post && request.uri.path == path
    }

    private var desk: UploadDesk { environment.uploads }

    func add(to router: Router<ConsoleRequestContext>) {
        router.get("/uploads") { _, context in
            let session = try context.requireSession()
            await desk.sweep(sessions: environment.sessions)
            return try page(session: session, result: nil)
        }
        router.post("/uploads") { request, context in
            let session = try context.requireRole(.admin)
            do {
                return try await upload(request, session: session, address: context.address)
            } catch let refusal as UploadRefusal {
                try environment.audit.record(.upload, account: session.account, address: context.address,
                                             detail: refusal.auditText(limitMB: desk.limitMB))
                return refusalPage(refusal, session: session)
            }
        }
        router.post("/uploads/accept") { request, context in
            _ = try context.requireRole(.admin)
            let (form, session) = try await PostForm.read(request, context: context)
            let token = form["token"] ?? ""
            guard let held = await desk.held.take(token, sessionID: session.id) else {
                return refusalPage(.heldUploadGone, session: session)
            }
            var request = held.request
            request.checkOnly = false
            let outcome = await desk.importer.run(request, file: held.file, folder: held.folder, account: session.account, accept: true)
            var keptToken: String?
            if case .busy = outcome {
                await desk.held.putBack(held, token: token)
                keptToken = token
            } else {
                UploadFolders.remove(held.folder)
            }
            try environment.audit.record(.uploadAccepted, account: session.account, address: context.address,
                                         detail: Self.auditDetail(request.kind, held.file, outcome))
            return try page(session: session, result: UploadView.Result(outcome, heldToken: keptToken), status: outcome.status)
        }
    }

    private func upload(_ request: Request, session: ConsoleSession, address: String) async throws -> Response {
        let boundary: String
        do {
            boundary = try MultipartReader.boundary(contentType: request.headers[.contentType])
        } catch {
            throw UploadRefusal.malformed(error)
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > desk.limitBytes {
            throw UploadRefusal.tooLarge
        }
        let upload = try await desk.receiver.receive(request.body, boundary: boundary)
        var keep = false
        defer { if !keep { UploadFolders.remove(upload.folder) } }
        try PostForm.check(upload.fields[PostForm.tokenField], expecting: session.csrfToken)
        let form = try UploadRequest(fields: upload.fields)
        guard let file = upload.file else { throw UploadRefusal.badField("ファイルが選ばれていません。") }
        let outcome = await desk.importer.run(form, file: file, folder: upload.folder, account: session.account, accept: false)
        var token: String?
        if case .held = outcome {
            token = await desk.held.keep(HeldUploads.Held(sessionID: session.id, account: session.account, request: form,
                                                          folder: upload.folder, file: file))
            keep = true
        }
        try environment.audit.record(.upload, account: session.account, address: address,
                                     detail: Self.auditDetail(form.kind, file, outcome))
        return try page(session: session, result: UploadView.Result(outcome, heldToken: token), status: outcome.status)
    }

    /// `職員名簿 roster.csv（12345 バイト）: 取り込み済み`.
    static func auditDetail(_ kind: UploadKind, _ file: UploadedFile, _ outcome: UploadImport.Outcome) -> String {
        "\(kind.japaneseName) \(file.name)（\(file.size) バイト）: \(outcome.auditText)"
    }

    private func page(session: ConsoleSession, result: UploadView.Result?, status: HTTPResponse.Status = .ok) throws -> Response {
        let store = environment.reading.store
        let view = UploadView.make(result: result, canUpload: session.role == .admin, limitMB: desk.limitMB,
                                   feeds: WeekView.feedRows(providers: try store.providerCatalogs(),
                                                            rejected: try StatusReport.rejectedFeeds(store: store),
                                                            zone: environment.zone),
                                   imports: WeekView.importRows(try StatusReport.lastImports(store: store), zone: environment.zone))
        return environment.pages.response("uploads", frame: PageFrame(title: "アップロード", session: session, current: "uploads"),
                                          page: view, status: status)
    }

    private func refusalPage(_ refusal: UploadRefusal, session: ConsoleSession) -> Response {
        let (title, text) = refusal.message(limitMB: desk.limitMB)
        return environment.pages.response("refusal", frame: PageFrame(title: title, session: session),
                                          page: RefusalView(title: title, text: text, detail: nil), status: refusal.status)
    }
}

extension UploadImport.Outcome {
    /// The result page's status: 422 for a rejected file, 503 while the writer lock is taken.
    var status: HTTPResponse.Status {
        switch self {
        case .imported, .checked, .held: .ok
        case .rejected: .unprocessableContent
        case .busy: .serviceUnavailable
        }
    }
}
