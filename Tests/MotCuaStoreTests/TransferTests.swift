import Foundation
import MotCuaForms
import Testing
@testable import MotCuaStore

@Suite struct TransferTests {
    /// Three queued dossiers exported from machine A.
    func exported(_ dir: TempDir) throws -> (bundle: String, receipts: [String]) {
        let a = try DossierStore.test(dir.sub("a"), kiosk: "VL01")
        var receipts: [String] = []
        for name in ["Nguyễn Thị Hoa", "Bùi Văn Quang", "Đinh Thị Sen"] {
            receipts.append(try a.submitOK(["name": .string(name)], at: testMorning).receipt)
        }
        let bundle = dir.sub("usb.motcua")
        let report = try a.exportBundle(to: bundle, operatorID: "op", now: testMorning)
        #expect(report.dossiers == 3 && report.forms == 1)
        return (bundle, receipts)
    }

    /// Every file under `root`, relative.
    func tree(_ root: String) -> Set<String> {
        Set(FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? [])
    }

    @Test func importTwiceAddsNothingTheSecondTime() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let (bundle, receipts) = try exported(dir)
        let b = try DossierStore.test(dir.sub("b"), kiosk: "HD01")
        let first = try b.importBundle(from: bundle, operatorID: "op")
        #expect(first.imported == receipts)
        #expect(first.rejected.isEmpty)
        let second = try b.importBundle(from: bundle, operatorID: "op")
        #expect(second.imported.isEmpty)
        #expect(second.alreadyPresent == receipts)
        #expect(try b.queueSummary().items.count == 3)
        // Imported dossiers keep their receipts and deliver normally.
        #expect(try b.deliver(operatorID: "op", now: testMorning).delivered.count == 3)
        #expect(try b.storedDossier(receipts[1])?.names == ["Bùi Văn Quang"])
        // This machine's own receipts do not collide with the other kiosk's.
        #expect(try b.submitOK(["name": "X"], at: testMorning).receipt == "HD01-261127-0001")
        #expect(try b.verify().problems == [])
        #expect(try b.details(receipts[0])?.history.first?.event == "import")
    }

    @Test func aDamagedEntryIsRejectedAndTheRestImported() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let (bundle, receipts) = try exported(dir)
        var bytes = try #require(try FileIO.readFile(bundle))
        // Flip one byte inside the second dossier's answers.
        let marker = Array("Bùi Văn Quang".utf8)
        let at = try #require((0..<bytes.count - marker.count).first { Array(bytes[$0..<$0 + marker.count]) == marker })
        bytes[at] ^= 0x01
        try FileIO.writeAtomically(bundle, bytes: bytes)
        let b = try DossierStore.test(dir.sub("b"))
        let report = try b.importBundle(from: bundle, operatorID: "op")
        #expect(report.imported == [receipts[0], receipts[2]])
        #expect(report.rejected.count == 1)
        #expect(report.rejected.first?.contains("damaged") == true, "\(report.rejected)")
        #expect(try b.verify().problems == [])
    }

    /// An altered dossier whose frame checksum was recomputed is still caught
    /// by the dossier's content hash.
    @Test func anAlteredEntryWithARecomputedFrameIsRejected() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let (bundle, receipts) = try exported(dir)
        var out: [UInt8] = []
        let bytes = try #require(try FileIO.readFile(bundle))
        _ = bytes.withUnsafeBytes { buf in
            Frame.scan(buf, base: 0) { v in
                var payload = Array(v.payload)
                if let r = String(decoding: payload, as: UTF8.self).range(of: "Đinh Thị Sen") {
                    let text = String(decoding: payload, as: UTF8.self).replacingCharacters(in: r, with: "Đinh Thị Sến")
                    payload = Array(text.utf8)
                }
                _ = Frame.encode(payload, into: &out)
            }
        }
        try FileIO.writeAtomically(bundle, bytes: out)
        let report = try DossierStore.test(dir.sub("b")).importBundle(from: bundle, operatorID: "op")
        #expect(report.imported == [receipts[0], receipts[1]])
        #expect(report.rejected.count == 1 && report.rejected[0].contains("altered"), "\(report.rejected)")
    }

    /// Whatever names a bundle carries (a traversal, an absolute path, as a
    /// hash, a form name or a dossier id), nothing is written outside the
    /// data directory: file names come only from digests computed here.
    @Test func hostileNamesWriteNothingOutsideTheDataDirectory() throws {
        let dir = TempDir()
        defer { dir.remove() }
        let form = Array(TestChecker.form().utf8Bytes)
        let formHash = SHA256.hash(form)
        var out: [UInt8] = []
        func frame(_ h: JSONValue, _ body: [UInt8]? = nil) { _ = Frame.encode(RecordPayload.make(h, body: body), into: &out) }
        frame(["format": "motcua-bundle/1", "dossiers": 3, "forms": 3])
        frame(["k": "form", "sha256": "../../etc/x", "name": "../../etc/x"], form)
        frame(["k": "form", "sha256": "/tmp/motcua-hostile-absolute", "name": "/tmp/motcua-hostile-absolute"], form)
        frame(["k": "form", "sha256": .string(formHash.hex), "name": "../../etc/x"], form)
        func dossier(id: String, receipt: String) -> [UInt8] {
            let d = Dossier(id: id, receipt: receipt, formID: "test-form", formVersion: "1", formHash: formHash, language: "vi",
                            kiosk: "VL01", operatorID: "op", submittedAt: testMorning, answers: ["name": "Kiều Văn Phong"])
            return Array(d.json.data())
        }
        var hostile = dossier(id: "placeholder-id-0000", receipt: "../../etc/x")
        hostile = Array(String(decoding: hostile, as: UTF8.self).replacingOccurrences(of: "placeholder-id-0000", with: "../../etc/x").utf8)
        frame(["k": "dossier", "id": "../../etc/x", "receipt": "/etc/x", "sha256": .string(SHA256.hash(hostile).hex)], hostile)
        let badReceipt = dossier(id: "0a1b2c3d-bad-receipt", receipt: "/abs/../../etc/x")
        frame(["k": "dossier", "id": "0a1b2c3d-bad-receipt", "receipt": "/etc/x", "sha256": .string(SHA256.hash(badReceipt).hex)], badReceipt)
        let good = dossier(id: "0a1b2c3d-good-id", receipt: "VL01-261127-0042")
        frame(["k": "dossier", "id": "0a1b2c3d-good-id", "receipt": "/etc/x", "sha256": .string(SHA256.hash(good).hex)], good)
        frame(["k": "end"])
        try FileIO.writeAtomically(dir.sub("hostile.motcua"), bytes: out)

        let before = tree(dir.path)
        let b = try DossierStore.test(dir.sub("data"))
        let report = try b.importBundle(from: dir.sub("hostile.motcua"), operatorID: "op")
        #expect(report.imported == ["VL01-261127-0042"])
        #expect(report.rejected.count == 4, "\(report.rejected)")
        #expect(report.rejected.filter { $0.contains("malformed") }.count == 2, "\(report.rejected)")
        let after = tree(dir.path)
        let added = after.subtracting(before)
        #expect(added.allSatisfy { $0.hasPrefix("data") }, "\(added.sorted())")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/motcua-hostile-absolute"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.sub("data/forms")) == [formHash.hex + ".json"])
    }

    @Test func notABundleIsAClearError() throws {
        let dir = TempDir()
        defer { dir.remove() }
        try Data("hello".utf8).write(to: URL(fileURLWithPath: dir.sub("x")))
        let b = try DossierStore.test(dir.sub("b"))
        #expect(throws: StoreError.self) { try b.importBundle(from: dir.sub("x"), operatorID: "op") }
        #expect(throws: StoreError.self) { try b.importBundle(from: dir.sub("missing"), operatorID: "op") }
    }

    @Test func exportIsAuditedWithoutPersonalData() throws {
        let dir = TempDir()
        defer { dir.remove() }
        _ = try exported(dir)
        let audit = String(decoding: try #require(try FileIO.readFile(dir.sub("a/audit.log"))), as: UTF8.self)
        #expect(audit.contains("\"event\":\"export\""))
        #expect(!audit.contains("Hoa") && !audit.contains("Quang"))
    }
}

extension Data {
    var utf8Bytes: [UInt8] { [UInt8](self) }
}
