#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KenshuPOSIX

/// The system's sendmail program (postfix, exim, msmtp …), given one message on stdin. Its
/// session is itself: each mail is a process of its own, and there is nothing to close.
public struct Sendmail: MailTransport, MailSession, Sendable, Hashable {
    /// The program, by default `/usr/sbin/sendmail`.
    public var path: String
    /// Its arguments, by default `-t -oi` (recipients from the headers; a lone dot is no end).
    public var arguments: [String]
    /// How long it may take before it is stopped, by default 60 s.
    public var timeout: Duration

    /// How much of the program's stderr is kept for the error.
    public static let stderrLimit = 4096

    /// A sendmail at `path`, run with `arguments`, stopped after `timeout`.
    public init(path: String = "/usr/sbin/sendmail", arguments: [String] = ["-t", "-oi"], timeout: Duration = .seconds(60)) {
        self.path = path
        self.arguments = arguments
        self.timeout = timeout
    }

    /// Runs the program with `file`'s bytes on stdin and waits for it (blocking the calling
    /// thread, at most `timeout` and a short grace to stop it).
    ///
    /// Exit status 0 is success. Otherwise throws: `programNotFound` / `programNotExecutable`
    /// before anything runs; `exited` with the status and the first 4 KB of stderr; `killed`;
    /// or `timedOut`, after the program and everything it started were stopped (SIGTERM, then
    /// SIGKILL to its process group).
    public func send(file: String) throws(DeliveryError) {
        try checkProgram()
        let input = open(file, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else {
            throw .unreadableMessage(path: file, reason: String(cString: strerror(errno)))
        }
        defer { closeFile(input) }
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(
                path: path, arguments: arguments, standardInput: input, timeout: timeout, stderrLimit: Self.stderrLimit)
        } catch {
            switch error {
            case .programNotFound(let path): throw .programNotFound(path: path)
            case .programNotExecutable(let path): throw .programNotExecutable(path: path)
            case .couldNotStart(let program, let reason): throw .couldNotStart(program: program, reason: reason)
            }
        }
        switch result.ending {
        case .exited(0): return
        case .exited(let status): throw .exited(program: path, status: status, stderr: result.stderr)
        case .signalled(let signal): throw .killed(program: path, signal: signal, stderr: result.stderr)
        case .timedOut: throw .timedOut(program: path, after: timeout, stderr: result.stderr)
        }
    }

    /// `send(file:)`, with `meanwhile` called before the program starts.
    public func send(file: String, meanwhile: () -> Void) throws(DeliveryError) {
        meanwhile()
        try send(file: file)
    }

    /// Itself: every mail runs the program anew.
    public func openSession() -> any MailSession {
        self
    }

    /// Nothing to close.
    public func close() {}

    /// A sendmail at `path` whose envelope sender (where bounces go) is `sender`:
    /// `-t -oi -f sender`.
    public static func sending(from sender: String, path: String) -> Sendmail {
        Sendmail(path: path, arguments: ["-t", "-oi", "-f", sender])
    }

    /// Throws unless `path` is an executable regular file.
    public func checkProgram() throws(DeliveryError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .programNotFound(path: path) }
            throw .couldNotStart(program: path, reason: String(cString: strerror(code)))
        }
        guard info.st_mode & S_IFMT == S_IFREG, access(path, X_OK) == 0 else {
            throw .programNotExecutable(path: path)
        }
    }
}

/// `close(2)`, by a name the types' own `close()` does not hide.
private func closeFile(_ fd: Int32) {
    close(fd)
}
