import Foundation
import KenshuConfig
import KenshuCore
import KenshuPOSIX

/// Replaces the rules file (the config's `rules`) with a checked candidate: never a
/// half-written file (`FileReplacement`: the old file or the new one, also after a crash), the
/// previous version kept beside it as `<name>.previous`, and only when the file is still the
/// one the edit started from — an edit made meanwhile (another admin, an editor on the server)
/// is never overwritten unseen. A refused change writes nothing.
public enum RulesFileChange {
    /// The rules file as it is now: its text and fingerprint (`FileFingerprint`).
    public struct Current: Sendable {
        public var path: String
        public var text: String
        public var fingerprint: String
    }

    /// A change made: where the previous version is kept, and both fingerprints.
    public struct Applied: Sendable {
        public var path: String
        public var previousPath: String
        public var previousFingerprint: String
        public var fingerprint: String
    }

    /// Why a change was not made; the message is Japanese and says what to do.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public static func current(_ configuration: KenshuConfiguration) throws(Refusal) -> Current {
        let path = configuration.rulesFile
        let bytes: [UInt8]
        do {
            bytes = try FilePaths.readBytes(path, what: "rules file")
        } catch {
            throw Refusal(message: "\(path): 規則ファイルを読めません（\(error.reason)）。")
        }
        return Current(path: path, text: String(decoding: bytes, as: UTF8.self), fingerprint: FileFingerprint.of(bytes))
    }

    /// `<rules file>.previous`: the version before the last change.
    public static func previousPath(_ configuration: KenshuConfiguration) -> String {
        configuration.rulesFile + ".previous"
    }

    /// Writes `candidate` over the rules file if the file's fingerprint is still `base`.
    public static func apply(_ candidate: RulesCandidate, base: String) throws(Refusal) -> Applied {
        let configuration = candidate.setup.configuration
        let now = try current(configuration)
        guard now.fingerprint == base else {
            throw Refusal(message: "\(now.path): 編集を始めてから規則ファイルが変更されました（別の管理者か、サーバー上での編集）。"
                + "上書きしないよう、この変更は適用していません。規則のページを開き直し、今の規則に変更を加えてやり直してください。")
        }
        let bytes = Array(candidate.text.utf8)
        let previous = previousPath(configuration)
        do {
            try FileReplacement.replace(now.path, with: bytes, mode: mode(of: now.path), keepingPreviousAt: previous)
        } catch {
            throw Refusal(message: "\(error.path): 規則ファイルを書き換えられません（\(error.reason)）。規則は変わっていません。"
                + "kenshu console serve を動かすユーザーが \(FileReplacement.split(now.path).folder) に書き込めるか確かめてください"
                + "（systemd では ReadWritePaths=、docs/console.md の「規則の編集」）。")
        }
        return Applied(path: now.path, previousPath: previous, previousFingerprint: now.fingerprint, fingerprint: FileFingerprint.of(bytes))
    }

    /// The file's permission bits, kept by the new version (0640 when unknown).
    static func mode(of path: String) -> mode_t {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0o640 }
        return info.st_mode & 0o7777
    }
}
