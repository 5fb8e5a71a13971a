import Foundation
import KenshuCore
import KenshuCycle
import KenshuImport

/// Runs an uploaded file through the command line's own imports — `StaffImport.run` for the
/// HR exports, `FeedImport.run` for a feed — with the console's read-write session, under the
/// state folder's writer lock taken without waiting (a weekly run or another import holding
/// it is an answer, not a wait), off the event loop (`BlockingWork`: an import blocks for seconds). The
/// result is worded as the CLI words it (`StaffImportText`, `FeedImportText`, the errors'
/// own messages), with the upload's folder taken out of paths so that they name the file.
struct UploadImport: Sendable {
    /// The console's read-write session.
    let session: Session

    enum Outcome: Sendable, Equatable {
        /// Stored; the CLI's summary.
        case imported(String)
        /// Checked only (`--dry-run`, `--validate-only`): nothing stored.
        case checked(String)
        /// Held back by the data-safety review: the CLI's summary of it.
        case held(String)
        /// The file was rejected (or the import failed): the CLI's message.
        case rejected(String)
        /// The writer lock is taken: by whom, as its holder recorded it.
        case busy(holder: String)
    }

    func run(_ request: UploadRequest, file: UploadedFile, folder: String, account: String, accept: Bool) async -> Outcome {
        await BlockingWork.run {
            let outcome = runBlocking(request, file: file, account: account, accept: accept)
            return outcome.naming(folder: folder)
        }
    }

    /// What the import log (kenshu status, 今週) names an upload by: its file name and where it
    /// came from, not the folder it was received into (removed after the import).
    static func recordedName(_ file: UploadedFile) -> String {
        "\(file.name)（管理画面からアップロード）"
    }

    private func runBlocking(_ request: UploadRequest, file: UploadedFile, account: String, accept: Bool) -> Outcome {
        do throws(KenshuError) {
            guard let lock = try WriterLock.takeIfFree(session: session, purpose: "kenshu console upload (\(account): \(file.name))")
            else { return .busy(holder: WriterLock.holder(session: session)) }
            defer { withExtendedLifetime(lock) {} }
            let text: String
            if let kind = request.kind.staffData {
                text = StaffImportText.render(try StaffImport.run(kind, file: file.path, encoding: request.encoding, accept: accept,
                                                                  dryRun: request.checkOnly, recordedAs: Self.recordedName(file),
                                                                  session: session))
            } else {
                let importer = try FeedImport.importer(setup: session.setup, store: session.store)
                text = FeedImportText.render(try FeedImport.run(file: file.path, profile: nil, provider: nil,
                                                                validateOnly: request.checkOnly, recordedAs: Self.recordedName(file),
                                                                importer: importer),
                                             catalog: session.catalog)
            }
            return request.checkOnly ? .checked(text) : .imported(text)
        } catch where error.kind == .held {
            // The page's own button and words say how to accept it, not the command line's.
            return .held(error.message.replacingOccurrences(
                of: StaffImportReview.acceptInstruction,
                with: "保管データは変えていません。"))
        } catch {
            return .rejected(error.message)
        }
    }
}

extension UploadImport.Outcome {
    /// The text shown: the summary, the review or the error.
    var text: String {
        switch self {
        case .imported(let text), .checked(let text), .held(let text), .rejected(let text): text
        case .busy(let holder):
            "実行中: \(holder.isEmpty ? "不明なプロセス" : holder)。終わってから、もう一度送ってください。何も変更していません。"
        }
    }

    /// Paths in `folder` named by their file name alone, as the admin uploaded it.
    func naming(folder: String) -> Self {
        let named = { (text: String) in text.replacingOccurrences(of: folder + "/", with: "") }
        return switch self {
        case .imported(let text): .imported(named(text))
        case .checked(let text): .checked(named(text))
        case .held(let text): .held(named(text))
        case .rejected(let text): .rejected(named(text))
        case .busy: self
        }
    }

    /// The audit log's word for it, with the first line of a reason.
    var auditText: String {
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? ""
        switch self {
        case .imported: return "取り込み済み"
        case .checked: return "確認のみ（保存なし）"
        case .held: return "保留: " + firstLine
        case .rejected: return "拒否: " + firstLine
        case .busy(let holder): return "拒否: 週次処理（または他の取り込み）が実行中（\(holder)）"
        }
    }
}
