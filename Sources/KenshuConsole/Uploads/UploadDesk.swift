import KenshuCycle

/// What the アップロード page works with: the import over the console's read-write session,
/// the receiver that streams bodies into `<state>/console-uploads` within
/// `console.uploadLimitMB`, and the uploads held back for review.
struct UploadDesk: Sendable {
    let importer: UploadImport
    let receiver: UploadReceiver
    let held: HeldUploads
    let limitMB: Int

    init(writing: Session, limitMB: Int) {
        importer = UploadImport(session: writing)
        receiver = UploadReceiver(root: writing.configuration.stateDirectory + "/" + UploadFolders.rootName,
                                  limit: limitMB * 1024 * 1024)
        held = HeldUploads()
        self.limitMB = limitMB
    }

    var limitBytes: Int { receiver.limit }

    /// Removes the uploads a previous run of the console left (at start: held ones went with
    /// their sessions).
    func removeLeftovers() {
        UploadFolders.clear(receiver.root)
    }

    /// Forgets held uploads whose hour or session is over.
    func sweep(sessions: SessionStore) async {
        await held.sweep { id in await sessions.isLive(id) }
    }

    /// Sweeps every `interval` until cancelled, so that a held upload nobody comes back for
    /// does not wait for the next visit of the page.
    func sweepEvery(_ interval: Duration, sessions: SessionStore) async {
        while (try? await Task.sleep(for: interval)) != nil {
            await sweep(sessions: sessions)
        }
    }
}
