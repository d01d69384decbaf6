// swift-tools-version: 6.0
// libFuzzer targets for MotCua, kept apart from the main package so that its
// `swift build` / `swift test` never see `-sanitize=fuzzer` or a second `main`.
// Build and run one with `tools/fuzz.sh TARGET [SECONDS]` (see README.md,
// "Fuzzing"); the script passes the sanitizer flags, `-parse-as-library`
// (libFuzzer brings `main`) and `-enable-testing` (targets reach internal
// entry points with `@testable import`).
import PackageDescription

let motcua: Target.Dependency = .product(name: "MotCuaModules", package: "MotCua")

let package = Package(
    name: "MotCuaFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "MotCua", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [motcua]),
        .executableTarget(name: "fuzz-json", dependencies: [motcua, "FuzzSupport"]),
        .executableTarget(name: "fuzz-form", dependencies: [motcua, "FuzzSupport"]),
        .executableTarget(name: "fuzz-expression", dependencies: [motcua, "FuzzSupport"]),
        .executableTarget(name: "fuzz-validate", dependencies: [motcua, "FuzzSupport"]),
        .executableTarget(name: "fuzz-bundle", dependencies: [motcua, "FuzzSupport"]),
        .executableTarget(name: "fuzz-keys", dependencies: [motcua, "FuzzSupport"]),
        .executableTarget(name: "fuzz-typing", dependencies: [motcua, "FuzzSupport"]),
        .executableTarget(name: "fuzz-text", dependencies: [motcua, "FuzzSupport"]),
        .executableTarget(name: "fuzz-operators", dependencies: [motcua, "FuzzSupport"]),
        .executableTarget(name: "fuzz-catalogcache", dependencies: [motcua, "FuzzSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
