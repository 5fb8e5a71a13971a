import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A logged-in browser's side of the console for the benchmark: the session cookie, and
/// one request at a time (a page's time is its own).
final class ConsoleHTTPClient {
    let base: String
    private let session: URLSession

    init(base: String) {
        self.base = base
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieAcceptPolicy = .always
        configuration.httpShouldSetCookies = true
        configuration.timeoutIntervalForRequest = 300
        session = URLSession(configuration: configuration)
    }

    /// Status and body of one request.
    func request(_ path: String, method: String = "GET", form: [(String, String)]? = nil) throws -> (Int, Data) {
        guard let url = URL(string: base + path) else { throw ValidationFailure("bad path \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let form {
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&").utf8)
        }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<(Int, Data), Error> = .failure(ValidationFailure("no answer from \(path)"))
        session.dataTask(with: request) { data, response, error in
            if let error {
                outcome = .failure(error)
            } else {
                outcome = .success(((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data()))
            }
            done.signal()
        }.resume()
        done.wait()
        return try outcome.get()
    }

    /// A GET: the status and the body's size.
    func get(_ path: String) throws -> (Int, Int) {
        let (status, body) = try request(path)
        return (status, body.count)
    }

    /// Waits until the login page answers.
    func waitUntilAnswering(seconds: Double) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if let (status, _) = try? request("/login"), status == 200 { return }
            guard Date() < deadline else { throw ValidationFailure("the console did not answer at \(base) within \(Int(seconds)) s") }
            usleep(100_000)
        }
    }

    /// Logs in as the login form does (its CSRF token, then the POST).
    func logIn(account: String, password: String) throws {
        let (_, page) = try request("/login")
        let html = String(decoding: page, as: UTF8.self)
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { throw ValidationFailure("no login form at \(base)/login") }
        let token = String(html[range.upperBound...].prefix { $0 != "\"" })
        let (status, _) = try request("/login", method: "POST", form: [("csrf", token), ("name", account), ("password", password)])
        let (week, _) = try request("/week")
        guard week == 200 else { throw ValidationFailure("login as \(account) failed (POST \(status), /week \(week))") }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

/// A program the benchmark starts (the console) or runs with input (an account's password),
/// its output appended to the log.
final class ServerProcess {
    let process = Process()

    init(_ program: String, _ arguments: [String], log: String) throws {
        try ServerProcess.configure(process, program, arguments, log: log)
        try process.run()
    }

    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }

    /// Runs to the end with `input` on standard input; the exit status.
    static func run(_ program: String, _ arguments: [String], input: String, log: String) throws -> Int32 {
        let process = Process()
        try configure(process, program, arguments, log: log)
        let pipe = Pipe()
        process.standardInput = pipe
        try process.run()
        pipe.fileHandleForWriting.write(Data(input.utf8))
        try pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }

    private static func configure(_ process: Process, _ program: String, _ arguments: [String], log: String) throws {
        if !FileManager.default.fileExists(atPath: log) { _ = FileManager.default.createFile(atPath: log, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: log) else { throw ValidationFailure("cannot write \(log)") }
        handle.seekToEndOfFile()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
    }
}
