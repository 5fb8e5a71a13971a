// swift-tools-version:6.1
import PackageDescription

/// Kenshu (研修): the training-catalogue and mentor-matching daemon of a city's HR
/// development office. One target per stage of the data flow; each depends only on the
/// targets listed before it (docs/design.md draws the graph).
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

let package = Package(
    name: "Kenshu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kenshu", targets: ["kenshu"]),
        .executable(name: "kenshu-bench", targets: ["kenshu-bench"]),
        // The readers of outside input, for the fuzzing package in Fuzz/.
        .library(name: "KenshuReaders", targets: ["KenshuCore", "KenshuXML", "KenshuConfig", "KenshuImport", "KenshuMail"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        // libxml2 from the system (libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Domain values: the policy catalogue, courses, staff, rules (no I/O).
        .target(name: "KenshuCore", swiftSettings: strict),
        // System calls Swift's Glibc module does not declare (syncfs).
        .target(name: "CSystemShims"),
        // POSIX helpers: file locks, child processes, durable write-sync-rename, work on every core.
        .target(name: "KenshuPOSIX", dependencies: ["CSystemShims"], swiftSettings: strict),
        // XML over libxml2: streaming and SAX reading, captured trees, XSD validation.
        .target(name: "KenshuXML", dependencies: ["CLibXML2", "KenshuCore"], swiftSettings: strict),
        // kenshu.yaml and rules.yaml, validated with line and column.
        .target(name: "KenshuConfig", dependencies: ["KenshuCore", "Yams"], swiftSettings: strict),
        // The SQLite store: the one opener, migrations, queries (the only SQL).
        .target(
            name: "KenshuStore",
            dependencies: ["KenshuCore", "KenshuPOSIX", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        // What comes in: the policy catalogue, the HR system's CSV exports, course feeds
        // (XCRI-CAP and institutes' formats through mapping profiles), the inbox, polling.
        .target(
            name: "KenshuImport", dependencies: ["KenshuCore", "KenshuPOSIX", "KenshuXML", "KenshuConfig", "KenshuStore"],
            swiftSettings: strict),
        // The matching core: gaps, eligibility, scoring, seats, mentors, solvers (pure).
        .target(name: "KenshuMatch", dependencies: ["KenshuCore"], swiftSettings: strict),
        // What goes out: mail views, templates, MIME messages, the spool and its ledger, delivery.
        .target(
            name: "KenshuMail",
            dependencies: [
                "KenshuCore", "KenshuPOSIX", "KenshuConfig", "KenshuStore", "KenshuMatch",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict
        ),
        // The shell: opens the store once per command and runs the steps of a cycle.
        .target(
            name: "KenshuCycle",
            dependencies: ["KenshuCore", "KenshuPOSIX", "KenshuConfig", "KenshuStore", "KenshuImport", "KenshuMatch", "KenshuMail"],
            swiftSettings: strict
        ),
        // `kenshu serve`: each part a Service of swift-service-lifecycle.
        .target(
            name: "KenshuDaemon",
            dependencies: [
                "KenshuCore", "KenshuPOSIX", "KenshuConfig", "KenshuStore", "KenshuImport", "KenshuMail", "KenshuCycle",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // `kenshu console serve`: the HR console (管理画面), its own process over the store.
        .target(
            name: "KenshuConsole",
            dependencies: [
                "KenshuCore", "KenshuPOSIX", "KenshuConfig", "KenshuStore", "KenshuImport", "KenshuMatch", "KenshuMail",
                "KenshuCycle", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The command line: one file per command, and the commands' text and JSON output.
        .executableTarget(
            name: "kenshu",
            dependencies: [
                "KenshuCore", "KenshuConfig", "KenshuStore", "KenshuImport", "KenshuMatch", "KenshuMail", "KenshuCycle",
                "KenshuDaemon", "KenshuConsole", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // The example-city generator and the benchmarks.
        .executableTarget(
            name: "kenshu-bench",
            dependencies: [
                "KenshuCore", "KenshuConfig", "KenshuStore", "KenshuImport", "KenshuXML", "KenshuMatch", "KenshuCycle",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Test support: the repository's folders, temporary folders, the built binaries,
        // waiting on a condition with a deadline.
        .target(name: "KenshuTesting", dependencies: ["KenshuCore"], path: "Tests/KenshuTesting", swiftSettings: strict),
        .testTarget(name: "KenshuCoreTests", dependencies: ["KenshuCore"], swiftSettings: strict),
        .testTarget(name: "KenshuPOSIXTests", dependencies: ["KenshuPOSIX", "KenshuTesting"], swiftSettings: strict),
        .testTarget(name: "KenshuXMLTests", dependencies: ["KenshuXML", "KenshuTesting"], swiftSettings: strict),
        .testTarget(name: "KenshuConfigTests", dependencies: ["KenshuConfig", "KenshuImport", "KenshuTesting"], swiftSettings: strict),
        .testTarget(name: "KenshuStoreTests", dependencies: ["KenshuStore", "KenshuTesting"], swiftSettings: strict),
        .testTarget(
            name: "KenshuImportTests",
            dependencies: ["KenshuImport", "KenshuStore", "KenshuXML", "KenshuConfig", "KenshuTesting"],
            swiftSettings: strict),
        .testTarget(name: "KenshuMatchTests", dependencies: ["KenshuMatch", "KenshuImport", "KenshuTesting"], swiftSettings: strict),
        .testTarget(name: "KenshuMailTests", dependencies: ["KenshuMail", "KenshuTesting"], swiftSettings: strict),
        .testTarget(name: "KenshuCycleTests", dependencies: ["KenshuCycle", "KenshuTesting"], swiftSettings: strict),
        .testTarget(
            name: "KenshuDaemonTests", dependencies: ["KenshuDaemon", "KenshuCycle", "KenshuConfig", "KenshuCore", "KenshuTesting"],
            swiftSettings: strict),
        .testTarget(
            name: "KenshuConsoleTests",
            dependencies: [
                "KenshuConsole", "KenshuCore", "KenshuConfig", "KenshuStore", "KenshuImport", "KenshuCycle", "KenshuTesting", "KenshuMail", "KenshuMatch",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "KenshuIntegrationTests", dependencies: ["kenshu", "kenshu-bench", "KenshuCore", "KenshuTesting"],
            swiftSettings: strict),
    ]
)
