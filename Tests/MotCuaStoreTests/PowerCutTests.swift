import Foundation
import MotCuaForms
import MotCuaTestSupport
import Testing
@testable import MotCuaStore

/// Power cuts at every step: random sequences of submits, deliveries,
/// exports, imports and draft saves run on a `PowerCutDisk`; for a sample of
/// sequences, the power is cut before each changing call in turn, the disk
/// keeps only what was flushed (the rest dropped, kept or torn), the data
/// directories are reopened, and: every acknowledged dossier is there once,
/// every acknowledged delivery is in the core store, every acknowledged
/// bundle and draft is whole, and `verify` is clean.
@Suite struct PowerCutTests {
    enum Op: CaseIterable { case submitA, submitB, deliverA, deliverB, exportA, importB, saveDraft, correctA }

    /// What the sequence was told had succeeded (it must survive the cut).
    struct Acknowledged {
        var queuedA: [String] = []
        var queuedB: [String] = []
        var deliveredA: [String] = []
        var deliveredB: [String] = []
        var bundles: [String] = []
        var draftVersion: Int?
        /// Corrections acknowledged on a: (new id, the id it supersedes).
        var correctionsA: [(new: String, old: String, wasDelivered: Bool)] = []
    }

    static let draftID = "draft-0000-power-cut"

    /// Runs `ops` from an empty root; errors are expected once the power is off.
    /// A power cut stops the machine: the operation it lands in finishes
    /// (its later writes fail; it may still report success if it swallowed
    /// them, and is then held to that), and no further operation runs.
    static func run(_ ops: [Op], root: String, ids: [String], disk: PowerCutDisk) -> Acknowledged {
        var ack = Acknowledged()
        let form = FormFile(TestChecker.form())
        guard let a = try? DossierStore.test(root + "/a", kiosk: "PA01"),
              let b = try? DossierStore.test(root + "/b", kiosk: "PB01"),
              let drafts = try? FileDraftStore(dataDirectory: root + "/a") else { return ack }
        try? FileIO.ensureDirectory(root + "/usb")
        var lastBundle: String?
        for (i, op) in ops.enumerated() where !disk.isCut {
            let at = Timestamp(milliseconds: testMorning.milliseconds + Int64(i) * 60_000)
            // Notes of a few sectors: frames that a cut can tear in the middle.
            let note = String(repeating: "ghi chú \(i) ", count: 40 + 97 * i % 300)
            let request = SubmitRequest(form: form, answers: ["name": .string("Nguyễn Thị \(i)"), "cccd": "001190012345", "note": .string(note)],
                                        dossierID: ids[i], operatorID: "op", now: at)
            switch op {
            case .submitA, .submitB:
                let store = op == .submitA ? a : b
                if case .submitted(let r)? = try? store.submit(request) {
                    if op == .submitA { ack.queuedA.append(r.id) } else { ack.queuedB.append(r.id) }
                }
            case .deliverA:
                if let r = try? a.deliver(operatorID: "op", now: at) { ack.deliveredA += r.delivered + r.alreadyStored }
            case .deliverB:
                if let r = try? b.deliver(operatorID: "op", now: at) { ack.deliveredB += r.delivered + r.alreadyStored }
            case .exportA:
                let path = root + "/usb/bundle-\(i).mcb"
                if (try? a.exportBundle(to: path, operatorID: "op", now: at)) != nil {
                    ack.bundles.append(path)
                    lastBundle = path
                }
            case .importB:
                guard let path = lastBundle else { continue }
                if let r = try? b.importBundle(from: path, operatorID: "op", now: at) {
                    let mine = Set(r.imported + r.alreadyPresent)
                    // Receipt codes: the acknowledged ones are checked through the queue below.
                    if let summary = try? b.queueSummary() {
                        ack.queuedB += summary.items.filter { mine.contains($0.receipt) }.map(\.id).filter { !ack.queuedB.contains($0) }
                    }
                }
            case .correctA:
                // A correction of a's latest dossier: one journal record that also takes a
                // queued predecessor out of the queue.
                guard let old = ack.queuedA.last,
                      let before = try? a.details(old)?.state else { continue }
                var correction = request
                correction.correction = CorrectionRequest(of: old, reason: "sửa lần \(i)")
                if case .submitted(let r)? = try? a.submit(correction) {
                    ack.queuedA.append(r.id)
                    ack.correctionsA.append((r.id, old, before == .delivered))
                }
            case .saveDraft:
                let version = (ack.draftVersion ?? 0) + 1
                var answers = JSONObject()
                answers["n"] = .int(version)
                let draft = Draft(id: draftID, formID: "test-form", formVersion: "1", formPath: "/forms/test.json", language: "vi",
                                  answers: answers, createdAt: testMorning, updatedAt: at)
                if (try? drafts.save(draft)) != nil { ack.draftVersion = version }
            }
        }
        return ack
    }

