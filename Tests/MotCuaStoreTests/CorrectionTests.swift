import Foundation
import MotCuaForms
import Testing
@testable import MotCuaStore

/// Corrections and supplements (issue 16): a new dossier that supersedes its
/// predecessor, both kept, the chain holding one receipt code.
@Suite struct CorrectionTests {
    func correct(_ store: DossierStore, _ of: String, reason: String = "sai năm sinh", answers: JSONValue = ["name": "Nguyễn Văn Ân"],
                 form: Data = TestChecker.form(), at: Timestamp = testMorning.adding(seconds: 600)) throws -> SubmitOutcome {
        try store.submit(SubmitRequest(form: FormFile(form), answers: answers, operatorID: "op2", now: at,
                                       correction: CorrectionRequest(of: of, reason: reason)))
    }

    func submitted(_ outcome: SubmitOutcome) throws -> Submission {
        guard case .submitted(let s) = outcome else { throw StoreError.invalidArgument("expected a submit, got \(outcome)") }
        return s
    }

    @Test func aQueuedPredecessorIsSupersededAndNeverDelivered() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        let v1 = try store.submitOK(["name": "Nguyễn Văn An"])
        let v2 = try submitted(try correct(store, v1.receipt))
        #expect(v2.id != v1.id)
        #expect(v2.receipt == v1.receipt, "the citizen keeps the same paper")
        #expect(v2.link == DossierLink(supersedes: v1.id, first: v1.id, version: 2, reason: "sai năm sinh"))

        let report = try store.deliver(operatorID: "op1", now: testMorning.adding(seconds: 900))
        #expect(report.delivered == [v2.id], "only the new version is delivered")
        #expect(report.setAside.isEmpty)
        // Another process, from the journal alone (no snapshot): the same.
        let other = try DossierStore.test(dir.path)
        let summary = try other.queueSummary()
        #expect(summary.items.map(\.state) == [.superseded, .delivered])
        #expect(try other.deliver(operatorID: "op1").delivered.isEmpty)
        #expect(try other.storedDossier(v1.id) == nil)

