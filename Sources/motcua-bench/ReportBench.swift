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
    // MOTCUA_BENCH_REPORT_N (a multiple of 2000) makes a smaller store to iterate on; the target is for 100,000.
    let n = max(2000, (Int(ProcessInfo.processInfo.environment["MOTCUA_BENCH_REPORT_N"] ?? "") ?? 100_000) / 2000 * 2000)
    var options = StoreOptions()
    options.batchSize = 2000
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("motcua").path
    guard FileManager.default.isExecutableFile(atPath: binary) else { throw BenchError("no motcua binary beside motcua-bench at \(binary)") }
    // The first dossier (on 27 November: its answers are valid then) through the real binary, so the form copy is the one
    // the program stores (its lists inlined); the rest in-process with those bytes.
    let first = Process()
    first.executableURL = URL(fileURLWithPath: binary)
    first.arguments = ["submit", root + "/Forms/khai-sinh.json", root + "/Tests/MotCuaFormsTests/Answers/khai-sinh.valid.json",
                       "--data-dir", dir, "--kiosk", "BN01", "--operator", "op0"]
    first.environment = ProcessInfo.processInfo.environment.merging(["MOTCUA_HOME": root, "MOTCUA_TEST_NOW": "1795748400000"]) { $1 }
    first.standardOutput = FileHandle.nullDevice
    try first.run()
    first.waitUntilExit()
    let copies = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/forms")) ?? []
    guard first.terminationStatus == 0, copies.count == 1,
          let copy = FileManager.default.contents(atPath: dir + "/forms/" + copies[0]) else { throw BenchError("the first submit through motcua failed") }
    let form = FormFile(copy)
    let build = try time {
        let store = try DossierStore(directory: dir, kioskID: "BN01", checker: b.passThrough, options: options)
        for batch in 0..<(n / 2000) {
            let requests = ((batch == 0 ? 1 : 0)..<2000).map { i -> SubmitRequest in
                let k = batch * 2000 + i
                // 2026-08-01 08:00 in Viet Nam, then one dossier every ~104 s: 120 days.
                let at = Timestamp(milliseconds: 1_785_546_000_000 + Int64(k) * 103_680)
                return SubmitRequest(form: form, answers: b.answers, operatorID: "op\(k % 5)", now: at)
            }
            _ = try store.submit(batch: requests)
        }
        _ = try store.deliver(operatorID: "night", now: Timestamp(milliseconds: 1_796_000_000_000), limit: n / 2)
    }
    let size = ((try? FileManager.default.attributesOfItem(atPath: dir + "/queue.log")[.size] as? Int) ?? 0) / 1_048_576
    print("store of \(n) khai-sinh dossiers, half delivered, built in \(human(build)); queue.log \(size) MiB")

    func childCPU() -> Double {
        var u = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &u)
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }
    var lastCPU = 0.0  // CPU seconds (user + system) of the last run
    func run(_ args: [String], command: [String] = ["report", "--today", "2026-12-01"]) throws -> (Double, String) {
        let cpuBefore = childCPU()
        defer { lastCPU = childCPU() - cpuBefore }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = command + ["--data-dir", dir] + args
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
    func load() -> String { (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?" }
    // The first report has no report-summary: it reads the whole journal and writes one.
    let (rebuild, _) = try run(cases[0].1)
    print("  first report (no report-summary: whole journal read, summary written): \(human(rebuild)) wall, \(human(lastCPU)) CPU; load \(load())")
    for (label, args) in cases {
        var last = ""
        var cpu: [Double] = []
        let samples = try (0..<5).map { _ -> Double in
            let (t, text) = try run(args)
            last = text
            cpu.append(lastCPU)
            return t
        }
        print("  report \(label): median \(human(percentile(samples, 0.5))) wall (\(human(percentile(cpu, 0.5))) CPU), max \(human(samples.max() ?? 0)); load \(load())  [target < 500 ms]")
        if args.contains("operator") { print("    " + last.split(separator: "\r\n").suffix(1).joined()) }
    }
    for derived in ["queue.snapshot", "store.index", "report-summary"] { try? FileManager.default.removeItem(atPath: dir + "/" + derived) }
    let (cold, coldText) = try run(cases[0].1)
    let coldCPU = lastCPU
    let (warm, warmText) = try run(cases[0].1)
    guard coldText == warmText else { throw BenchError("the report differs once report-summary is deleted") }
    print("  report after deleting queue.snapshot, store.index and report-summary: \(human(cold)) wall, \(human(coldCPU)) CPU (same output as with them: checked); again with the rebuilt summary: \(human(warm)) wall, \(human(lastCPU)) CPU")
    // The peer: replaying the same journal for `queue status` (snapshot deleted), i.e. reading
    // every frame and its header, which the report also does, without fees or appointments.
    try? FileManager.default.removeItem(atPath: dir + "/queue.snapshot")
    let (replay, _) = try run([], command: ["queue", "status"])
    print("  peer: motcua queue status after deleting queue.snapshot (the journal replayed): \(human(replay)) wall, \(human(lastCPU)) CPU; load \(load())")
    let (status, _) = try run([], command: ["queue", "status"])
    print("  peer: motcua queue status with its snapshot: \(human(status)) wall, \(human(lastCPU)) CPU")
}
