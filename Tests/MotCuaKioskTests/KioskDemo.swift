// How the kiosk's tests find the demo program they drive in tmux (TmuxSession lives in
// MotCuaTestSupport).
import Foundation

/// How to start the demo: $MOTCUA_KIOSK_DEMO, else next to the test bundle either
/// `motcua-kiosk-demo`, or `motcua kiosk-demo` once the CLI answers `--probe`.
let kioskDemoCommand: [String]? = {
    let fm = FileManager.default
    if let path = ProcessInfo.processInfo.environment["MOTCUA_KIOSK_DEMO"], fm.isExecutableFile(atPath: path) {
        return [path]
    }
    let me = URL(fileURLWithPath: (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
    var dir = me.deletingLastPathComponent()
    for _ in 0..<3 {  // the test executable may sit inside a bundle folder
        let demo = dir.appendingPathComponent("motcua-kiosk-demo").path
        if fm.isExecutableFile(atPath: demo) { return [demo] }
        let motcua = dir.appendingPathComponent("motcua").path
        if fm.isExecutableFile(atPath: motcua), answersProbe([motcua, "kiosk-demo"]) { return [motcua, "kiosk-demo"] }
        dir = dir.deletingLastPathComponent()
    }
    return nil
}()

/// Whether `command --probe` prints "kiosk-demo" and succeeds.
private func answersProbe(_ command: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst()) + ["--probe"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 && String(decoding: output, as: UTF8.self).contains("kiosk-demo")
}

