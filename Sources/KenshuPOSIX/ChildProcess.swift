#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one program to its end with a deadline: stdin from an open file, stdout to
/// /dev/null, stderr collected (bounded) while it runs, so no pipe can fill up and block.
///
/// The program leads a process group of its own, so on timeout it and whatever it started
/// are stopped together.
public enum ChildProcess {
    /// How the program ended.
    public enum Ending: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    /// How the program ended and the start of what it wrote to stderr.
    public struct Result: Sendable {
        public var ending: Ending
        public var stderr: String
    }

    /// Why a program could not be started.
    public enum StartError: Error, Sendable, Hashable {
        case programNotFound(path: String)
        case programNotExecutable(path: String)
        case couldNotStart(program: String, reason: String)
    }

    /// How long a stopped program gets between SIGTERM and SIGKILL.
    public static let grace: Duration = .seconds(1)

    /// Starts `path` with `arguments`, waits at most `timeout`, and returns how it ended.
    public static func run(
        path: String, arguments: [String], standardInput: Int32, timeout: Duration, stderrLimit: Int
    ) throws(StartError) -> Result {
        var pipeEnds: [Int32] = [-1, -1]
        guard makePipe(&pipeEnds) else {
            throw .couldNotStart(program: path, reason: "no pipe for stderr: " + String(cString: strerror(errno)))
        }
        let readEnd = pipeEnds[0]
        defer { close(readEnd) }
        let pid: pid_t
        do {
            defer { close(pipeEnds[1]) }
            pid = try spawn(path: path, arguments: arguments, standardInput: standardInput, standardError: pipeEnds[1])
        }
        var collector = StderrCollector(fd: readEnd, limit: stderrLimit)
        let ending = waitForEnd(of: pid, deadline: ContinuousClock.now + timeout, collector: &collector)
        collector.drainAvailable()
        return Result(ending: ending, stderr: collector.text)
    }

    /// A pipe whose ends are closed on exec. (Set just after creation; the collector never
    /// waits for end-of-file, so a copy leaked meanwhile to another child does no harm.)
    private static func makePipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        return true
    }

    /// posix_spawn with stdin, stdout (/dev/null) and stderr set up, a new process group, and
    /// default signal handling and an empty signal mask in the child.
    private static func spawn(
        path: String, arguments: [String], standardInput: Int32, standardError: Int32
    ) throws(StartError) -> pid_t {
        #if os(Linux)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        posix_spawn_file_actions_adddup2(&actions, standardInput, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, standardError, 2)

        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        for signal in [SIGPIPE, SIGHUP, SIGINT, SIGTERM, SIGQUIT, SIGCHLD] {
            sigaddset(&defaultSignals, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        var code = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        // "Text file busy": the program is being written (an upgrade, or another process that
        // forked while holding it open for writing); that passes, so try again for a second.
        var busyRetries = 20
        while code == ETXTBSY && busyRetries > 0 {
            busyRetries -= 1
            usleep(50_000)
            code = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        }
        guard code == 0 else {
            if code == ENOENT { throw .programNotFound(path: path) }
            if code == EACCES || code == ENOEXEC { throw .programNotExecutable(path: path) }
            throw .couldNotStart(program: path, reason: String(cString: strerror(code)))
        }
        return pid
    }

    /// Waits for `pid`, reading its stderr meanwhile; past `deadline` stops its process group.
    private static func waitForEnd(
        of pid: pid_t, deadline: ContinuousClock.Instant, collector: inout StderrCollector
    ) -> Ending {
        while true {
            if let ending = reap(pid, blocking: false) { return ending }
            if ContinuousClock.now >= deadline { break }
            collector.waitAndRead(milliseconds: 10)
        }
        kill(-pid, SIGTERM)
        let graceEnd = ContinuousClock.now + grace
        while ContinuousClock.now < graceEnd {
            if reap(pid, blocking: false) != nil { return .timedOut }
            collector.waitAndRead(milliseconds: 10)
        }
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        _ = reap(pid, blocking: true)
        return .timedOut
    }

    /// How `pid` ended, if it has; nil while it runs.
    private static func reap(_ pid: pid_t, blocking: Bool) -> Ending? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if result == pid { break }
            if result == 0 { return nil }
            if errno == EINTR { continue }
            return .signalled(0)  // not our child any more (ECHILD): nothing to wait for
        }
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    }
}
