import Foundation
import KenshuTesting
import Testing

@testable import KenshuMail

#if canImport(Glibc)
import Glibc
#endif

/// Running sendmail: the message on stdin, exit status and stderr back, a deadline kept.
struct DeliverySendmailTests {
    @Test func theMessageReachesSendmailByteForByte() throws {
        let folder = try SpoolScratch.folder()
        defer { SpoolScratch.remove(folder) }
        let sendmail = try FakeSendmail.write(in: folder, #"printf '%s\n' "$@" > "$DIR/args"; cat > "$DIR/received""#)
        let message = Array(try RenderedMail.sample(text: String(repeating: "研修のご案内\n", count: 20_000)).rendered())
        SpoolScratch.touch(folder + "/message.eml", Data(message))

        try sendmail.send(file: folder + "/message.eml")

        #expect(try SpoolScratch.contents(folder + "/received") == message)
        #expect(try SpoolScratch.contents(folder + "/args") == Array("-t\n-oi\n".utf8))
    }

    @Test func aFailureCarriesTheExitStatusAndStderr() throws {
        let folder = try SpoolScratch.folder()
        defer { SpoolScratch.remove(folder) }
        let sendmail = try FakeSendmail.write(in: folder, #"cat > /dev/null; echo "451 try later" >&2; exit 75"#)
        SpoolScratch.touch(folder + "/message.eml", Data("Subject: x\r\n\r\nx\r\n".utf8))

        let error = try #require(throws: DeliveryError.self) { try sendmail.send(file: folder + "/message.eml") }
        #expect(error == .exited(program: sendmail.path, status: 75, stderr: "451 try later"))
        #expect(error.exitStatus == 75)
        #expect(error.description.contains("exit status 75 (temporary failure): 451 try later"))
    }

    @Test func muchStderrNeitherBlocksNorFloodsTheError() throws {
        let folder = try SpoolScratch.folder()
        defer { SpoolScratch.remove(folder) }
        let sendmail = try FakeSendmail.write(
            in: folder, #"i=0; while [ $i -lt 3000 ]; do echo "line $i of a long complaint from the MTA" >&2; i=$((i+1)); done; exit 1"#)
        SpoolScratch.touch(folder + "/message.eml", Data("x".utf8))

        let error = try #require(throws: DeliveryError.self) { try sendmail.send(file: folder + "/message.eml") }
        let stderr = try #require(error.standardError)
        #expect(error.exitStatus == 1)
        #expect(stderr.hasPrefix("line 0 of a long complaint"))
        #expect(stderr.utf8.count <= Sendmail.stderrLimit + 4)
        #expect(stderr.hasSuffix("…"))
    }

    @Test func aMissingProgramSaysWhatToInstall() throws {
        let folder = try SpoolScratch.folder()
        defer { SpoolScratch.remove(folder) }
        SpoolScratch.touch(folder + "/message.eml", Data("x".utf8))
        let sendmail = Sendmail(path: folder + "/no-such-sendmail")

        let error = try #require(throws: DeliveryError.self) { try sendmail.send(file: folder + "/message.eml") }
        #expect(error == .programNotFound(path: folder + "/no-such-sendmail"))
        #expect(error.description == "sendmail not found at \(folder)/no-such-sendmail: install a mail transfer agent (e.g. postfix) or pass --sendmail PATH")
    }

    @Test func aProgramThatCannotRunIsReported() throws {
        let folder = try SpoolScratch.folder()
        defer { SpoolScratch.remove(folder) }
        SpoolScratch.touch(folder + "/message.eml", Data("x".utf8))
        SpoolScratch.touch(folder + "/sendmail", Data("#!/bin/sh\n".utf8))
        chmod(folder + "/sendmail", 0o644)

        #expect(throws: DeliveryError.programNotExecutable(path: folder + "/sendmail")) {
            try Sendmail(path: folder + "/sendmail").send(file: folder + "/message.eml")
        }
        #expect(throws: DeliveryError.programNotExecutable(path: folder)) {
            try Sendmail(path: folder).send(file: folder + "/message.eml")
        }
    }

    @Test func aMissingSpoolFileIsReported() throws {
        let folder = try SpoolScratch.folder()
        defer { SpoolScratch.remove(folder) }
        let sendmail = try FakeSendmail.write(in: folder, "cat > /dev/null")
        let error = try #require(throws: DeliveryError.self) { try sendmail.send(file: folder + "/gone.eml") }
        #expect(error.description.contains(folder + "/gone.eml"))
    }

    @Test func aHangingSendmailIsStoppedAtTheTimeoutWithWhatItStarted() throws {
        let folder = try SpoolScratch.folder()
        defer { SpoolScratch.remove(folder) }
        var sendmail = try FakeSendmail.write(
            in: folder, #"echo $$ > "$DIR/pid"; sleep 30 & echo $! > "$DIR/child"; echo "queue stuck" >&2; wait"#)
        sendmail.timeout = .seconds(1)
        SpoolScratch.touch(folder + "/message.eml", Data("x".utf8))

        let started = ContinuousClock.now
        let error = try #require(throws: DeliveryError.self) { try sendmail.send(file: folder + "/message.eml") }
        let elapsed = ContinuousClock.now - started

        #expect(error == .timedOut(program: sendmail.path, after: .seconds(1), stderr: "queue stuck"))
        #expect(elapsed >= .seconds(1) && elapsed < .seconds(10))
        for file in ["pid", "child"] {
            let pid = try #require(Int32(String(decoding: try SpoolScratch.contents(folder + "/" + file), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)))
            // SIGKILL is delivered asynchronously: the process leaves within moments, not at once.
            #expect(Waiting.until(timeout: .seconds(5)) { !FakeSendmail.isRunning(pid) }, "\(file) \(pid) still runs")
        }
    }
}

/// Fake sendmail programs: shell scripts in a scratch folder.
enum FakeSendmail {
    /// A `Sendmail` running `body` as `/bin/sh` with `$DIR` set to `folder`.
    static func write(in folder: String, _ body: String) throws -> Sendmail {
        let path = folder + "/sendmail"
        let script = "#!/bin/sh\nDIR='\(folder)'\n\(body)\n"
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, 0o755) == 0)
        return Sendmail(path: path, timeout: .seconds(20))
    }

    /// Whether `pid` is a live process (not gone, not a zombie).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }
}