    /// Problems found after the power came back; empty when all holds.
    static func check(_ ack: Acknowledged, root: String) -> [String] {
        var problems: [String] = []
        for (name, queued, delivered) in [("a", ack.queuedA, ack.deliveredA), ("b", ack.queuedB, ack.deliveredB)] {
            let dir = root + "/" + name
            guard FileIO.exists(dir) || (queued.isEmpty && delivered.isEmpty) else {
                problems.append("\(name): the data directory is gone")
                continue
            }
            do {
                let store = try DossierStore.test(dir, kiosk: name == "a" ? "PA01" : "PB01")
                let report = try store.verify()
                if !report.isOK { problems.append("\(name): verify: " + report.problems.joined(separator: "; ")) }
                let summary = try store.queueSummary()
                let ids = summary.items.map(\.id)
                if Set(ids).count != ids.count { problems.append("\(name): a dossier is queued twice") }
                let lost = Set(queued).subtracting(ids)
                if !lost.isEmpty { problems.append("\(name): acknowledged dossiers lost: \(lost.sorted())") }
                let stored = Set(try store.storedDossiers().map(\.id))
                // A replaced dossier is never delivered; a correction's predecessor is delivered or replaced.
                for item in summary.items where item.state == .superseded && stored.contains(item.id) {
                    problems.append("\(name): \(item.id) was superseded but is in the core store")
                }
                for (new, old, wasDelivered) in name == "a" ? ack.correctionsA : [] {
                    let state = summary.items.first(where: { $0.id == old })?.state
                    if state != (wasDelivered ? .delivered : .superseded) {
                        problems.append("a: \(old) was corrected by \(new) but is \(String(describing: state))")
                    }
                    if summary.items.first(where: { $0.id == new })?.supersedes != old { problems.append("a: \(new) lost its link to \(old)") }
                }
                for id in delivered {
                    if !stored.contains(id) { problems.append("\(name): \(id) was acknowledged delivered but is not in the core store") }
                    if summary.items.first(where: { $0.id == id })?.state != .delivered {
                        problems.append("\(name): \(id) was acknowledged delivered but the queue does not say so")
                    }
                }
            } catch {
                problems.append("\(name): cannot reopen: \(error)")
            }
        }
        for path in ack.bundles {
            guard let bytes = try? FileIO.readFile(path) else {
                problems.append("acknowledged bundle \(path) is missing")
                continue
            }
            var last = ""
            let outcome = bytes.withUnsafeBytes { buf in
                Frame.scan(buf, base: 0) { v in last = String(decoding: v.payload, as: UTF8.self) }
            }
            if !outcome.damaged.isEmpty || outcome.tornTail != nil || !last.contains("\"k\":\"end\"") {
                problems.append("acknowledged bundle \(path) is not whole")
            }
        }
        if let version = ack.draftVersion {
            do {
                let draft = try FileDraftStore(dataDirectory: root + "/a").load(draftID)
                if (draft?.answers["n"]?.intValue ?? 0) < version { problems.append("draft: saved version \(version) lost") }
            } catch {
                problems.append("draft: unreadable after the cut: \(error)")
            }
        }
        return problems
    }

    static func sequence(_ rng: inout SeededRandom, length: Int) -> (ops: [Op], ids: [String]) {
        let weighted: [Op] = [.submitA, .submitA, .submitA, .submitB, .deliverA, .deliverA, .deliverB, .exportA, .importB, .importB, .saveDraft, .correctA]
        var ops = (0..<length).map { _ in weighted.randomElement(using: &rng)! }
        // Every sequence delivers something and carries a bundle across, whatever the seed.
        ops[0] = .submitA
        ops[length / 2] = .deliverA
        ops[1] = .exportA
        ops[length / 2 + 1] = .importB
        // A correction before a delivery (its predecessor replaced) and one after (a supplement).
        ops[length / 2 - 1] = .correctA
        ops[length - 1] = .correctA
        let ids = (0..<length).map { _ in
            String(format: "%08x-%04x-4%03x-8%03x-%012llx", UInt32.random(in: 0...UInt32.max, using: &rng), UInt16.random(in: 0...UInt16.max, using: &rng),
                   UInt16.random(in: 0...0xFFF, using: &rng), UInt16.random(in: 0...0xFFF, using: &rng), UInt64.random(in: 0...0xFFFF_FFFF_FFFF, using: &rng))
        }
        return (ops, ids)
    }