        let old = try #require(try other.details(v1.id))
        #expect(old.state == .superseded)
        #expect(old.successor?.id == v2.id)
        #expect(old.history.map(\.event) == ["submit", "superseded"])
        let new = try #require(try other.details(v1.receipt))
        #expect(new.dossier.id == v2.id, "the receipt code finds the latest version")
        #expect(new.predecessor?.id == v1.id)
        #expect(new.dossier.link?.reason == "sai năm sinh")
        #expect(new.dossier.operatorID == "op2")
        let verify = try other.verify()
        #expect(verify.problems.isEmpty, "\(verify.problems)")
        // The audit entry of the correction names the officer and the replaced version, not the reason.
        let audit = String(decoding: try FileIO.readFile(dir.sub("audit.log")) ?? [], as: UTF8.self)
        #expect(audit.contains("\"supersedes\":\"\(v1.id)\""), "\(audit.suffix(600))")
        #expect(audit.contains("\"operator\":\"op2\""))
        #expect(!audit.contains("sai năm sinh"))
    }

    @Test func aDeliveredPredecessorIsKeptAndTheSupplementIsDeliveredBeside() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        let v1 = try store.submitOK(["name": "Trần Thị Bình"])
        #expect(try store.deliver(operatorID: "op1").delivered == [v1.id])
        let v2 = try submitted(try correct(store, v1.id, reason: "bổ sung giấy tờ", answers: ["name": "Trần Thị Bình", "note": "có sổ hộ khẩu"]))
        #expect(try store.deliver(operatorID: "op1").delivered == [v2.id])
        let v3 = try submitted(try correct(store, v1.receipt, reason: "bổ sung lần hai"))
        #expect(v3.link == DossierLink(supersedes: v2.id, first: v1.id, version: 3, reason: "bổ sung lần hai"))
        let report = try store.deliver(operatorID: "op1")
        #expect(report.delivered == [v3.id])
        #expect(report.setAside.isEmpty, "same receipt, one chain: no conflict")

        // Rebuilt from the logs, both stored, chained both ways, the code naming the latest.
        try? FileManager.default.removeItem(atPath: dir.sub("store.index"))
        try? FileManager.default.removeItem(atPath: dir.sub("queue.snapshot"))
        let other = try DossierStore.test(dir.path)
        #expect(try other.storedDossiers().map(\.id) == [v1.id, v2.id, v3.id])
        #expect(try other.storedDossier(v1.receipt)?.id == v3.id)
        #expect(try other.queueSummary().items.map(\.state) == [.delivered, .delivered, .delivered])
        let first = try #require(try other.details(v1.id))
        #expect(first.successor?.id == v2.id)
        #expect(first.successor?.link?.reason == "bổ sung giấy tờ")
        let middle = try #require(try other.details(v2.id))
        #expect(middle.predecessor?.id == v1.id)
        #expect(middle.successor?.id == v3.id)
        #expect(try other.verify().problems.isEmpty)
    }

    @Test func refusals() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        let v1 = try store.submitOK(["name": "Lê Văn Cường"])
        #expect(throws: StoreError.self) { try correct(store, v1.id, reason: "  ") }
        #expect(throws: StoreError.self) { try correct(store, v1.id, reason: "lý do\u{1B}[2J") }
        #expect(throws: StoreError.self) { try correct(store, "no-such-dossier") }
        #expect(throws: StoreError.self) { try correct(store, v1.id, form: TestChecker.form(id: "other-form")) }
        let v2 = try submitted(try correct(store, v1.id))
        // The older version was replaced: correcting it again would fork the chain.
        #expect(throws: StoreError.self) { try correct(store, v1.id) }
        #expect(try store.queueSummary().items.count == 2)
        _ = v2
    }

    @Test func aDossierBeingDeliveredCannotBeCorrected() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        let v1 = try store.submitOK(["name": "Phạm Thị Dung"])
        try store.lock.withLock {
            try store.refresh(.queue)
            try store.appendJournal([(store.journalHeader(.delivering, seq: store.queue.lastSeq + 1, at: testMorning, operatorID: "op1",
                                                          [("id", .string(v1.id)), ("attempt", .int(1))]), nil)])
        }
        #expect(throws: StoreError.self) { try correct(store, v1.id) }
    }

    @Test func receiptHoldersConflictOnlyAcrossChains() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        let v1 = try store.submitOK(["name": "Hoàng Văn Em"])
        _ = try store.deliver(operatorID: "op1")
        let core = try store.loadedCore()
        func outgoing(_ id: String, link: DossierLink?) -> OutgoingDossier {
            OutgoingDossier(id: id, receipt: v1.receipt, formID: "test-form", formVersion: "1", formHash: SHA256.hash([1]),
                            contentHash: SHA256.hash(Array(id.utf8)), body: Array(id.utf8), names: [], personalIDs: [], link: link)
        }
        let same = DossierLink(supersedes: v1.id, first: v1.id, version: 2, reason: "x")
        let other = DossierLink(supersedes: "aaaaaaaa-other", first: "aaaaaaaa-other", version: 2, reason: "x")
        let outcomes = try store.lock.withLock {
            try core.accept([outgoing("bbbbbbbb-stranger", link: nil), outgoing("cccccccc-other", link: other),
                             outgoing("dddddddd-chain", link: same)], at: testMorning)
        }
        #expect(outcomes == [.receiptTaken(by: v1.id), .receiptTaken(by: v1.id), .stored])
        #expect(try store.storedDossier(v1.receipt)?.id == "dddddddd-chain")
    }

    @Test func theQueueSnapshotKeepsTheChain() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        let v1 = try store.submitOK(["name": "Đỗ Thị Giang"])
        let v2 = try submitted(try correct(store, v1.id))
        try store.lock.withLock { try store.writeSnapshot() }
        let other = try DossierStore.test(dir.path)
        try other.lock.withLock { try other.refresh(.queue) }
        #expect(other.repairs.isEmpty, "the snapshot was used: \(other.repairs)")
        let items = other.queue.items
        #expect(items.map(\.state) == [.superseded, .queued])
        #expect(items[0].supersededBy == v2.id)
        #expect(items[1].supersedes == v1.id && items[1].chain == v1.id && items[1].version == 2)
    }

    /// A laptop's bundle carries what is left to deliver: the correction (with its link),
    /// not the version it replaced, which stays in the laptop's journal.
    @Test func aBundleCarriesTheCorrectionAlone() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let laptop = try DossierStore.test(dir.sub("laptop"), kiosk: "LT01")
        let v1 = try laptop.submitOK(["name": "Vũ Thị Hà"])
        let v2 = try submitted(try correct(laptop, v1.id, reason: "sai tên"))
        #expect(try laptop.exportBundle(to: dir.sub("usb.mcb"), operatorID: "op1").dossiers == 1)
        let desk = try DossierStore.test(dir.sub("desk"), kiosk: "HD01")
        let report = try desk.importBundle(from: dir.sub("usb.mcb"), operatorID: "op3")
        #expect(report.imported == [v1.receipt] && report.keptAside.isEmpty, "\(report)")
        #expect(try desk.deliver(operatorID: "op3").delivered == [v2.id])
        let stored = try #require(try desk.details(v1.receipt))
        #expect(stored.dossier.id == v2.id && stored.dossier.link?.supersedes == v1.id && stored.dossier.link?.reason == "sai tên")
        #expect(try desk.verify().problems.isEmpty)
        #expect(try laptop.queueSummary().items.map(\.state) == [.superseded, .queued])
    }
}
