import Foundation
import Hummingbird
import KenshuConfig
import KenshuCore
import KenshuCycle
import Logging

/// `kenshu console serve`: loads the setup, opens the store and the templates, and serves
/// the console on `console.listen` until SIGTERM or SIGINT, then stops gracefully (requests
/// in flight finish). Returns the exit code: 0 after a stop, 2 for bad config or an unusable
/// accounts file, 1 when the server could not run.
public enum ConsoleServer {
    public static func run(configPath: String) async -> Int32 {
        let level = Logger.Level(rawValue: ProcessInfo.processInfo.environment["KENSHU_LOG_LEVEL"] ?? "") ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "kenshu-console")
        let environment: ConsoleEnvironment
        do {
            let setup = try Setup.load(configPath: configPath)
            guard setup.configuration.console.listen != nil else {
                logger.error("\(setup.configuration.file): console.listen が設定されていないため、管理画面は無効です。使うには console: の下に listen: \"127.0.0.1:8470\" のように書いてください。")
                return 2
            }
            environment = try ConsoleEnvironment.open(setup: setup)
        } catch let error as KenshuError {
            logger.error("\(error.message)")
            return error.exitCode
        } catch {
            logger.error("\(error)")
            return 2
        }
        do {
            let app = try ConsoleApplication.make(environment, logger: logger)
            logger.info("管理画面を \(environment.settings.listen.map(\.description) ?? "") で開始します")
            let sweeper = Task { await environment.uploads.sweepEvery(.seconds(300), sessions: environment.sessions) }
            defer { sweeper.cancel() }
            // What the first pages would otherwise wait for (seconds in a large city), worked out
            // while the office logs in; a failure here is met again, and shown, by the page.
            let warming = Task.detached(priority: .utility) {
                let started = ContinuousClock.now
                let reading = environment.reading
                try? reading.prepareListings()
                _ = try? await environment.overview.warnings(session: reading)
                _ = try? await environment.overview.heatmap(session: reading)
                let seconds = (ContinuousClock.now - started).inSeconds
                logger.info("講座・警告・ヒートマップを用意しました（\(String(format: "%.1f", seconds)) 秒）")
            }
            defer { warming.cancel() }
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
            logger.info("管理画面を停止しました")
            return 0
        } catch {
            logger.error("管理画面を動かせません: \(error)")
            return 1
        }
    }
}