    /// Runs one sequence with the power cut before changing call `cut` (nil:
    /// never), then the crash; returns the problems, and the disk for counting.
    static func trial(_ ops: [Op], ids: [String], cut: Int?, crashSeed: UInt64, base: String) throws -> (problems: [String], disk: PowerCutDisk, torn: Int, repairs: Int) {
        let root = base + "/run"
        try? FileManager.default.removeItem(atPath: root)
        let disk = try PowerCutDisk(root: root, cutAt: cut)
        let ack = FileIO.$layer.withValue(disk) { run(ops, root: root, ids: ids, disk: disk) }
        var rng = SeededRandom(seed: crashSeed)
        let torn = try disk.crash(using: &rng)
        // Back on: a fresh disk of the same kind (no cut), so no real fsync slows the test.
        let after = try PowerCutDisk(root: root)
        return FileIO.$layer.withValue(after) {
            var repairs = 0
            for name in ["a", "b"] where FileIO.exists(root + "/" + name + "/queue.log") {
                if let store = try? DossierStore.test(root + "/" + name, kiosk: name == "a" ? "PA01" : "PB01") {
                    _ = try? store.queueSummary()
                    repairs += store.repairs.filter { $0.contains("interrupted write") }.count
                }
            }
            return (check(ack, root: root), disk, torn, repairs)
        }
    }

    @Test func everyAcknowledgedDossierSurvivesAPowerCutAtEveryStep() throws {
        let seed = TestSeed.take("power-cut property test")
        var rng = SeededRandom(seed: seed)
        // In memory where there is a tmpfs: the test writes and deletes thousands of small trees.
        let base = (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : FileManager.default.temporaryDirectory.path)
            + "/motcua-power-cut-" + UUID().uuidString.prefix(8)
        defer { try? FileManager.default.removeItem(atPath: base) }
        var cuts = 0, torn = 0, repairs = 0
        var failures: [String] = []
        for s in 0..<3 {
            let (ops, ids) = PowerCutTests.sequence(&rng, length: 9)
            let whole = try PowerCutTests.trial(ops, ids: ids, cut: nil, crashSeed: rng.next(), base: base)
            #expect(whole.problems.isEmpty, "sequence \(s) \(ops) without a cut: \(whole.problems)")
            let steps = whole.disk.changes
            for k in 0...steps {
                let t = try PowerCutTests.trial(ops, ids: ids, cut: k, crashSeed: rng.next(), base: base)
                cuts += 1
                torn += t.torn
                repairs += t.repairs
                if !t.problems.isEmpty { failures.append("seed \(seed), sequence \(s) \(ops), cut before change \(k) of \(steps): \(t.problems.joined(separator: " | "))") }
                if failures.count >= 5 { break }
            }
            if failures.count >= 5 { break }
        }
        print("power-cut property test: seed \(seed), \(cuts) cuts, \(torn) files torn, \(repairs) interrupted writes repaired, \(failures.count) failures")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        // The cuts reach the recovery code: torn tails are found and zeroed.
        #expect(torn > 0)
        #expect(repairs > 0)
    }
}

/// The disk model itself: what a cut leaves of an unflushed change.
@Suite struct PowerCutDiskTests {
    @Test func anUnflushedChangeIsDroppedKeptOrTornAtASectorBoundary() {
        let old = [UInt8](repeating: 0, count: 2048)
        var new = old
        for i in 100..<1500 { new[i] = UInt8(i % 251 + 1) }
        var seen = Set<Int>()
        var rng = SeededRandom(seed: 20)
        for _ in 0..<300 {
            let (after, torn) = PowerCutDisk.afterCut(old: old, new: new, &rng)
            #expect(after.count == 2048)
            // Sectors 0..<k of the new bytes, the rest as they were: k is 0 (dropped), 3 (kept) or in between (torn).
            let k = (0...4).first { k in after == Array(new[0..<min(2048, k * 512)]) + Array(old[min(2048, k * 512)...]) }
            #expect(k != nil)
            if let k { seen.insert(k) }
            #expect(torn == (k == 1 || k == 2))
        }
        // 0 = dropped, 1 and 2 = torn after the first or second sector, 3 (or 4) = kept whole.
        #expect(seen.isSuperset(of: [0, 1, 2]) && (seen.contains(3) || seen.contains(4)))
    }

    @Test func aFileGrownPastItsFlushKeepsAPrefixOfWholeSectors() {
        let old = [UInt8](repeating: 7, count: 100)
        let new = old + [UInt8](repeating: 9, count: 1900)
        var rng = SeededRandom(seed: 5)
        for _ in 0..<200 {
            let (after, _) = PowerCutDisk.afterCut(old: old, new: new, &rng)
            #expect(after == old || after == new || (after.count % 512 == 0 && after == Array(new[0..<after.count])), "\(after.count)")
        }
    }
}
