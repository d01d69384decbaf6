import Foundation
import MotCuaForms
import Testing
@testable import MotCuaStore

@Suite struct DeliveryTests {
    @Test func deliveryStoresEachOnceAndIndexesIt() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        let an = try store.submitOK(["name": "Nguyễn Văn An", "cccd": "001203004567"], at: testMorning)
        // NFD input: the checker stores NFC; search must find it either way.
        let binh = try store.submitOK(["name": "Tra\u{0300}n Thi\u{0323} Bi\u{0300}nh", "cccd": "079188001234"], at: testMorning)
        let report = try store.deliver(operatorID: "night-run", now: testMorning)
        #expect(Set(report.delivered) == [an.id, binh.id])
        #expect(report.failed.isEmpty && report.setAside.isEmpty)

        let again = try store.deliver(operatorID: "night-run", now: testMorning)
        #expect(again.delivered.isEmpty && again.alreadyStored.isEmpty, "nothing is due twice")

        #expect(try store.storedDossiers().count == 2)
        #expect(try store.storedDossier(an.receipt)?.id == an.id)
        #expect(try store.storedDossiers(personalID: "079188001234") == [binh.id])
        #expect(try store.storedDossiers(search: "nguyen an").map(\.id) == [an.id])
        #expect(try store.storedDossiers(search: "TRẦN BÌNH").map(\.id) == [binh.id])
        #expect(try store.storedDossiers(search: "tran thi binh").map(\.id) == [binh.id])
        #expect(try store.storedDossiers(search: "Bi\u{0300}nh").map(\.id) == [binh.id])
        #expect(try store.storedDossiers(search: "inh").isEmpty, "words match from their start")
        #expect(try store.storedDossiers(search: "0012030").map(\.id) == [an.id])
        #expect(try store.storedDossiers(search: an.receipt.lowercased()).map(\.id) == [an.id])
        let d = try #require(try store.details(an.id))
        #expect(d.state == .delivered)
        #expect(d.deliveredAt == testMorning)
        #expect(d.history.map(\.event) == ["submit", "delivering", "delivered"])
        #expect(try store.verify().problems == [])
    }

    /// Delivery checks each dossier against the stored copy of the form it
    /// was made with: a later form version with stricter rules does not
    /// affect dossiers made with the earlier one.
    @Test func deliveryRevalidatesAgainstTheFormVersionUsed() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        let old = try store.submitOK(["name": "Võ Văn Em"], form: TestChecker.form(version: "1"))
        let new = try store.submitOK(["name": "Đỗ Thị Giang", "cccd": "001203004568"], form: TestChecker.form(version: "2", required: ["name", "cccd"]))
        let report = try store.deliver(operatorID: "op", now: testMorning)
        #expect(Set(report.delivered) == [old.id, new.id])
        #expect(try store.storedDossier(old.id)?.formVersion == "1")
    }

    /// When the checker now refuses a dossier, it is set aside with the
    /// reasons, never lost; a manual retry once the cause is fixed delivers it.
    @Test func aDossierThatNoLongerPassesIsSetAsideThenRetried() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let r = try DossierStore.test(dir.path).submitOK(["name": "Hoàng Văn Hải"])
        let strict = try DossierStore.test(dir.path, checker: TestChecker.refuseAll)
        let report = try strict.deliver(operatorID: "op", now: testMorning)
        #expect(report.setAside.map(\.id) == [r.id])
        #expect(report.setAside.first?.reason.contains("name: refused by the test") == true)
        let item = try #require(try strict.queueSummary().items.first)
        #expect(item.state == .setAside)
        #expect(try strict.storedDossiers().isEmpty)

        let fixed = try DossierStore.test(dir.path)
        #expect(try fixed.deliver(operatorID: "op", now: testMorning).delivered.isEmpty, "set aside is not retried by itself")
        try fixed.retry(r.receipt, operatorID: "supervisor")
        #expect(try fixed.deliver(operatorID: "op", now: testMorning).delivered == [r.id])
        #expect(try fixed.details(r.id)?.history.map(\.event) == ["submit", "delivering", "set-aside", "retry", "delivering", "delivered"])
        #expect(try fixed.verify().problems == [])
    }

    @Test func aMissingOrDamagedFormCopySetsTheDossierAside() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        let form = TestChecker.form()
        let r = try store.submitOK(["name": "Lý Thị Kim"], form: form)
        let copy = dir.sub("forms/\(SHA256.hash(form).hex).json")
        try Data("{\"id\":\"tampered\"}".utf8).write(to: URL(fileURLWithPath: copy))
        let fresh = try DossierStore.test(dir.path)
        let report = try fresh.deliver(operatorID: "op", now: testMorning)
        #expect(report.setAside.map(\.id) == [r.id])
        #expect(report.setAside.first?.reason.contains("damaged") == true)
        #expect(try fresh.verify().problems.contains { $0.contains("forms/") })
    }

    /// The crash window between storing and marking delivered: the store
    /// already holds the dossier when delivery runs again, and the retry
    /// must neither fail nor duplicate it.
    @Test func redeliveryAfterACrashIsIdempotent() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        let r = try store.submitOK(["name": "Mai Văn Long"])
        let item = try #require(store.queue.item(id: r.id))
        let body = try store.body(of: item)
        let outcome = try store.loadedCore().accept([Delivery(id: item.id, receipt: item.receipt, formID: item.formID, formVersion: item.formVersion,
                                                      formHash: item.formHash, contentHash: item.contentHash, body: body,
                                                      names: ["Mai Văn Long"], personalIDs: [])], at: testMorning)
        #expect(outcome == [.stored])
        let report = try DossierStore.test(dir.path).deliver(operatorID: "op", now: testMorning)
        #expect(report.alreadyStored == [r.id])
        #expect(report.delivered.isEmpty)
        #expect(try store.storedDossiers().count == 1)
        #expect(try store.verify().problems == [])
    }

    /// Different content under an id the core store already holds is a
    /// conflict: kept aside (in the store's log and in the queue), reported,
    /// and never replaces the first.
    @Test func differentContentUnderAStoredIdIsAConflict() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        let r = try store.submitOK(["name": "Ngô Văn Minh"])
        let item = try #require(store.queue.item(id: r.id))
        let impostor = Array("{\"other\":true}".utf8)
        let first = try store.loadedCore().accept([Delivery(id: r.id, receipt: "XX01-261127-0001", formID: "f", formVersion: "1",
                                                    formHash: item.formHash, contentHash: SHA256.hash(impostor), body: impostor,
                                                    names: [], personalIDs: [])], at: testMorning)
        #expect(first == [.stored])
        let report = try store.deliver(operatorID: "op", now: testMorning)
        #expect(report.setAside.map(\.id) == [r.id])
        #expect(report.setAside.first?.reason.hasPrefix("conflict") == true)
        #expect(try store.storedDossier(r.id)?.receipt == "XX01-261127-0001", "the first stays")
        #expect(try store.queueSummary().storeConflicts == 1)
        // Delivering the same conflicting content again records nothing new.
        try store.retry(r.id, operatorID: "op")
        _ = try store.deliver(operatorID: "op", now: testMorning)
        #expect(try store.queueSummary().storeConflicts == 1)
        let problems = try store.verify().problems
        #expect(problems.isEmpty, "\(problems)")
    }

    /// The core store on a full disk: attempts fail with the reason, wait
    /// with exponential backoff, and are set aside after maxAttempts.
    @Test(.enabled(if: geteuid() == 0, "needs root to mount a small tmpfs"))
    func failuresBackOffThenSetAside() throws {
        let dir = TempDir()
        defer { dir.remove() }
        guard let disk = SmallDisk(at: dir.sub("core"), bytes: 64 * 1024) else {
            Issue.record("could not mount a tmpfs")
            return
        }
        defer { disk.unmount() }
        var options = StoreOptions()
        options.coreStoreDirectory = disk.path + "/store"
        options.maxAttempts = 3
        options.backoffBase = 10
        let store = try DossierStore.test(dir.sub("data"), options: options)
        let r = try store.submitOK(["name": "Trịnh Văn Nam", "note": .string(String(repeating: "ghi chú dài ", count: 400))])
        disk.fill()

        let t0 = testMorning
        let first = try store.deliver(operatorID: "op", now: t0)
        #expect(first.failed.map(\.id) == [r.id])
        #expect(first.failed.first?.reason.contains("the disk is full") == true)
        #expect(first.failed.first?.nextRetry == t0.adding(seconds: 10))
        #expect(try store.deliver(operatorID: "op", now: t0.adding(seconds: 9)).waiting == 1, "not due yet")
        let second = try store.deliver(operatorID: "op", now: t0.adding(seconds: 10))
        #expect(second.failed.first?.nextRetry == t0.adding(seconds: 30), "20 s after the second attempt")
        let third = try store.deliver(operatorID: "op", now: t0.adding(seconds: 30))
        #expect(third.setAside.map(\.id) == [r.id])
        #expect(third.setAside.first?.reason.hasPrefix("gave up after 3 attempts") == true)

        disk.freeSpace()
        try store.retry(r.id, operatorID: "op")
        #expect(try store.deliver(operatorID: "op", now: t0.adding(seconds: 31)).delivered == [r.id])
        #expect(try store.verify().problems == [])
    }

    @Test func backoffDoublesUpToTheCap() {
        var o = StoreOptions()
        o.backoffBase = 60
        o.backoffCap = 600
        #expect((1...6).map { o.backoff(afterAttempt: $0) } == [60, 120, 240, 480, 600, 600])
    }
}
