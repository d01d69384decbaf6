import Foundation
import MotCuaForms
import MotCuaKiosk
import MotCuaText

/// `motcua-bench kiosk`: the terminal layer's cost per keystroke in-process (widget update
/// plus a full view of the screen at 80×24 and 120×40), the commune picker over the 3,321
/// communes of Forms/lists, and then the real binary through a pseudo-terminal side by
/// side with Debian's `dialog --form` (10 fields): first complete screen, key echo, peak RSS
/// (Benchmarks/kiosk_pty.py). By default the command under test is the `motcua` next to
/// this binary with a fresh data directory (its home screen: catalog loaded, keys typed into
/// the procedure search); $MOTCUA_KIOSK_CMD (words split on spaces), $MOTCUA_KIOSK_READY
/// (text drawn last in the first frame) and $MOTCUA_KIOSK_SETUP (keys to reach a text field)
/// override it.
func benchKiosk() throws {
    let root = kioskBenchRoot()
    print("per keystroke, in process (update + full view; median of 50 runs of each key):")
    for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
        let t = keystrokes("Nguyeenx Thij Hoongf Nhung", size: size, widget: TextEditor(typing: VietTypingEngine(method: .telex)))
        print("  text question \(size), Telex \"Nguyeenx Thij Hoongf Nhung\": median \(human(t.median)), worst key \(human(t.max))")
    }
    let communes = try loadCommunes(root + "/Forms/lists/communes.json")
    let indexStart = DispatchTime.now().uptimeNanoseconds
    let index = OptionIndex(options: communes.map { Option(value: $0.value, label: LocalizedText($0.label)) })
    let indexTime = Double(DispatchTime.now().uptimeNanoseconds - indexStart) / 1e9
    print("  commune picker: \(communes.count) options folded in \(human(indexTime))")
    for query in ["hung duc", "phuong an", "xa"] {
        let t = keystrokes(query, size: .minimum, widget: ChoiceList(index: index))
        print("  commune picker 80×24, \"\(query)\": median \(human(t.median)), worst key \(human(t.max))")
    }
    try ptyComparison(root: root)
}

/// Median and worst over the keys of `text` of (one key into the widget + the whole screen).
private func keystrokes(_ text: String, size: Size, widget: FieldWidget) -> (median: Double, max: Double) {
    let content = QuestionContent(label: "Họ, chữ đệm và tên của trẻ", required: true,
                                  hint: "Viết đầy đủ, có dấu, như trong giấy chứng sinh.", example: "Ví dụ: Nguyễn Văn An")
    let frame = FrameContent(title: "MỘT CỬA · Đăng ký khai sinh", status: "Gõ: Telex",
                             progress: .init(step: 3, total: 17, label: "Bước 3/17"),
                             hints: [KeyHint("Enter", "Tiếp"), KeyHint("Esc", "Quay lại"), KeyHint("F1", "Trợ giúp")])
    var perKey: [Double] = []
    var state = widget
    for key in text {
        let before = state
        let timing = Timing.measure(iterations: 50) {
            var w = before
            _ = w.update(.character(key))
            var (screen, body) = KioskFrame.render(frame, size: size)
            w.layout(QuestionLayout.widgetRect(content, widget: w, in: body))
            QuestionLayout.render(content, widget: w, into: &screen, in: body)
            blackHole(screen)
        }
        perKey.append(timing.median)
        _ = state.update(.character(key))
    }
    return (perKey.sorted()[perKey.count / 2], perKey.max() ?? 0)
}

@inline(never) private func blackHole(_ screen: Screen) { if screen.size.width < 0 { print(screen.text) } }

private func loadCommunes(_ path: String) throws -> [ChoiceOption] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
          let options = object["options"] as? [[String: Any]] else { throw KioskBenchError("\(path): no options") }
    return options.compactMap { o in
        guard let value = o["value"] as? String, let label = o["label"] as? String else { return nil }
        return ChoiceOption(value: value, label: label)
    }
}

/// Runs Benchmarks/kiosk_pty.py on the kiosk command and dialog, in this same run.
private func ptyComparison(root: String) throws {
    let env = ProcessInfo.processInfo.environment
    var (command, ready, setup) = (["motcua-kiosk-demo"], "Tương phản cao", "\\r")
    var scratch: String? = nil
    defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
    if let given = env["MOTCUA_KIOSK_CMD"] {
        command = given.split(separator: " ").map(String.init)
    } else if let motcua = siblingExecutable("motcua") {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-kiosk-bench-\(getpid())").path
        command = [motcua, "--data-dir", data]
        scratch = data
        // The last key hint that fits the footer at 80 columns (F10 no longer does since
        // F2 and F9 joined it): drawn last in the first frame.
        (ready, setup) = ("F8 English", "")
    } else if let demo = siblingExecutable("motcua-kiosk-demo") {
        command = [demo]
    } else {
        print("no kiosk binary next to motcua-bench: set MOTCUA_KIOSK_CMD to benchmark one through a pty")
        return
    }
    ready = env["MOTCUA_KIOSK_READY"] ?? ready
    setup = env["MOTCUA_KIOSK_SETUP"] ?? setup
    let script = root + "/Benchmarks/kiosk_pty.py"
    var args = [script, "--runs", "20", "--keys", "400", "--ready", ready]
    if !setup.isEmpty { args += ["--setup", setup] }
    args += ["--"] + command
    print("through a pty: python3 " + args.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " "))
    fflush(nil)  // our lines first, then the script's
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + args
    try process.run()
    process.waitUntilExit()
    if process.terminationStatus != 0 { throw KioskBenchError("kiosk_pty.py failed (\(process.terminationStatus))") }
}

/// The executable called `name` next to this benchmark binary.
private func siblingExecutable(_ name: String) -> String? {
    let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    let path = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent(name).path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}

/// The repository root: the current directory when it holds Benchmarks/, else where this
/// file was compiled from.
private func kioskBenchRoot() -> String {
    let cwd = FileManager.default.currentDirectoryPath
    if FileManager.default.fileExists(atPath: cwd + "/Benchmarks/kiosk_pty.py") { return cwd }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
}

private struct KioskBenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
