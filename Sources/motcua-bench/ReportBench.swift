import Foundation
import MotCuaForms
import MotCuaStore

/// Issue 16: `motcua report` over a store of 100,000 dossiers (target
/// < 500 ms). The store: khai-sinh dossiers (whose fee is an expression over
/// the answers, the costly case), spread over 120 days and five operators,
/// half delivered. Timed as a user runs it: the release `motcua` binary
/// beside this one, a fresh process each time, its output read from a pipe.
func benchReport() throws {
    let root = benchRoot()
    let work = FileManager.default.currentDirectoryPath + "/.build/bench-report-\(getpid())"
    try? FileManager.default.removeItem(atPath: work)
    defer { try? FileManager.default.removeItem(atPath: work) }
    let dir = work + "/data"
    let b = try StoreBenchSetup(root: root)
    let n = 100_000
    var options = StoreOptions()
    options.batchSize = 2000
    let build = try time {
        let store = try DossierStore(directory: dir, kioskID: "BN01", checker: b.passThrough, options: options)
        for batch in 0..<(n / 2000) {
            let requests = (0..<2000).map { i -> SubmitRequest in
                let k = batch * 2000 + i
                // 2026-08-01 08:00 in Viet Nam, then one dossier every ~104 s: 120 days.
                let at = Timestamp(milliseconds: 1_785_546_000_000 + Int64(k) * 103_680)
                return SubmitRequest(form: b.form, answers: b.answers, operatorID: "op\(k % 5)", now: at)
            }
            _ = try store.submit(batch: requests)
        }
        _ = try store.deliver(operatorID: "night", now: Timestamp(milliseconds: 1_796_000_000_000), limit: n / 2)
    }
    let size = ((try? FileManager.default.attributesOfItem(atPath: dir + "/queue.log")[.size] as? Int) ?? 0) / 1_048_576
    print("store of \(n) khai-sinh dossiers, half delivered, built in \(human(build)); queue.log \(size) MiB")

    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("motcua").path
    guard FileManager.default.isExecutableFile(atPath: binary) else { throw BenchError("no motcua binary beside motcua-bench at \(binary)") }
    func run(_ args: [String]) throws -> (Double, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["report", "--data-dir", dir, "--today", "2026-12-01"] + args
        var env = ProcessInfo.processInfo.environment
        env["MOTCUA_HOME"] = root
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        var text = ""
        let t = try time {
            try p.run()
            text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
        }
        guard p.terminationStatus == 0 else { throw BenchError("motcua report \(args) exited \(p.terminationStatus)") }
        return (t, text)
    }
    let cases: [(String, [String])] = [
        ("whole period by day (table and charts, 122 rows)", ["--from", "2026-08-01", "--to", "2026-11-30"]),
        ("by operator, CSV to stdout", ["--from", "2026-08-01", "--to", "2026-11-30", "--by", "operator", "--csv", "-"]),
        ("one month by procedure", ["--from", "2026-09-01", "--to", "2026-09-30", "--by", "procedure"]),
    ]
    for (label, args) in cases {
        var last = ""
        let samples = try (0..<5).map { _ -> Double in
            let (t, text) = try run(args)
            last = text
            return t
        }
        print("  report \(label): median \(human(percentile(samples, 0.5))), max \(human(samples.max() ?? 0))  [target < 500 ms]")
        if args.contains("operator") { print("    " + last.split(separator: "\r\n").suffix(1).joined()) }
    }
    try? FileManager.default.removeItem(atPath: dir + "/queue.snapshot")
    try? FileManager.default.removeItem(atPath: dir + "/store.index")
    let (cold, _) = try run(cases[0].1)
    print("  report after deleting queue.snapshot and store.index: \(human(cold)) (the report never reads them)")
}
