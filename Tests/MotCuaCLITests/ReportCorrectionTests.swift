import Foundation
import MotCuaForms
@testable import MotCuaStore
import Testing

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
        // A (khai-sinh, 5 January, by lan), read through a store that checks nothing.
        let (firstID, a) = try {
            let store = try DossierStore(directory: data, kioskID: "HD01", checker: passThrough)
            let first = try #require(try store.queueSummary().items.first)
            return (first.id, try #require(try store.details(first.id)).dossier)
        }()
        do {
            // Thu 7 January 2027, 09:00 in Viet Nam: minh corrects A through the store's own
            // correction (the same answers, the form copy A was made with); lan prints the new receipt.
            let at = Timestamp(milliseconds: Int64(ReportCommandTests.utc(2027, 1, 7, 2, 0))!)
            let same = DossierChecker { _ in  // a correction keeps the procedure
                PreparedForm(formID: a.formID, formVersion: a.formVersion) { answers, _, _ in .valid(CheckedAnswers(answers: answers)) }
            }
            let store = try DossierStore(directory: data, kioskID: "HD01", checker: same)
            let copy = try #require(FileManager.default.contents(atPath: data + "/forms/" + a.formHash.hex + ".json"))
            let outcome = try store.submit(SubmitRequest(form: FormFile(copy), answers: a.answers, dossierID: "c0ffee00-0000-4000-8000-000000000001",
                                                         operatorID: "minh", now: at, correction: CorrectionRequest(of: firstID, reason: "sai ngày sinh")))
            guard case .submitted = outcome else { Issue.record("not submitted: \(outcome)"); return }
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
        // Lan keeps A's fee (a correction owes none); A's appointment is now its correction's,
        // under minh; the printed receipt counts nothing.
        #expect(byOperator.stdout.contains("\r\nlan,2,0,0,0,48000,0,0\r\n"), "\(byOperator.stdout)")
        // The same fees as before the correction (ReportCommandTests: 253000), the same two appointments.
        #expect(byOperator.stdout.contains("\r\ntotal,4,1,1,1,253000,2,2\r\n"), "\(byOperator.stdout)")
        let verify = try Motcua.run(["dossiers", "verify", "--data-dir", data])
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
        // Every derived file deleted: the same numbers.
        for derived in ["queue.snapshot", "store.index", "report-summary"] { try? FileManager.default.removeItem(atPath: data + "/" + derived) }
        #expect(try ReportCommandTests.report(data, january).stdout == byDay.stdout)
    }
}
