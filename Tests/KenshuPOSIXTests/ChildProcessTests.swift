import Foundation
import KenshuPOSIX
import Testing

/// A program run to its end with a deadline: how it ended and what it said on stderr.
struct ChildProcessTests {
    func run(_ script: String, timeout: Duration = .seconds(10)) throws -> ChildProcess.Result {
        let input = open("/dev/null", O_RDONLY)
        defer { close(input) }
        return try ChildProcess.run(path: "/bin/sh", arguments: ["-c", script], standardInput: input,
                                    timeout: timeout, stderrLimit: 64)
    }

    @Test func reportsTheExitStatusAndTheStartOfStderr() throws {
        let result = try run("printf 'queue file write error' >&2; exit 75")
        #expect(result.ending == .exited(75))
        #expect(result.stderr == "queue file write error")
    }

    @Test func keepsOnlyTheLimitOfALongStderrAndSaysItWasCut() throws {
        let result = try run("head -c 100000 /dev/zero | tr '\\000' x >&2")
        #expect(result.ending == .exited(0))
        #expect(result.stderr == String(repeating: "x", count: 64) + " …")
    }

    @Test func stopsAProgramAndWhatItStartedAtTheDeadline() throws {
        let started = ContinuousClock.now
        let result = try run("sleep 30 & wait", timeout: .milliseconds(300))
        #expect(result.ending == .timedOut)
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func aMissingProgramIsNamed() throws {
        let input = open("/dev/null", O_RDONLY)
        defer { close(input) }
        #expect(throws: ChildProcess.StartError.programNotFound(path: "/no/such/sendmail")) {
            _ = try ChildProcess.run(path: "/no/such/sendmail", arguments: [], standardInput: input,
                                     timeout: .seconds(1), stderrLimit: 64)
        }
    }
}
