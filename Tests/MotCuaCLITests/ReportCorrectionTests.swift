import Foundation
import MotCuaForms
@testable import MotCuaStore
import Testing

extension DossierStore {
    /// A correction as corrections are journalled: a new submit record carrying
    /// `"supersedes": "<id of the dossier it corrects>"`, the same answers, its own receipt.
    func appendCorrection(of originalID: String, newID: String, at: Timestamp, operatorID: String) throws {
        try lock.withLock {
            try refresh(.queue)
            guard let item = queue.item(id: originalID) else { throw StoreError.notFound("no dossier \(originalID)") }
            var d = try Dossier(bytes: try body(of: item))
            let key = ReceiptCode.dayKey(unit: receiptUnit, day: at.vietnamDate)
            d.id = newID
            d.receipt = ReceiptCode.make(unit: receiptUnit, day: at.vietnamDate, sequence: queue.nextReceiptSequence(dayKey: key))
            d.submittedAt = at
            d.operatorID = operatorID
            let body = JSONBytes.encode(d.json)
            let members = dossierMembers(d, contentHash: SHA256.hash(body)) + [("supersedes", .string(originalID))]
            try appendJournal([(journalHeader(.submit, seq: queue.lastSeq + 1, at: at, operatorID: operatorID, members), body)])
        }
    }
}

/// `motcua report` counts a submit record carrying `supersedes` as corrected (and
/// received), on the day it was made, under the operator who made it; desk events
/// (a printed receipt) change no number.
@Suite struct ReportCorrectionTests {
    @Test func aSupersedingSubmitIsCountedAsCorrected() throws {
        let (root, data) = try ReportCommandTests.fixture()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let passThrough = DossierChecker { _ in
            PreparedForm(formID: "any", formVersion: "any") { answers, _, _ in .valid(CheckedAnswers(answers: answers)) }
        }
        do {
            let store = try DossierStore(directory: data, kioskID: "HD01", checker: passThrough)
            let first = try #require(try store.queueSummary().items.first)  // A: khai-sinh, 5 January, by lan
            // Thu 7 January 2027, 09:00 in Viet Nam: minh corrects A; lan prints the new receipt.
            let at = Timestamp(milliseconds: Int64(ReportCommandTests.utc(2027, 1, 7, 2, 0))!)
            try store.appendCorrection(of: first.id, newID: "c0ffee00-0000-4000-8000-000000000001", at: at, operatorID: "minh")
            try store.recordDeskEvent(.printed, operatorID: "lan", dossierID: "c0ffee00-0000-4000-8000-000000000001", now: at)
        }
        let january = ["--from", "2027-01-01", "--to", "2027-01-31", "--csv", "-"]
        let byDay = try ReportCommandTests.report(data, january)
        let rows = byDay.stdout.components(separatedBy: "\r\n")
        let seventh = try #require(rows.first { $0.hasPrefix("2027-01-07,") }, "\(byDay.stdout)")
        #expect(seventh.hasPrefix("2027-01-07,1,0,1,0,"), "received 1, corrected 1: \(seventh)")
        #expect(rows.contains { $0.hasPrefix("total,4,1,1,1,") }, "\(byDay.stdout)")
        let byOperator = try ReportCommandTests.report(data, january + ["--by", "operator"])
        #expect(byOperator.stdout.contains("\r\nminh,2,0,1,0,"), "\(byOperator.stdout)")
        #expect(byOperator.stdout.contains("\r\nlan,2,0,0,0,48000,1,1\r\n"), "the printed receipt counts nothing: \(byOperator.stdout)")
        let verify = try Motcua.run(["dossiers", "verify", "--data-dir", data])
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
        // Every derived file deleted: the same numbers.
        for derived in ["queue.snapshot", "store.index"] { try? FileManager.default.removeItem(atPath: data + "/" + derived) }
        #expect(try ReportCommandTests.report(data, january).stdout == byDay.stdout)
    }
}
