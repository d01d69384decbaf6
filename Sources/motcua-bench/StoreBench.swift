import Foundation
import MotCuaForms
import MotCuaStore
import MotCuaText

/// Issue #3's numbers, each beside its peer in the same run on the same disk:
/// durable submit vs a bare append+fsync of the same bytes and vs Python
/// sqlite3 (WAL, synchronous=FULL); delivery of 10,000; opening and
/// rebuilding a store of 100,000; lookup by receipt and search by name
/// (peer: sqlite3 with an index and LIKE).
func benchStore() throws {
    let root = benchRoot()
    let work = FileManager.default.currentDirectoryPath + "/.build/bench-store-\(getpid())"
    try? FileManager.default.removeItem(atPath: work)
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: work) }
    print("working folder \(work) (same disk as the peers)")
    let bench = try StoreBenchSetup(root: root)
    try benchSubmit(bench, work: work, root: root)
    try benchDelivery(bench, work: work)
    try benchLargeStore(bench, work: work, root: root)
}

/// The khai-sinh form and answers, and two checkers: the real form engine,
/// and a pass-through one that isolates the store's own cost.
struct StoreBenchSetup {
    let form: FormFile
    let answers: JSONValue
    let engine: DossierChecker
    let passThrough: DossierChecker
    /// 2026-11-27 10:00 in Viet Nam: the sample answers are valid on that day.
    let day = Timestamp(milliseconds: 1_795_748_400_000)

    init(root: String) throws {
        let path = root + "/Forms/khai-sinh.json"
        guard case .success(let loaded) = FormEngine.loadForm(at: path),
              let answerData = FileManager.default.contents(atPath: root + "/Tests/MotCuaFormsTests/Answers/khai-sinh.valid.json") else {
            throw BenchError("Forms/khai-sinh.json or its sample answers are missing")
        }
        form = FormFile(loaded.data)
        answers = try JSONParser.parse(answerData)
        let vi = Resources.messages("vi", root: root)
        let f = loaded.form
        // The CLI's checker loads the stored copy (lists inlined); here the
        // form is loaded once from Forms/ and used for every dossier.
        engine = DossierChecker { _ in
            PreparedForm(formID: f.id, formVersion: f.version) { answers, _, asOf in
                let d = asOf.vietnamDate
                let r = FormEngine.validate(f, answers: answers, messages: vi, today: CalendarDate(year: d.year, month: d.month, day: d.day))
                guard r.isValid else { return .invalid(r.errors.map { CheckIssue(field: $0.field, code: $0.code.rawValue, message: $0.message) }) }
                return .valid(CheckedAnswers(answers: r.answers, personalNames: r.personalNames, personalIDs: r.personalIDs))
            }
        }
        // Takes the answers as they are; names and ID numbers from the fields that hold them.
        passThrough = DossierChecker { _ in
            PreparedForm(formID: "khai-sinh", formVersion: "bench") { answers, _, _ in
                .valid(CheckedAnswers(answers: answers,
                                      personalNames: ["nyc_ho_ten", "me_ho_ten", "ks_ho_ten", "cha_ho_ten"].compactMap { answers[$0]?.stringValue },
                                      personalIDs: ["nyc_cccd", "me_cccd"].compactMap { answers[$0]?.stringValue }))
            }
        }
    }

    func request(_ answers: JSONValue? = nil) -> SubmitRequest {
        SubmitRequest(form: form, answers: answers ?? self.answers, operatorID: "bench", now: day)
    }
}

func percentile(_ samples: [Double], _ p: Double) -> Double {
    let s = samples.sorted()
    return s[min(s.count - 1, Int(Double(s.count) * p))]
}

