import Foundation
import MotCuaStore

/// Sign-in: one PBKDF2-HMAC-SHA-256 at the operators' iteration count (the target is
/// under 300 ms), then a whole `OperatorStore.signIn` (read operators.json, derive,
/// compare, write the cleared counter). The peer is OpenSSL's PBKDF2 through Python's
/// hashlib, run in the same benchmark when python3 is installed.
func benchSignIn() throws {
    let n = OperatorStore.iterations
    let salt = Array("0123456789abcdef".utf8), pin = Array("246810".utf8)
    let derive = Timing.measure(iterations: 9, warmup: 1) {
        _ = PBKDF2.sha256(password: pin, salt: salt, iterations: n, length: 32)
    }
    print("PBKDF2-HMAC-SHA-256, \(n) iterations: median \(human(derive.median)), min \(human(derive.min))")
    // CPU time as well: on a machine shared by many processes the wall clock mostly measures the wait for a core.
    var cpu: [Double] = []
    for _ in 0..<9 {
        let start = threadCPUSeconds()
        _ = PBKDF2.sha256(password: pin, salt: salt, iterations: n, length: 32)
        cpu.append(threadCPUSeconds() - start)
    }
    cpu.sort()
    print("  CPU time: median \(human(cpu[4])), min \(human(cpu[0]))")

    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-bench-signin-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let store = try OperatorStore(dataDirectory: dir)
    try store.add(id: "lan", displayName: "Nguyễn Thị Lan", admin: true, pin: "246810")
    var ok = true
    let signIn = try Timing.measure(iterations: 9, warmup: 1) {
        if case .signedIn = try store.signIn("lan", pin: "246810") {} else { ok = false }
    }
    print("sign-in (operators.json read, PBKDF2, compare): median \(human(signIn.median)), min \(human(signIn.min))\(ok ? "" : " (FAILED)")")

    // The peer: OpenSSL's PBKDF2 (C, assembly SHA-256) through Python.
    let script = "import hashlib,time\nb=[];c=[]\nfor _ in range(9):\n t=time.perf_counter();u=time.thread_time();hashlib.pbkdf2_hmac('sha256',b'246810',b'0123456789abcdef',\(n),32);b.append(time.perf_counter()-t);c.append(time.thread_time()-u)\nb.sort();c.sort();print('%.3f ms (CPU time median %.3f ms)' % (b[4]*1e3,c[4]*1e3))"
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    if (try? p.run()) != nil {
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if p.terminationStatus == 0 { print("peer: python3 hashlib (OpenSSL) PBKDF2, \(n) iterations: median \(text.trimmingCharacters(in: .whitespacesAndNewlines))") }
    }
}

/// This thread's CPU time in seconds.
private func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
