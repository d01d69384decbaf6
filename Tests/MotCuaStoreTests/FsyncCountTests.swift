import Foundation
import MotCuaForms
import Testing
@testable import MotCuaStore

/// The flushes each operation makes, counted in the file layer itself (a
/// `PowerCutDisk` that is never cut). docs/STORE.md states these numbers.
@Suite struct FsyncCountTests {
    @Test func eachOperationFlushesWhatStoreMdSays() throws {
        let base = TempDir()
        defer { base.remove() }
        let disk = try PowerCutDisk(root: base.path)
        try FileIO.$layer.withValue(disk) {
            var before = disk.counts
            func spent() -> PowerCutDisk.Counts {
                let now = disk.counts
                defer { before = now }
                return now - before
            }
            let a = try DossierStore.test(base.sub("a"), kiosk: "FA01")
            let b = try DossierStore.test(base.sub("b"), kiosk: "FB01")
            let drafts = try FileDraftStore(dataDirectory: base.sub("a"))
            _ = spent()
            func submit(_ store: DossierStore, _ i: Int) throws {
                _ = try store.submitOK(["name": .string("Trần Văn \(i)")], at: Timestamp(milliseconds: testMorning.milliseconds + Int64(i)))
            }

            // The first submit with a form version also copies the form (file + directory) and reserves room.
            try submit(a, 0)
            let first = spent()
            #expect(first.fdatasync == 1 && first.directoryFsync == 1, "first submit: \(first)")
            for i in 1...5 {
                try submit(a, i)
                #expect(spent() == .init(fdatasync: 1), "submit \(i): one fdatasync")
            }
            _ = try a.deliver(operatorID: "op", now: testMorning)
            let deliver = spent()
            // The audit entries the submits left waiting (1), then journal `delivering`, store records, journal
            // outcomes, audit (4); the first append to each log also reserves room (a file fsync each).
            #expect(deliver.fdatasync == 5, "deliver: \(deliver)")
            try submit(a, 6)
            _ = spent()
            _ = try a.deliver(operatorID: "op", now: testMorning)
            #expect(spent() == .init(fdatasync: 5), "a delivery batch after a submit: 1 (waiting audit) + 4")

            try submit(a, 7)
            _ = spent()
            _ = try a.exportBundle(to: base.sub("bundle.mcb"), operatorID: "op", now: testMorning)
            // The waiting audit entry of the submit, then the bundle file, its directory, the `export` frame, the audit.
            #expect(spent() == .init(fdatasync: 3, fsync: 1, directoryFsync: 1), "export")

            _ = try b.importBundle(from: base.sub("bundle.mcb"), operatorID: "op", now: testMorning)
            let firstImport = spent()
            // a form copy not seen before (file + directory), the `import` frames, the audit (+ first reserve of each log).
            #expect(firstImport.fdatasync == 2 && firstImport.directoryFsync == 1, "import with a new form: \(firstImport)")
            try submit(a, 8)
            _ = spent()
            _ = try a.exportBundle(to: base.sub("bundle2.mcb"), operatorID: "op", now: testMorning)
            _ = spent()
            _ = try b.importBundle(from: base.sub("bundle2.mcb"), operatorID: "op", now: testMorning)
            #expect(spent() == .init(fdatasync: 2), "import of a known form")

            var answers = JSONObject()
            answers["name"] = "Lê Thị Hoa"
            try drafts.save(Draft(id: "draft-fsync-count", formID: "test-form", formVersion: "1", formPath: "/f.json", language: "vi",
                                  answers: answers, createdAt: testMorning, updatedAt: testMorning))
            #expect(spent() == .init(fsync: 1, directoryFsync: 1), "draft save")
            print("fsyncs: first submit \(first); deliver (first batch) \(deliver); import with a new form \(firstImport)")
        }
    }
}
