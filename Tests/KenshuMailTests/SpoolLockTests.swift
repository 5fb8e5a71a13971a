import Foundation
import Testing
@testable import KenshuMail

/// The spool's job locks: one holder at a time, free again once released.
struct SpoolLockTests {
    @Test func aHeldLockIsRefusedWithoutWaitingAndFreeAfterRelease() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-lock-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spool = MailSpool(directory: folder)
        try spool.prepare()
        var held = try SpoolLock.take("deliver", in: spool, wait: false)
        #expect(held != nil)
        #expect(try SpoolLock.take("deliver", in: spool, wait: false) == nil)
        #expect(try SpoolLock.take("spool", in: spool, wait: false) != nil)
        held = nil
        #expect(try SpoolLock.take("deliver", in: spool, wait: false) != nil)
    }

    @Test func aMissingSpoolFolderIsNamed() {
        #expect {
            try SpoolLock.take("spool", in: MailSpool(directory: "/nonexistent/spool"), wait: true)
        } throws: { error in
            "\(error)".contains("/nonexistent/spool/.spool.lock")
        }
    }
}
