import Foundation
import MotCuaForms
import MotCuaText

/// `motcua-bench text`: catalog and commune search as each key of a few real
/// queries is typed (target < 1 ms a keystroke, median and worst), over the
/// 2,000-procedure synthetic catalog (tools/make_catalog.py, generated on first
/// run into Benchmarks/generated/) and the 3,321 communes; and start-up, loading
/// the real Forms/ catalog with its shared lists (target < 50 ms). Peers in the
/// same run, on the same keystrokes: Foundation's
/// `range(of:options: [.caseInsensitive, .diacriticInsensitive])` over every
/// entry, and `VietText.fold` of every entry per keystroke (what pre-folding saves).
func benchText() throws {
    let root = textBenchRoot()
    let generated = root + "/Benchmarks/generated"
    try ensureGeneratedCatalog(root: root, folder: generated, count: 2000)
    let load = ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").split(separator: " ").prefix(3).joined(separator: " ")
    print("load average \(load) (shared machine: CPU time shown beside wall time)")

    // Loading the 2,000 forms (each parsed and linted), lists shared.
    let loadStart = DispatchTime.now().uptimeNanoseconds
    let (catalog, errors) = Catalog.load(formsDirectory: generated)
    let loadTime = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9
    guard errors.isEmpty else { throw TextBenchError("generated catalog has \(errors.count) bad forms, first: \(errors[0])") }
    print("synthetic catalog: \(catalog.count) procedures loaded and linted in \(human(loadTime)) (\(human(loadTime / Double(catalog.count))) a form)")

    let catalogQueries = ["cấp lại giấy phép lái xe", "tro cap that nghiep", "Đăng ký hộ kinh doanh", "1.0060", "giay chung nhan quyen su dung dat",
                          "cap lai giay phpe lai xe", "dang ki ho kinh doanh", "trocapthatnghiep"]  // a typo, i = y, no spaces
    print("catalog search per keystroke over \(catalog.count) procedures, limit 20 (median / worst keystroke; each keystroke timed as the median of 30 runs):")
    let haystacks = catalog.entries.map { $0.title("vi") + " " + ($0.summary("vi") ?? "") + " " + ($0.code ?? "") }
    var worstOurs = 0.0, worstOursCPU = 0.0
    for q in catalogQueries {
        let ours = perKeystroke(q, repeats: 30) { _ = catalog.search($0, limit: 20) }
        let foundation = perKeystroke(q, repeats: 3) { prefix in _ = foundationScan(haystacks, prefix) }
        let refold = perKeystroke(q, repeats: 3) { prefix in _ = refoldScan(haystacks, prefix) }
        worstOurs = max(worstOurs, ours.max)
        worstOursCPU = max(worstOursCPU, ours.cpuMax)
        let top = catalog.search(q, limit: 1).first.map { "\($0.code ?? "-") \($0.title("vi"))" } ?? "none"
        print("  \"\(q)\" (\(ours.keys) keys, \(catalog.matchCount(q)) hits, top: \(top))")
        print("      MotCuaForms.Catalog \(human(ours.median)) / \(human(ours.max))"
            + " (CPU \(human(ours.cpuMedian)) / \(human(ours.cpuMax)))"
            + " | Foundation range(of:) \(human(foundation.median)) / \(human(foundation.max))"
            + " | fold per keystroke \(human(refold.median)) / \(human(refold.max))"
            + String(format: "  (Foundation/ours %.0fx)", foundation.median / ours.median))
    }
    print("  worst catalog keystroke: \(human(worstOurs)) (CPU \(human(worstOursCPU))) [target < 1 ms: \(worstOurs < 1e-3 ? "met" : "MISSED")]")

    // Communes: the longest list a person narrows by typing.
    let lists = ListDirectory(path: root + "/Forms/lists")
    guard case .success(let communes) = lists.list("communes") else { throw TextBenchError("Forms/lists/communes.json does not load") }
    let buildStart = DispatchTime.now().uptimeNanoseconds
    let index = OptionIndex(options: communes)
    let buildTime = Double(DispatchTime.now().uptimeNanoseconds - buildStart) / 1e9
    print("communes: \(index.count) options, index built in \(human(buildTime))")
    let labels = communes.map { $0.label.resolve("vi") }
    let inTuyenQuang: (Option) -> Bool = { $0.attributes["province"] == "08" }
    var worstCommune = 0.0, worstCommuneCPU = 0.0
    for (q, filtered) in [("hung duc", false), ("Phường Minh Xuân", false), ("thai hoa", false), ("xa yen son", true), ("Hàm Yên", true),
                          ("xa hung dcu", false), ("nahang", false), ("phuong minh xaun", false)] {
        let ours = perKeystroke(q, repeats: 30) { _ = index.search($0, allowed: filtered ? inTuyenQuang : nil) }
        let foundation = perKeystroke(q, repeats: 3) { prefix in _ = foundationScan(labels, prefix) }
        worstCommune = max(worstCommune, ours.max)
        worstCommuneCPU = max(worstCommuneCPU, ours.cpuMax)
        let hits = index.matches(q, allowed: filtered ? inTuyenQuang : nil)
        print("  \"\(q)\"\(filtered ? " in Tuyên Quang" : "") (\(ours.keys) keys, \(hits.count) hits, top: \(hits.first?.label.resolve("vi") ?? "none")):"
            + " OptionIndex \(human(ours.median)) / \(human(ours.max)) (CPU \(human(ours.cpuMedian)) / \(human(ours.cpuMax)))"
            + " | Foundation range(of:) \(human(foundation.median)) / \(human(foundation.max))")
    }
    print("  worst commune keystroke: \(human(worstCommune)) (CPU \(human(worstCommuneCPU))) [target < 1 ms: \(worstCommune < 1e-3 ? "met" : "MISSED")]")

    // Start-up: the real catalog with its lists, read from disk each time (a fresh list cache).
    let formsDir = root + "/Forms"
    var first = 0.0
    var realCount = 0
    let startup = try Timing.measure(iterations: 20, warmup: 0) {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let (real, errs) = Catalog.load(formsDirectory: formsDir)
        if first == 0 { first = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9 }
        guard errs.isEmpty else { throw TextBenchError("Forms/ has errors: \(errs[0])") }
        realCount = real.count
    }
    // The kiosk's start: the catalog, then the commune index from the lists it already read.
    let withIndex = Timing.measure(iterations: 20, warmup: 0) {
        let (real, _) = Catalog.load(formsDirectory: formsDir)
        _ = OptionIndex(options: (try? real.lists?.list("communes").get()) ?? [])
    }
    print("start-up, Forms/ (\(realCount) forms + shared lists): first \(human(first)), median \(human(startup.median)), min \(human(startup.min));"
        + " with the communes index \(human(withIndex.median)) [target < 50 ms: \(max(first, withIndex.median) < 0.05 ? "met" : "MISSED")]")
}