func time(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Submit latency against its floor and its peer, interleaved in rounds.
private func benchSubmit(_ b: StoreBenchSetup, work: String, root: String) throws {
    let store = try DossierStore(directory: work + "/submit", kioskID: "BN01", checker: b.passThrough)
    for _ in 0..<20 { _ = try store.submit(b.request()) }
    // The exact bytes one submit appends to queue.log (its last frame; the
    // file is longer, its reserve being zeros): the bare peer writes the same.
    _ = try store.submit(b.request())
    let all = [UInt8](FileManager.default.contents(atPath: work + "/submit/queue.log")!)
    var at = 0, last = 0..<0
    while at + 40 <= all.count, all[at] == 0x4D {
        let n = Int(all[at + 4]) | Int(all[at + 5]) << 8 | Int(all[at + 6]) << 16 | Int(all[at + 7]) << 24
        last = at..<(at + 40 + n)
        at += 40 + n
    }
    let record = all[last]
    // Skip the 40-byte frame header (its checksum may hold a newline byte), then the record header line.
    let dossier = try JSONParser.parse(Data(record.dropFirst(40).drop { $0 != 0x0A }.dropFirst()))
    try dossier.data().write(to: URL(fileURLWithPath: work + "/body.json"))
    print("submit: one dossier of khai-sinh, \(record.count) bytes appended per submit (\(dossier.data().count) bytes of dossier JSON)")

    let bareFD = open(work + "/bare.log", O_WRONLY | O_CREAT | O_APPEND, 0o600)
    defer { close(bareFD) }
    let bytes = [UInt8](record)
    var ours: [Double] = [], bare: [Double] = []
    var peer: [[String: Any]] = []
    for _ in 0..<4 {
        for _ in 0..<250 { ours.append(try time { _ = try store.submit(b.request()) }) }
        for _ in 0..<250 {
            bare.append(time {
                _ = bytes.withUnsafeBytes { write(bareFD, $0.baseAddress!, $0.count) }
                fsync(bareFD)
            })
        }
        if let p = runPython(root + "/Benchmarks/store_sqlite.py", ["insert", work + "/peer.sqlite", work + "/body.json", "250"]) { peer.append(p) }
    }
    let om = percentile(ours, 0.5), bm = percentile(bare, 0.5)
    print("  durable submit (pass-through check, append, fdatasync): median   \(human(om)), p99 \(human(percentile(ours, 0.99)))")
    print("  bare append + fsync of the same bytes:                  median \(human(bm)), p99 \(human(percentile(bare, 0.99)))")
    print("  (the store writes into zero-filled space it reserved and uses fdatasync; the bare peer appends, as the issue defines it)")
    print(String(format: "  ratio submit / bare = %.2f  [target ≤ 1.3]", om / bm))
    if !peer.isEmpty {
        let pm = peer.compactMap { $0["median"] as? Double }.sorted()[peer.count / 2]
        print("  Python sqlite3 \(peer[0]["sqlite"] ?? "?") WAL synchronous=FULL, one insert per transaction: median \(human(pm))")
        print(String(format: "  ratio sqlite / submit = %.2f  [target ≥ 1: submit no slower]", pm / om))
    } else {
        print("  peer: python3 with sqlite3 not available")
    }

    let engineStore = try DossierStore(directory: work + "/submit-engine", kioskID: "BN01", checker: b.engine)
    guard case .submitted = try engineStore.submit(b.request()) else { throw BenchError("khai-sinh sample answers are not valid") }
    let full = try (0..<300).map { _ in try time { _ = try engineStore.submit(b.request()) } }
    let prepared = try b.engine.prepare(b.form.data)
    let validate = Timing.measure(iterations: 2000) { _ = prepared.check(b.answers, "vi", b.day) }
    print("  with the real form engine: submit median \(human(percentile(full, 0.5))), of which validation alone \(human(validate.median))")
}

/// Delivery of 10,000 queued dossiers.
private func benchDelivery(_ b: StoreBenchSetup, work: String) throws {
    for (name, checker) in [("pass-through re-validation", b.passThrough), ("re-validated by the form engine", b.engine)] {
        let dir = work + "/deliver-\(name.prefix(4))"
        let store = try DossierStore(directory: dir, kioskID: "BN01", checker: checker)
        for _ in 0..<10 { _ = try store.submit(batch: Array(repeating: b.request(), count: 1000)) }
        var report: DeliveryReport?
        let t = try time { report = try store.deliver(operatorID: "bench", now: b.day) }
        guard let report else { continue }
        guard report.delivered.count == 10_000 else { throw BenchError("delivered \(report.delivered.count) of 10,000") }
        print(String(format: "deliver 10,000 queued (%@, batches of 256, 4 fsyncs each): %@, %.0f dossiers/s", name, human(t), 10_000 / t))
    }
}

/// Generated people: a realistic spread of Vietnamese names and ID numbers.
struct NameMaker {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    static let family = ["Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
                         "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Mai", "Tạ", "Hà"]
    static let middle = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Xuân", "Thu", "Hoài", "Bảo", "Gia", "Kim"]
    static let given = ["An", "Bình", "Cường", "Dung", "Giang", "Hải", "Hoa", "Hùng", "Khoa", "Lan", "Linh", "Long", "Mai", "Minh",
                        "Nam", "Nga", "Phong", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến", "Hòa", "Khôi", "Đạt",
                        "Hiếu", "Nhung", "Oanh", "Phúc", "Quyên", "Thắng", "Uyên", "Việt", "Xuân", "Ánh", "Hưng", "Thủy"]

    mutating func next() -> UInt64 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return state
    }
    mutating func pick(_ list: [String]) -> String { list[Int(next() % UInt64(list.count))] }
    mutating func name() -> String { "\(pick(Self.family)) \(pick(Self.middle)) \(pick(Self.given))" }
    mutating func idNumber() -> String { String(format: "%03d%09d", Int(next() % 96) + 1, Int(next() % 1_000_000_000)) }
}

