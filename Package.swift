// swift-tools-version:6.1
import PackageDescription

/// Kenshu (研修): the training-catalogue and mentor-matching daemon of a city's
/// HR development office. One target per stage of the data flow (see README).
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

let package = Package(
    name: "Kenshu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kenshu", targets: ["kenshu"]),
        .executable(name: "kenshu-bench", targets: ["kenshu-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // libxml2 from the system (libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Domain values and the policy catalogue model (no I/O).
        .target(name: "KenshuCore", swiftSettings: strict),
        // Streaming XML reading and XSD validation over libxml2.
        .target(name: "KenshuXML", dependencies: ["CLibXML2", "KenshuCore"], swiftSettings: strict),
        // Loads the shipped policy catalogue (Catalog/policy) into KenshuCore values.
        .target(name: "KenshuCatalog", dependencies: ["KenshuCore", "KenshuXML"], swiftSettings: strict),
        // kenshu.yaml and rules.yaml, validated with line and column.
        .target(name: "KenshuConfig", dependencies: ["KenshuCore", "Yams"], swiftSettings: strict),
        // The SQLite store: migrations, the one opener, queries.
        .target(
            name: "KenshuStore",
            dependencies: ["KenshuCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        // CSV imports from the HR system (roster, evaluations, history) and course feeds
        // (XCRI-CAP, and institutes' own XML through mapping profiles).
        .target(
            name: "KenshuImport", dependencies: ["KenshuCore", "KenshuXML", "KenshuConfig", "KenshuStore"],
            swiftSettings: strict),
        // The matching core: gaps, eligibility, scoring, recommendations (pure: no I/O).
        .target(name: "KenshuMatch", dependencies: ["KenshuCore"], swiftSettings: strict),
        // Mail: templates (Mustache), RFC 5322/MIME messages with RFC 2047 headers, the Maildir-style
        // spool, and delivery through sendmail.
        .target(
            name: "KenshuMail",
            dependencies: ["KenshuCore", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: strict
        ),
        // The application shell the commands and the daemon call into.
        .target(
            name: "KenshuApp",
            dependencies: [
                "KenshuCore", "KenshuCatalog", "KenshuConfig", "KenshuStore", "KenshuImport", "KenshuMatch", "KenshuMail",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // `kenshu serve`: the inbox watcher, feed poller, weekly scheduler, reload and the
        // systemd protocol, each a Service of swift-service-lifecycle.
        .target(
            name: "KenshuDaemon",
            dependencies: [
                "KenshuApp", "KenshuConfig", "KenshuCore", "KenshuStore",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "kenshu",
            dependencies: ["KenshuApp", "KenshuDaemon", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "kenshu-bench",
            dependencies: [
                "KenshuCore", "KenshuCatalog", "KenshuConfig", "KenshuStore", "KenshuImport", "KenshuXML", "KenshuMatch",
                "KenshuApp", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "KenshuCoreTests", dependencies: ["KenshuCore"], swiftSettings: strict),
        .testTarget(name: "KenshuXMLTests", dependencies: ["KenshuXML", "KenshuCore"], swiftSettings: strict),
        .testTarget(name: "KenshuCatalogTests", dependencies: ["KenshuCatalog"], swiftSettings: strict),
        .testTarget(name: "KenshuConfigTests", dependencies: ["KenshuConfig", "KenshuCatalog"], swiftSettings: strict),
        .testTarget(name: "KenshuMatchTests", dependencies: ["KenshuMatch", "KenshuCatalog"], swiftSettings: strict),
        .testTarget(name: "KenshuMailTests", dependencies: ["KenshuMail"], swiftSettings: strict),
        .testTarget(name: "KenshuStoreTests", dependencies: ["KenshuStore"], swiftSettings: strict),
        .testTarget(name: "KenshuImportTests", dependencies: ["KenshuImport", "KenshuStore", "KenshuCatalog", "KenshuXML", "KenshuConfig"], swiftSettings: strict),
        .testTarget(name: "KenshuDaemonTests", dependencies: ["KenshuDaemon", "KenshuApp", "KenshuConfig", "KenshuCore"], swiftSettings: strict),
        .testTarget(name: "KenshuIntegrationTests", dependencies: ["kenshu", "kenshu-bench", "KenshuCore"], swiftSettings: strict),
    ]
)
