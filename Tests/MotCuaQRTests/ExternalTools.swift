import Foundation
import Testing

/// Runs the reference tools (python3 with segno, zbarimg) that the
/// comparison tests lean on. A missing tool is a test failure with the
/// install line, never a silent skip: CI installs them.
enum ExternalTools {
    struct Output {
        let status: Int32
        let stdout: Data
        let stderr: String
    }

    enum Failure: Error, CustomStringConvertible {
        case missing(String)
        case failed(String)
        var description: String {
            switch self {
            case let .missing(text), let .failed(text): text
            }
        }
    }

    /// Folder holding this file, hence the helper scripts.
    static let scriptsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Scripts")

    /// A fresh private temporary folder, removed by `cleanup`.
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("motcua-qr-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        return url
    }

    /// Runs `arguments` through /usr/bin/env (so PATH decides), stdout and
    /// stderr collected through files so that large outputs cannot block.
    static func run(_ arguments: [String], in directory: URL) throws -> Output {
        let outURL = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errURL = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
              FileManager.default.createFile(atPath: errURL.path, contents: nil) else {
            throw Failure.failed("cannot create output files in \(directory.path)")
        }
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        do {
            try process.run()
        } catch {
            throw Failure.missing("cannot start \(arguments[0]): \(error)")
        }
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        let stdout = try Data(contentsOf: outURL)
        let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
        return Output(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// Fails clearly unless python3 can import segno.
    static func requireSegno(in directory: URL) throws {
        let probe = try run(["python3", "-c", "import segno"], in: directory)
        guard probe.status == 0 else {
            throw Failure.missing("""
                python3 with segno is required (CI: `apt-get install -y python3 python3-pip && \
                pip install --break-system-packages segno`): \(probe.stderr)
                """)
        }
    }

    /// Fails clearly unless python3 runs.
    static func requirePython(in directory: URL) throws {
        let probe = try run(["python3", "-c", "import zlib"], in: directory)
        guard probe.status == 0 else {
            throw Failure.missing("python3 is required (CI: `apt-get install -y python3`): \(probe.stderr)")
        }
    }

    /// Fails clearly unless zbarimg runs.
    static func requireZbar(in directory: URL) throws {
        let probe = try run(["zbarimg", "--version"], in: directory)
        guard probe.status == 0 else {
            throw Failure.missing("zbarimg is required (CI: `apt-get install -y zbar-tools`): \(probe.stderr)")
        }
    }
}

extension Data {
    var hexString: String { map { String(format: "%02x", $0) }.joined() }
}
