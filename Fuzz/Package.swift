// swift-tools-version:6.1
import PackageDescription

/// libFuzzer targets for Kenshu's readers of outside input. A package of its own, so that the
/// main package's build and tests never see the sanitizer flags. Build and run with `run.sh`
/// (see README.md); every Kenshu target is built instrumented through `-Xswiftc -sanitize=…`.
let settings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    // No top-level code: `main` comes from FuzzerEntry (or libFuzzer), `LLVMFuzzerTestOneInput` from the target.
    .unsafeFlags(["-parse-as-library"]),
]

let fuzzers = ["fuzz-csv", "fuzz-rules", "fuzz-config", "fuzz-xcri", "fuzz-profile", "fuzz-mime"]

let package = Package(
    name: "KenshuFuzz",
    platforms: [.macOS(.v14)],
    products: fuzzers.map { .executable(name: $0, targets: [$0]) },
    dependencies: [
        // Named, so that the product reference does not depend on the checkout's folder name.
        .package(name: "Kenshu", path: ".."),
    ],
    targets: [
        // Where the repository's Catalog is, a per-process scratch file, and the error text
        // the CLI would print.
        .target(
            name: "FuzzSupport", dependencies: [.product(name: "KenshuReaders", package: "Kenshu")],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        // Each executable's `main`: hands over to libFuzzer's driver (see FuzzerEntry.c).
        .target(name: "FuzzerEntry"),
    ] + fuzzers.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", "FuzzerEntry", .product(name: "KenshuReaders", package: "Kenshu")],
            swiftSettings: settings)
    }
)
