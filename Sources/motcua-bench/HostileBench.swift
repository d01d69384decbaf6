import Foundation
import MotCuaForms
import MotCuaKiosk
import MotCuaText

/// `motcua-bench hostile`: speed under hostile input (issue 12). Targets:
/// validating a 1 MB free-text answer < 50 ms and linear in size (256 KB,
/// 512 KB, 1 MB); pasting 64 KB into a kiosk field < 100 ms; linting a form
/// with 30,000-character names < 100 ms. Peer in the same run: Foundation's
/// NFC over the same text (what validation called on all of it before the text
/// gate bounded runs of marks), and an unbounded edit distance for the lint case.
func benchHostile() throws {
    let vi = Resources.messages("vi", root: Resources.root() ?? FileManager.default.currentDirectoryPath)
    let formJSON = """
        {"format": "motcua-form/1", "id": "b", "version": "1", "title": "B",
         "pages": [{"id": "p", "title": "P", "fields": [{"id": "ghi", "type": "text", "label": "Ghi chú", "multiline": true}]}]}
        """
    guard case .success(let loaded) = FormEngine.load(data: Data(formJSON.utf8), name: "bench.json", lists: ListDirectory(path: "/nonexistent")) else {
        throw HostileBenchError("the benchmark form does not load")
    }
    // The slow path on every scalar: decomposed Vietnamese, line breaks, and the
    // longest runs of mixed marks the gate lets through.
    let line = "Nguye\u{0302}\u{0303}n Thi\u{0323} Hoa\u{0300} đi la\u{0300}m xa a" + String(repeating: "\u{0301}\u{0316}", count: 4) + "\n"
    print("validating one multi-line answer (decomposed Vietnamese and runs of 8 mixed marks; parse + validate; median of 15):")
    var perMB: [Double] = [], perMBCPU: [Double] = []
    for kb in [256, 512, 1024] {
        let repeats = kb * 1024 / line.utf8.count
        let text = String(repeating: line, count: repeats)
        let answers = Data(JSONValue.object(JSONObject([("ghi", .string(text))])).serialized().utf8)
        var valid = false
        let t = try Timing.measure(iterations: 15) {
            let report = FormEngine.validate(loaded.form, answers: try JSONParser.parse(answers), messages: vi)
            valid = report.isValid
        }
        let peer = Timing.measure(iterations: 5, warmup: 1) { _ = text.precomposedStringWithCanonicalMapping }
        perMB.append(t.median / (Double(answers.count) / 1_048_576))
        perMBCPU.append(t.cpuMedian / (Double(answers.count) / 1_048_576))
        let parse = try Timing.measure(iterations: 5, warmup: 1) { _ = try JSONParser.parse(answers) }
        let gate = Timing.measure(iterations: 5, warmup: 1) { _ = TextGate.check(text, multiline: true) }
        let nfc = Timing.measure(iterations: 5, warmup: 1) { _ = VietText.nfc(text) }
        print("    of which: JSON parse \(human(parse.median)), text gate \(human(gate.median)), NFC in pieces \(human(nfc.median))")
        print("  \(kb) KB (\(answers.count) bytes, valid: \(valid)): \(human(t.median)) (CPU \(human(t.cpuMedian))) | Foundation NFC alone \(human(peer.median))")
    }
    let worst = perMB.max() ?? 0
    print("  per MB: " + perMB.map(human).joined(separator: ", ")
        + String(format: " (1 MB / 256 KB per-MB ratio %.2f)", (perMB.last ?? 0) / (perMB.first ?? 1))
        + " [target 1 MB < 50 ms: \(worst < 0.05 ? "met" : "MISSED")]")
    print("  per MB in CPU time: " + perMBCPU.map(human).joined(separator: ", ")
        + String(format: " (ratio %.2f)", (perMBCPU.last ?? 0) / (perMBCPU.first ?? 1)))
    let f8 = "a" + String(repeating: "\u{0301}\u{0316}", count: 80_000)
    let refused = Timing.measure(iterations: 15) {
        _ = FormEngine.validate(loaded.form, answers: .object(JSONObject([("ghi", .string(f8))])), messages: vi)
    }
    print("  F8's run of 160,000 marks on one letter, refused by the gate: \(human(refused.median))")

    // Kiosk paste: 64 KB into a multi-line field, then one frame drawn.
    let note = String(repeating: "Nguyễn Thị Hoà đi làm xa, bà nội đưa đi.\n", count: 64 * 1024 / 45)
    let paste = Timing.measure(iterations: 15) {
        var editor = TextEditor(multiline: true)
        _ = editor.update(.paste(note))
        var screen = Screen(size: Size(width: 80, height: 24))
        editor.render(into: &screen, in: Rect(x: 2, y: 10, width: 76, height: 6), focused: true)
    }
    let marks = "Ba" + String(repeating: "\u{0301}\u{0316}", count: 2_000)
    let refusedPaste = Timing.measure(iterations: 15) {
        var editor = TextEditor()
        _ = editor.update(.paste(marks))
    }
    print("kiosk paste of \(note.utf8.count) bytes into a multi-line field + one frame: \(human(paste.median)) (CPU \(human(paste.cpuMedian))) [target < 100 ms: \(paste.median < 0.1 ? "met" : "MISSED")]")
    print("  F9's 8 KB of marks pasted into a name field (refused): \(human(refusedPaste.median))")

    // Linting F10's form: a 30,000-letter list and a reference to a 30,000-letter unknown one.
    let defined = String(repeating: "a", count: 30_000), missing = String(repeating: "b", count: 30_000)
    let slowForm = Data("""
        {"format": "motcua-form/1", "id": "t", "version": "1", "title": "T",
         "lists": {"\(defined)": [{"value": "x", "label": "X"}]},
         "pages": [{"id": "p", "title": "P", "fields": [{"id": "c", "type": "choice", "label": "C", "options": "\(missing)"}]}]}
        """.utf8)
    var message = ""
    let lint = Timing.measure(iterations: 15) {
        if case .failure(let e) = FormEngine.load(data: slowForm, name: "slow.json", lists: ListDirectory(path: "/nonexistent")) {
            message = e.issues.first?.message ?? ""
        }
    }
    let short = Array(repeating: Character("a"), count: 3_000), other = Array(repeating: Character("b"), count: 3_000)
    let fullPeer = Timing.measure(iterations: 1, warmup: 0) { _ = unboundedDistance(short, other) }
    print("lint of a form with 30,000-character names: \(human(lint.median)) (CPU \(human(lint.cpuMedian))), message \(message.count) characters"
        + " [target < 100 ms: \(lint.median < 0.1 ? "met" : "MISSED")]")
    print("  peer: a full edit distance of two 3,000-letter names \(human(fullPeer.median)) (x100 for 30,000 letters)")
}

/// The edit distance as it was computed before (every cell of the table).
private func unboundedDistance(_ a: [Character], _ b: [Character]) -> Int {
    var prev = Array(0...b.count)
    for (i, ca) in a.enumerated() {
        var cur = [i + 1] + Array(repeating: 0, count: b.count)
        for (j, cb) in b.enumerated() { cur[j + 1] = min(prev[j + 1] + 1, cur[j] + 1, prev[j] + (ca == cb ? 0 : 1)) }
        prev = cur
    }
    return prev[b.count]
}

private struct HostileBenchError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
