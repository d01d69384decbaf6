import Foundation

/// The scripted provincial receiver (Receiver/receiver.py, Python standard
/// library) on 127.0.0.1 with an ephemeral port, started and stopped by a test.
final class ReceiverProcess {
    let process = Process()
    let port: Int
    let log: String

    /// `script`: dossier id → behaviour (see receiver.py); `extra`: more arguments (`--token T`, `--tls CERT KEY`).
    init(in dir: String, script: [String: String] = [:], slow: Double = 4, extra: [String] = []) throws {
        let scriptPath = dir + "/receiver-script.json"
        try JSONSerialization.data(withJSONObject: script).write(to: URL(fileURLWithPath: scriptPath))
        log = dir + "/receiver-log.jsonl"
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Motcua.repoRoot + "/Tests/MotCuaCLITests/Receiver/receiver.py",
                             "--script", scriptPath, "--log", log, "--slow", String(slow)] + extra
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(10) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        guard let p = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw POSIXError(.ECONNREFUSED)
        }
        port = p
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// The requests received so far, one JSON object each.
    func requests() -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// SIGKILL: the test runner's threads block SIGTERM, and a child inherits that mask.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
