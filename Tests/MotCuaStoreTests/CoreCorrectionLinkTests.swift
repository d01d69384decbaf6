import Foundation
import MotCuaForms
import Testing
@testable import MotCuaStore

/// A correction of a dossier this store does not hold, read from the shared core store
/// (issue 16): its link is the chain's next version, as for a predecessor of this store.
@Suite struct CoreCorrectionLinkTests {
    /// Version 2 of a chain filed at another kiosk, as the shared core holds it.
    static let predecessor = CorePredecessor(id: "aaaaaaaa-0000-4000-8000-000000000002", first: "aaaaaaaa-0000-4000-8000-000000000001",
                                             version: 2, receipt: "TQ01-261127-0001", formID: "test-form")

    func correct(_ store: DossierStore, _ p: CorePredecessor = predecessor, reason: String = "bổ sung") throws -> SubmitOutcome {
        try store.submit(SubmitRequest(form: FormFile(TestChecker.form()), answers: ["name": "Nguyễn Văn Ân"], operatorID: "op2",
                                       now: testMorning, correction: CorrectionRequest(of: p.id, reason: reason, core: p)))
    }

    @Test func theCoresPredecessorGivesTheChainsNextVersion() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        guard case .submitted(let s) = try correct(store) else { Issue.record("not submitted"); return }
        #expect(s.receipt == "TQ01-261127-0001", "the chain's receipt code")
        #expect(s.link == DossierLink(supersedes: Self.predecessor.id, first: Self.predecessor.first, version: 3, reason: "bổ sung"))
        // Once replaced here, the same version is not corrected twice.
        #expect(throws: StoreError.self) { try correct(store) }
        // Another procedure is refused.
        var other = Self.predecessor
        other.id = "aaaaaaaa-0000-4000-8000-000000000009"
        other.formID = "another-form"
        #expect(throws: StoreError.self) { try correct(store, other) }
    }

    @Test func aReceiptCodeOfAnotherChainHereIsRefused() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let store = try DossierStore.test(dir.path)
        let mine = try store.submitOK(["name": "Nguyễn Văn An"])
        var p = Self.predecessor
        p.receipt = mine.receipt
        #expect(throws: StoreError.self) { try correct(store, p) }
        // What the core said is checked like the store's own: a malformed code is refused.
        p.receipt = "TQ01-261127-0001\u{1B}[2J"
        #expect(throws: StoreError.self) { try correct(store, p) }
        p.receipt = "TQ01-261127-0001"
        p.first = "not an id!"
        #expect(throws: StoreError.self) { try correct(store, p) }
    }

    @Test func aDraftKeepsTheCoresPredecessor() throws {
        var d = Draft(id: "bbbbbbbb-0000-4000-8000-000000000001", formID: "test-form", formVersion: "1", formPath: "/f.json", language: "vi")
        d.correction = CorrectionRequest(of: Self.predecessor.id, reason: "bổ sung", core: Self.predecessor)
        #expect(try Draft(json: d.json).correction == d.correction)
        // A draft file edited by hand: a malformed predecessor is refused, not trusted.
        guard case .object(var o) = d.json, case .object(var c)? = o["correction"], case .object(let core)? = c["core"] else {
            Issue.record("no correction in \(d.json)"); return
        }
        for (key, bad) in [("version", JSONValue.int(999)), ("first", "../x"), ("receipt", "not a code"), ("id", .int(1))] {
            var broken = core
            broken[key] = bad
            c["core"] = .object(broken)
            o["correction"] = .object(c)
            #expect(throws: StoreError.self) { try Draft(json: .object(o)) }
        }
    }
}
