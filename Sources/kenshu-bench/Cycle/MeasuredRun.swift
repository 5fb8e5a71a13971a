import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of a program, timed from spawn to exit, with the peak resident memory of that
/// process alone (`wait4`'s rusage), its output written to a log file.
struct MeasuredRun {
    var seconds: Double
    /// Peak resident set, in MB.
    var peakMB: Double
    var status: Int32

    /// Runs `program` with `arguments`, stdout and stderr appended to `log`.
    static func run(_ program: String, _ arguments: [String], log: String) throws -> MeasuredRun {
        guard FileManager.default.isExecutableFile(atPath: program) else {
            throw ValidationFailure("\(program) is not an executable (build it: swift build -c release --product kenshu)")
        }
        let fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw ValidationFailure("cannot write \(log): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fd, 1)
        posix_spawn_file_actions_adddup2(&actions, fd, 2)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let started = ContinuousClock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw ValidationFailure("cannot start \(program): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw ValidationFailure("wait4: \(String(cString: strerror(errno)))") }
        }
        let elapsed = ContinuousClock.now - started
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return MeasuredRun(seconds: elapsed.inSeconds,
                           peakMB: Double(usage.ru_maxrss) / 1024, status: exitStatus)
    }
}

/// A benchmark that cannot go on, with what to do.
struct ValidationFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
