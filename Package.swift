// swift-tools-version: 6.0
// MotCua: a terminal kiosk for guided submission of administrative dossiers.
// Design card: Swift 6, no package dependencies; Foundation and the system's libncursesw only.
import PackageDescription

let package = Package(
    name: "MotCua",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "motcua", targets: ["motcua"]),
        // For the libFuzzer package in Fuzz/ (it depends on this one by path).
        .library(name: "MotCuaModules", targets: ["MotCuaText", "MotCuaForms", "MotCuaStore", "MotCuaKiosk", "MotCuaCLI"]),
    ],
    targets: [
        // Pure core: no terminal, no disk.
        .target(name: "MotCuaText"),
        .target(name: "MotCuaForms", dependencies: ["MotCuaText"]),
        .target(name: "MotCuaQR"),
        .target(name: "MotCuaInterview", dependencies: ["MotCuaForms", "MotCuaText"]),
        // Edges: disk, terminal, command line.
        .target(name: "MotCuaStore", dependencies: ["MotCuaForms", "MotCuaText"]),
        // Read aloud: espeak-ng and a player as child processes.
        .target(name: "MotCuaSpeech", dependencies: ["MotCuaText"]),
        .target(name: "MotCuaPlain", dependencies: ["MotCuaInterview", "MotCuaStore", "MotCuaQR", "MotCuaSpeech"]),
        // No pkgConfig: SwiftPM would drop its -D flags with a warning; the shim sets them.
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncurses-dev"])]),
        .target(name: "MotCuaKiosk", dependencies: ["MotCuaInterview", "MotCuaStore", "MotCuaQR", "MotCuaText", "MotCuaSpeech", "CNCursesW"]),
        .target(name: "MotCuaCLI", dependencies: ["MotCuaForms", "MotCuaStore", "MotCuaInterview", "MotCuaPlain", "MotCuaKiosk", "MotCuaQR", "MotCuaText", "MotCuaSpeech"]),
        .executableTarget(name: "motcua", dependencies: ["MotCuaCLI"]),
        .executableTarget(name: "motcua-bench", dependencies: ["MotCuaForms", "MotCuaStore", "MotCuaInterview", "MotCuaQR", "MotCuaText", "MotCuaKiosk", "MotCuaSpeech", "MotCuaTestSupport"]),

        .testTarget(name: "MotCuaTextTests", dependencies: ["MotCuaText"]),
        .testTarget(name: "MotCuaFormsTests", dependencies: ["MotCuaForms", "MotCuaText", "MotCuaTestSupport"], exclude: ["Answers"]),
        .testTarget(name: "MotCuaQRTests", dependencies: ["MotCuaQR"], exclude: ["Scripts", "Fixtures"]),
        // Test helpers shared by test targets (a real binary driven in tmux).
        .target(name: "MotCuaTestSupport", dependencies: ["MotCuaStore"], path: "Tests/MotCuaTestSupport"),
        .testTarget(name: "MotCuaKioskTests", dependencies: ["MotCuaKiosk", "MotCuaForms", "MotCuaText", "MotCuaTestSupport"], exclude: ["Resources"]),
        .testTarget(name: "MotCuaStoreTests", dependencies: ["MotCuaStore", "MotCuaForms", "MotCuaTestSupport"]),
        .testTarget(name: "MotCuaInterviewTests", dependencies: ["MotCuaInterview", "MotCuaForms"]),
        // Drives the real `motcua` binary (pipes, tmux, kills).
        .testTarget(name: "MotCuaCLITests", dependencies: ["MotCuaCLI", "MotCuaForms", "MotCuaStore", "MotCuaTestSupport"], exclude: ["Receiver"]),
    ],
    swiftLanguageModes: [.v6]
)
