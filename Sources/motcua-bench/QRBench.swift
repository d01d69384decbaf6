import Foundation
import MotCuaQR

/// `motcua-bench qr`: encoding a VietQR fee payload (target < 0.2 ms) and a
/// full version-40 byte payload (target < 5 ms), each end to end (segments,
/// Reed–Solomon, all eight masks scored), side by side with segno timed by
/// Benchmarks/qr_segno.py on the same inputs in the same run.
func benchQR() throws {
    let payee = try VietQRPayee(bankBIN: "970415", accountNumber: "113366668888")
    guard let vietQR = try VietQR.feePayload(payee: payee, amountVND: 200_000, receiptCode: "HS-2025-000123",
                                             purpose: "Lệ phí đăng ký khai sinh") else {
        throw BenchQRError.noPayload
    }
    // 2331 bytes is version 40-M's byte capacity; lower-case text keeps it in byte mode.
    var generator = BenchQRGenerator(seed: 40)
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    let v40 = String((0..<2331).map { _ in letters[Int(generator.next() % 26)] })

    let cases: [(name: String, text: String, iterations: Int, target: Double)] = [
        ("vietqr", vietQR, 2000, 0.2e-3),
        ("v40-byte", v40, 100, 5e-3),
    ]
    var ours: [String: (timing: Timing, code: QRCode)] = [:]
    for c in cases {
        var code = try QRCode.encode(c.text, ecc: .medium)
        let timing = try Timing.measure(iterations: c.iterations) { code = try QRCode.encode(c.text, ecc: .medium) }
        ours[c.name] = (timing, code)
    }

    let peer = try runSegnoPeer(cases.map { ["name": $0.name, "text": $0.text, "ecc": "M", "iterations": $0.iterations / 10] })
    print("QR encode, level M, median of runs (min in brackets); peer: segno \(peer.version) (Python)")
    for c in cases {
        guard let mine = ours[c.name] else { continue }
        let verdict = mine.timing.median < c.target ? "under" : "OVER"
        var line = "  \(c.name): \(c.text.utf8.count) bytes -> v\(mine.code.version) mask \(mine.code.mask): "
            + "MotCuaQR \(human(mine.timing.median)) [\(human(mine.timing.min))] (\(verdict) target \(human(c.target)))"
        if let theirs = peer.results[c.name] {
            line += ", segno \(human(theirs.median)) [\(human(theirs.min))] v\(theirs.version) mask \(theirs.mask)"
                + String(format: ", segno/MotCuaQR = %.1fx", theirs.median / mine.timing.median)
        } else {
            line += ", segno: no result (\(peer.problem ?? "?"))"
        }
        print(line)
    }
}

private enum BenchQRError: Error { case noPayload }

private struct SegnoResult: Decodable {
    let median: Double
    let min: Double
    let version: Int
    let mask: Int
}

/// Runs Benchmarks/qr_segno.py (python3 with segno) on the same inputs.
private func runSegnoPeer(_ cases: [[String: Any]]) throws -> (results: [String: SegnoResult], version: String, problem: String?) {
    let here = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    let candidates = [
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Benchmarks/qr_segno.py"),
        here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Benchmarks/qr_segno.py"),
    ]
    guard let script = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
        return ([:], "?", "Benchmarks/qr_segno.py not found")
    }
    let input = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-qr-bench-\(UUID().uuidString).json")
    try JSONSerialization.data(withJSONObject: cases).write(to: input)
    defer { try? FileManager.default.removeItem(at: input) }

    func python(_ arguments: [String]) throws -> (status: Int32, out: Data, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Small outputs: reading to the end before waiting cannot block.
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, data, errors)
    }
    let version = try python(["-c", "import segno; print(segno.__version__)"])
    let run = try python([script.path, input.path])
    guard run.status == 0 else { return ([:], "?", "segno run failed: \(run.err)") }
    let results = try JSONDecoder().decode([String: SegnoResult].self, from: run.out)
    return (results, String(decoding: version.out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines), nil)
}

/// SplitMix64, so the benchmark input is the same on every run.
private struct BenchQRGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
