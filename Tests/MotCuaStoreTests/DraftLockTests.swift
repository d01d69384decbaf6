import Foundation
import Testing
@testable import MotCuaStore

/// The draft lock inside one process: two sessions exclude each other as two
/// processes do (the two-process and killed-holder cases run the real binary in
/// MotCuaCLITests/DraftLockTests).
@Suite struct DraftLockUnitTests {
    func store() throws -> FileDraftStore {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-draftlock-\(UUID().uuidString)").path
        return try FileDraftStore(dataDirectory: dir)
    }

    @Test func aHeldDraftCannotBeOpenedOrDiscardedByAnother() throws {
        let drafts = try store()
        let id = DossierID.make()
        try drafts.save(Draft(id: id, formID: "f", formVersion: "1", formPath: "f.json", language: "vi"))
        var held: DraftLock? = try drafts.lock(id)
        #expect(throws: DraftInUse(draftID: id)) { _ = try drafts.lock(id) }
        #expect(throws: DraftInUse(draftID: id)) { try drafts.discard(id) }
        #expect(try drafts.load(id) != nil)
        // Released when the holder goes away: another session takes it.
        held = nil
        let again = try drafts.lock(id)
        try drafts.discard(id, holding: again)
        #expect(try drafts.load(id) == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: drafts.directory).isEmpty)
        _ = held
    }

    @Test func aLockFileRemovedUnderAWaiterIsNotTrusted() throws {
        let drafts = try store()
        let id = DossierID.make()
        let first = try drafts.lock(id)
        // The holder removes the lock file (its draft was queued); a new lock is on a new file,
        // and it excludes a third opener as before.
        first.remove()
        let second = try drafts.lock(id)
        #expect(throws: DraftInUse(draftID: id)) { _ = try drafts.lock(id) }
        _ = second
    }
}
