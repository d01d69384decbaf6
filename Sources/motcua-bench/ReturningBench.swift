import Foundation
import MotCuaDesk
import MotCuaForms
import MotCuaStore
import MotCuaText

/// Issue 16: a returning citizen searched keystroke by keystroke over a desk of 100,000
/// dossiers (target < 20 ms a keystroke): `DossierFinder.find` as the kiosk's F2 screen
/// calls it (the store's word indexes give the best few hundred candidates, the one
/// SearchIndex ranks them, then the shown rows' titles and appointments), for a name typed without diacritics letter by letter, an ID number, a
/// phone and a receipt code. The peer in the same run: the store's own unranked search
/// (`listedDossiers(search:)`, what `dossiers list --search` does) on the same queries.
func benchReturning() throws {
    let root = benchRoot()
    let work = FileManager.default.currentDirectoryPath + "/.build/bench-returning-\(getpid())"
    try? FileManager.default.removeItem(atPath: work)
    defer { try? FileManager.default.removeItem(atPath: work) }
    let dir = work + "/data"
    let b = try StoreBenchSetup(root: root)
    let n = max(2000, (Int(ProcessInfo.processInfo.environment["MOTCUA_BENCH_RETURNING_N"] ?? "") ?? 100_000) / 2000 * 2000)
    // Names, ID numbers and phones from the fields that hold them, as the form engine reports them.
    let checker = DossierChecker { _ in
        PreparedForm(formID: "khai-sinh", formVersion: "bench") { answers, _, _ in
            .valid(CheckedAnswers(answers: answers,
                                  personalNames: ["nyc_ho_ten", "me_ho_ten", "ks_ho_ten", "cha_ho_ten"].compactMap { answers[$0]?.stringValue },
                                  personalIDs: ["nyc_cccd", "me_cccd"].compactMap { answers[$0]?.stringValue },
                                  phones: ["nyc_dien_thoai"].compactMap { answers[$0]?.stringValue }))
        }
    }
    var options = StoreOptions()
    options.batchSize = 2000
    var maker = NameMaker()
    var receipts: [String] = [], first: (name: String, id: String, phone: String)?
    let build = try time {
        let store = try DossierStore(directory: dir, kioskID: "BN01", checker: checker, options: options)
        for _ in 0..<(n / 2000) {
            var batch: [SubmitRequest] = []
            for _ in 0..<2000 {
                guard case .object(var a) = b.answers else { continue }
                let applicant = maker.name(), id = maker.idNumber(), phone = String(format: "09%08d", Int(maker.next() % 100_000_000))
                a["nyc_ho_ten"] = .string(applicant); a["me_ho_ten"] = .string(maker.name())
                a["ks_ho_ten"] = .string(maker.name()); a["cha_ho_ten"] = .string(maker.name())
                a["nyc_cccd"] = .string(id); a["me_cccd"] = .string(maker.idNumber()); a["nyc_dien_thoai"] = .string(phone)
                if first == nil { first = (applicant, id, phone) }
                batch.append(b.request(.object(a)))
            }
            for case .submitted(let r) in try store.submit(batch: batch) { receipts.append(r.receipt) }
        }
        _ = try store.deliver(operatorID: "bench", now: b.day)
    }
    guard let person = first else { throw BenchError("no dossier made") }
    print("store of \(n) delivered dossiers (4 names, 2 ID numbers, a phone each) built in \(human(build))")

    let env = ["MOTCUA_HOME": root]
    let desk = try Desk(installation: try Installation(environment: env), dataDirFlag: dir, kiosk: "BN01", operatorID: "bench",
                        today: CalendarDate.parseISO("2026-11-27", precision: .day), environment: env)
    var finder = DossierFinder(desk: desk)
    // F2 opens: the screen asks for the empty query, which reads nothing.
    let open = try time { finder = DossierFinder(desk: desk); _ = try finder.find("", language: "vi") }
    // The first search of a process builds the store's word indexes (names, codes) once.
    let cold = try time { _ = try finder.find("a", language: "vi") }
    print("  F2 opens (no index built): \(human(open)); the process's first keystroke (the store's word indexes built once): \(human(cold))")

    // Each query typed one character at a time, as the screen searches after every keystroke.
    func keystrokes(_ text: String) -> [String] { (1...text.count).map { String(text.prefix($0)) } }
    let name = VietText.fold(person.name)
    let cases: [(String, String)] = [
        ("name without diacritics, letter by letter (\"\(name)\")", name),
        ("ID number, digit by digit", person.id),
        ("phone, digit by digit", person.phone),
        ("receipt code, character by character", receipts[n / 2].lowercased()),
    ]
    var all: [Double] = []
    for (label, text) in cases {
        var samples: [Double] = [], found: [Int] = [], peer: [Double] = [], typed: [String] = []
        for _ in 0..<5 {
            for q in keystrokes(text) {
                var count = 0
                samples.append(try time { count = try finder.find(q, language: "vi").count })
                found.append(count); typed.append(q)
                peer.append(try time { _ = try desk.store.listedDossiers(search: q).count })
            }
        }
        all += samples
        print("  \(label): \(text.count) keystrokes × 5, median \(human(percentile(samples, 0.5))), p99 \(human(percentile(samples, 0.99))), worst \(human(samples.max() ?? 0)); rows after the first keystroke \(found[0]), after the last \(found[text.count - 1])  [target < 20 ms]")
        if let slowest = samples.indices.max(by: { samples[$0] < samples[$1] }) {
            print("    slowest keystroke: \"\(typed[slowest])\" (\(human(samples[slowest])), \(found[slowest]) rows)")
        }
        print("    peer, the store's unranked search on the same keystrokes: median \(human(percentile(peer, 0.5))), p99 \(human(percentile(peer, 0.99)))")
    }
    print("  every keystroke: median \(human(percentile(all, 0.5))), p99 \(human(percentile(all, 0.99))), worst \(human(all.max() ?? 0))  [target < 20 ms]")
}
