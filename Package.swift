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
        .library(name: "MotCuaModules", targets: ["MotCuaText", "MotCuaForms", "MotCuaStore", "MotCuaDesk", "MotCuaKiosk", "MotCuaCLI"]),
    ],
    targets: [
        // Pure core: no terminal, nothing written to disk. MotCuaForms reads form, list and
        // locale files in IO/ and Catalog/CatalogLoading.swift only (MotCuaDesk's Installation calls them).
        .target(name: "MotCuaText"),
        .target(name: "MotCuaForms", dependencies: ["MotCuaText"], exclude: ["Validation/FastPath/README.md", "Search/FastPath/README.md"]),
        .target(name: "MotCuaQR"),
        .target(name: "MotCuaInterview", dependencies: ["MotCuaForms", "MotCuaText"]),
        // Edges: disk (the store), terminal (kiosk), command line.
        .target(name: "MotCuaStore", dependencies: ["MotCuaForms", "MotCuaText"]),
        // The receipt as a PDF page: a TrueType reader and a PDF writer, bytes in and out.
        .target(name: "MotCuaPrint", dependencies: ["MotCuaInterview", "MotCuaForms", "MotCuaQR"]),
        // Read aloud: espeak-ng and a player as child processes.
        .target(name: "MotCuaSpeech", dependencies: ["MotCuaText"]),
        // The desk's application: installation, store and drafts opened once, one session per interview.
        .target(name: "MotCuaDesk", dependencies: ["MotCuaForms", "MotCuaInterview", "MotCuaStore", "MotCuaQR", "MotCuaText", "MotCuaPrint"]),
        .target(name: "MotCuaPlain", dependencies: ["MotCuaInterview", "MotCuaQR", "MotCuaSpeech"]),
        // No pkgConfig: SwiftPM would drop its -D flags with a warning; the shim sets them.
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncurses-dev"])]),
        .target(name: "MotCuaKiosk", dependencies: ["MotCuaInterview", "MotCuaDesk", "MotCuaQR", "MotCuaText", "MotCuaSpeech", "CNCursesW"]),
        .target(name: "MotCuaCLI", dependencies: ["MotCuaDesk", "MotCuaForms", "MotCuaStore", "MotCuaInterview", "MotCuaPlain", "MotCuaKiosk", "MotCuaQR", "MotCuaText", "MotCuaSpeech", "MotCuaPrint"]),
        .executableTarget(name: "motcua", dependencies: ["MotCuaCLI"]),
        .executableTarget(name: "motcua-bench", dependencies: ["MotCuaForms", "MotCuaStore", "MotCuaInterview", "MotCuaQR", "MotCuaText", "MotCuaDesk", "MotCuaKiosk", "MotCuaSpeech", "MotCuaTestSupport"]),

        .testTarget(name: "MotCuaTextTests", dependencies: ["MotCuaText"]),
        .testTarget(name: "MotCuaFormsTests", dependencies: ["MotCuaForms", "MotCuaText", "MotCuaTestSupport"], exclude: ["Answers"]),
        .testTarget(name: "MotCuaQRTests", dependencies: ["MotCuaQR", "MotCuaTestSupport"], exclude: ["Scripts", "Fixtures"]),
        // Test helpers shared by test targets (a real binary driven in tmux).
        .target(name: "MotCuaTestSupport", dependencies: ["MotCuaStore"], path: "Tests/MotCuaTestSupport"),
        .testTarget(name: "MotCuaKioskTests", dependencies: ["MotCuaKiosk", "MotCuaForms", "MotCuaText", "MotCuaTestSupport"], exclude: ["Resources"]),
        .testTarget(name: "MotCuaStoreTests", dependencies: ["MotCuaStore", "MotCuaForms", "MotCuaTestSupport"]),
        .testTarget(name: "MotCuaInterviewTests", dependencies: ["MotCuaInterview", "MotCuaForms"]),
        .testTarget(name: "MotCuaDeskTests", dependencies: ["MotCuaDesk", "MotCuaForms", "MotCuaInterview", "MotCuaStore"]),
        .testTarget(name: "MotCuaPrintTests", dependencies: ["MotCuaPrint", "MotCuaInterview", "MotCuaForms", "MotCuaText", "MotCuaQR", "MotCuaTestSupport"]),
        // Drives the real `motcua` binary (pipes, tmux, kills).
        .testTarget(name: "MotCuaCLITests", dependencies: ["MotCuaCLI", "MotCuaForms", "MotCuaStore", "MotCuaTestSupport"], exclude: ["Receiver"]),
    ],
    swiftLanguageModes: [.v6]
)