/// A store of 100,000 dossiers: open, rebuild, lookup, search; sqlite3 beside it.
private func benchLargeStore(_ b: StoreBenchSetup, work: String, root: String) throws {
    let dir = work + "/large"
    let n = 100_000
    var options = StoreOptions()
    options.batchSize = 2000
    var maker = NameMaker()
    var rows = ""
    var receipts: [String] = []
    var peopleByDossier: [[String]] = []
    let build = try time {
        let store = try DossierStore(directory: dir, kioskID: "BN01", checker: b.passThrough, options: options)
        for _ in 0..<(n / 2000) {
            var batch: [SubmitRequest] = []
            for _ in 0..<2000 {
                guard case .object(var a) = b.answers else { continue }
                let people = [maker.name(), maker.name(), maker.name(), maker.name()]
                a["nyc_ho_ten"] = .string(people[0]); a["me_ho_ten"] = .string(people[1])
                a["ks_ho_ten"] = .string(people[2]); a["cha_ho_ten"] = .string(people[3])
                a["nyc_cccd"] = .string(maker.idNumber()); a["me_cccd"] = .string(maker.idNumber())
                peopleByDossier.append(people)
                batch.append(b.request(.object(a)))
            }
            for case .submitted(let r) in try store.submit(batch: batch) { receipts.append(r.receipt) }
        }
        _ = try store.deliver(operatorID: "bench", now: b.day)
    }
    print(String(format: "store of %d dossiers built in %@ (submitted in batches of 2,000, delivered in batches of 2,000)", n, human(build)))
    let sizes = ["queue.log", "store.log", "audit.log", "store.index", "queue.snapshot"].map { name -> String in
        let size = (try? FileManager.default.attributesOfItem(atPath: dir + "/" + name)[.size] as? Int) ?? 0
        return "\(name) \(size / 1_048_576) MiB"
    }
    print("  files: " + sizes.joined(separator: ", "))

    // A fresh process's view: open the directory, then the first lookup loads the index.
    func openAndLookup() throws {
        let s = try DossierStore(directory: dir, kioskID: "BN01", checker: b.passThrough)
        guard try s.storedDossier(receipts[n / 2]) != nil else { throw BenchError("lookup after open failed") }
    }
    func openAndQueue() throws {
        let s = try DossierStore(directory: dir, kioskID: "BN01", checker: b.passThrough)
        guard try s.queueSummary().items.count == n else { throw BenchError("queue after open is short") }
    }
    let open = try (0..<5).map { _ in try time(openAndLookup) }
    print("  open + first lookup (store index loaded from its snapshot): median \(human(percentile(open, 0.5)))  [target < 1 s]")
    let openQueue = try (0..<5).map { _ in try time(openAndQueue) }
    print("  open + queue status (queue and index snapshots, audit anchor): median \(human(percentile(openQueue, 0.5)))")
    let rebuild = try (0..<3).map { _ -> Double in
        try FileManager.default.removeItem(atPath: dir + "/store.index")
        return try time(openAndLookup)
    }
    print("  open + first lookup after deleting store.index (rebuilt from store.log, snapshot rewritten): median \(human(percentile(rebuild, 0.5)))")
    try FileManager.default.removeItem(atPath: dir + "/store.index")
    try FileManager.default.removeItem(atPath: dir + "/queue.snapshot")
    let cold = try time(openAndQueue)
    print("  open + queue status after deleting both snapshots (queue and index rebuilt from the logs): \(human(cold))")

    let store = try DossierStore(directory: dir, kioskID: "BN01", checker: b.passThrough)
    var sample: [String] = []
    for i in stride(from: 7, to: n, by: n / 1000) { sample.append(receipts[i]) }
    var found = 0
    let lookups = try sample.map { r in try time { if try store.storedDossier(r) != nil { found += 1 } } }
    guard found == sample.count else { throw BenchError("lookup found \(found) of \(sample.count)") }
    print("  lookup by receipt code: median \(human(percentile(lookups, 0.5))), p99 \(human(percentile(lookups, 0.99)))  [target < 1 ms]")
    let queries = [VietText.fold(peopleByDossier[4242][0]), "tran thi thuy", "nguyen van", "ngo"]
    var searchResults: [String: (Double, Int)] = [:]
    for q in queries {
        var count = 0
        let t = try (0..<20).map { _ in try time { count = try store.storedDossiers(search: q).count } }
        searchResults[q] = (percentile(t, 0.5), count)
        print("  search \"\(q)\": median \(human(percentile(t, 0.5))), \(count) found  [target < 20 ms]")
    }

    for (i, r) in receipts.enumerated() {
        let folded = peopleByDossier[i].map(VietText.fold).joined(separator: " ")
        rows += #"{"id":"d\#(i)","receipt":"\#(r)","folded":"\#(folded)","ids":""}"# + "\n"
    }
    try rows.write(toFile: work + "/rows.jsonl", atomically: false, encoding: .utf8)
    let q: JSONValue = ["receipts": .array(sample.map { .string($0) }), "searches": .array(queries.map { .string($0) })]
    try q.data().write(to: URL(fileURLWithPath: work + "/queries.json"))
    guard let peer = runPython(root + "/Benchmarks/store_sqlite.py", ["index", work + "/peer-index.sqlite", work + "/rows.jsonl", work + "/queries.json"]) else {
        print("  peer: python3 with sqlite3 not available")
        return
    }
    print("  peer Python sqlite3 \(peer["sqlite"] ?? "?") (100,000 rows, index on receipt, LIKE on folded names):")
    print("    open + first query \(human(peer["open"] as? Double ?? .nan)), lookup by receipt \(human(peer["lookup"] as? Double ?? .nan))")
    for q in queries {
        if let s = (peer["search"] as? [String: Any])?[q] as? [String: Any] {
            print("    search \"\(q)\": \(human(s["median"] as? Double ?? .nan)), \(s["count"] ?? "?") found (ours \(human(searchResults[q]?.0 ?? .nan)), \(searchResults[q]?.1 ?? 0) found)")
        }
    }
}