private struct TextBenchError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// The repository root: the data folders' root, else the working directory.
private func textBenchRoot() -> String {
    Resources.root() ?? FileManager.default.currentDirectoryPath
}

/// Runs tools/make_catalog.py when the folder holds fewer than `count` generated forms.
func ensureGeneratedCatalog(root: String, folder: String, count: Int) throws {
    let present = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("tt-") && $0.hasSuffix(".json") }
    if present.count >= count { return }
    print("generating \(count) synthetic procedures into \(folder) ...")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", root + "/tools/make_catalog.py", folder, "--count", String(count)]
    try p.run()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw TextBenchError("tools/make_catalog.py failed (exit \(p.terminationStatus))") }
}

/// Times `body` on every prefix of `query` a person produces key by key (one
/// character more each time): each keystroke is the median of `repeats` runs;
/// returns the median and the worst keystroke.
/// returns the median and the worst keystroke, in wall time and in this thread's CPU time
/// (on a shared machine wall time counts other programs' turns too).
private func perKeystroke(_ query: String, repeats: Int, _ body: (String) -> Void)
    -> (median: Double, max: Double, keys: Int, cpuMedian: Double, cpuMax: Double) {
    var prefixes: [String] = []
    var s = ""
    for c in query { s.append(c); prefixes.append(s) }
    var perKey: [Double] = [], perKeyCPU: [Double] = []
    for p in prefixes {
        body(p)  // warm-up
        var samples: [Double] = [], cpu: [Double] = []
        for _ in 0..<repeats {
            let t0 = DispatchTime.now().uptimeNanoseconds, c0 = Timing.threadCPUTime()
            body(p)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
            cpu.append(Timing.threadCPUTime() - c0)
        }
        samples.sort()
        cpu.sort()
        perKey.append(samples[samples.count / 2])
        perKeyCPU.append(cpu[cpu.count / 2])
    }
    let sorted = perKey.sorted(), sortedCPU = perKeyCPU.sorted()
    return (sorted[sorted.count / 2], sorted.last ?? 0, prefixes.count, sortedCPU[sortedCPU.count / 2], sortedCPU.last ?? 0)
}

/// Peer: Foundation's diacritic- and case-insensitive search of every query word in every text.
private func foundationScan(_ texts: [String], _ query: String) -> Int {
    let words = query.split(separator: " ")
    var n = 0
    for t in texts where words.allSatisfy({ t.range(of: $0, options: [.caseInsensitive, .diacriticInsensitive]) != nil }) { n += 1 }
    return n
}

/// Peer: folding every text again on each keystroke, then a substring test per word.
private func refoldScan(_ texts: [String], _ query: String) -> Int {
    let words = VietText.fold(query).split(separator: " ").map(String.init)
    var n = 0
    for t in texts {
        let f = VietText.fold(t)
        if words.allSatisfy({ f.contains($0) }) { n += 1 }
    }
    return n
}
