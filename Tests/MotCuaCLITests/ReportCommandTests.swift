import Foundation
import MotCuaForms
import MotCuaStore
import Testing

/// `motcua report` through the real binary over pipes, on a store of known
/// dossiers: submitted by the binary at fixed times (MOTCUA_TEST_NOW), one
/// delivered and one set aside in-process at a fixed time.
@Suite struct ReportCommandTests {
    /// Milliseconds since 1970 of a UTC time.
    static func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int) -> String {
        let day = CalendarDate(year: y, month: mo, day: d)!.dayNumber
        return String(Int64(day) * 86_400_000 + Int64(h * 60 + mi) * 60_000)
    }

    /// Answers the store's delivery as a receiver would: stores everything but
    /// the criminal-record request, which it rejects (so the queue sets it aside).
    final class PickyDestination: DeliveryDestination {
        let label = "test receiver"
        func deliver(_ batch: [OutgoingDossier]) throws -> [DestinationOutcome] {
            batch.map { $0.formID == "ly-lich-tu-phap" ? .rejected("not ours") : .stored }
        }
    }

    /// A: khai-sinh, Tue 5 Jan 2027 10:00 (Viet Nam), by lan: fee 24.000 đ, appointment the same day;
    /// B: ly-lich-tu-phap, same time, by minh: 205.000 đ, appointment Tue 19 Jan (10 working days);
    /// C: khai-sinh at 23:59 on Sun 31 Jan in Viet Nam (16:59 UTC): January; appointment Mon 1 Feb;
    /// D: khai-sinh at 00:00 on 1 Feb in Viet Nam (17:00 UTC on 31 Jan): February.
    /// Then on 6 Jan, by "night": A delivered, B set aside.
    static func fixture() throws -> (root: String, data: String) {
        let root = try Motcua.tempDir()
        let data = root + "/data"
        let answers = Motcua.repoRoot + "/Tests/MotCuaFormsTests/Answers/"
        func submit(_ form: String, at: String, by op: String) throws {
            let r = try Motcua.run(["submit", Motcua.repoRoot + "/Forms/\(form).json", answers + "\(form).valid.json",
                                    "--data-dir", data, "--kiosk", "HD01", "--operator", op], environment: ["MOTCUA_TEST_NOW": at])
            #expect(r.status == 0, "\(r.stdout) \(r.stderr)")
        }
        try submit("khai-sinh", at: utc(2027, 1, 5, 3, 0), by: "lan")
        try submit("ly-lich-tu-phap", at: utc(2027, 1, 5, 3, 0), by: "minh")
        try submit("khai-sinh", at: utc(2027, 1, 31, 16, 59), by: "lan")
        try submit("khai-sinh", at: utc(2027, 1, 31, 17, 0), by: "lan")
        let passThrough = DossierChecker { _ in
            PreparedForm(formID: "any", formVersion: "any") { answers, _, _ in .valid(CheckedAnswers(answers: answers)) }
        }
        let store = try DossierStore(directory: data, kioskID: "HD01", checker: passThrough)
        let at = Timestamp(milliseconds: Int64(utc(2027, 1, 6, 2, 0))!)
        let report = try store.deliver(operatorID: "night", now: at, limit: 2, to: PickyDestination())
        #expect(report.delivered.count == 1 && report.setAside.count == 1)
        return (root, data)
    }

    static func report(_ data: String, _ extra: [String]) throws -> Motcua.Result {
        try Motcua.run(["report", "--data-dir", data, "--today", "2027-02-15"] + extra)
    }

    @Test func knownDossiersGiveExactlyTheExpectedTableAndCSV() throws {
        let (root, data) = try Self.fixture()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let january = ["--from", "2027-01-01", "--to", "2027-01-31"]
        let table = try Self.report(data, january)
        #expect(table.status == 0, "\(table.stderr)")
        let expected = """
        Report 2027-01-01 to 2027-01-31 (Asia/Ho_Chi_Minh days), by day; overdue as of 2027-02-15
        day         received  delivered  corrected  set aside  fees due (đ)  due  overdue
        2027-01-05         2          0          0          0       229.000    1        1
        2027-01-06         0          1          0          1             0    0        0
        2027-01-19         0          0          0          0             0    1        1
        2027-01-31         1          0          0          0        24.000    0        0
        total              3          1          0          1       253.000    2        2

        received
        2027-01-05  ████████████████████████████████████████ 2
        2027-01-06                                           0
        2027-01-19                                           0
        2027-01-31  ████████████████████                     1
        """
        #expect(table.stdout.hasPrefix(expected + "\n"), "\(table.stdout)")
        #expect(table.stdout.contains("\nfees due (đ)\n2027-01-05  ████████████████████████████████████████ 229.000\n"
                                      + "2027-01-06                                           0\n"
                                      + "2027-01-19                                           0\n"
                                      + "2027-01-31  ████▎                                    24.000\n"))
        #expect(!table.stdout.contains("\ncorrected\n"), "a number that is zero throughout gets no chart")

        let byOperator = try Self.report(data, january + ["--by", "operator", "--csv", "-"])
        #expect(byOperator.status == 0)
        #expect(byOperator.stdout == """
            operator,received,delivered,corrected,set_aside,fees_due_vnd,appointments_due,appointments_overdue\r
            lan,2,0,0,0,48000,1,1\r
            minh,1,0,0,0,205000,1,1\r
            night,0,1,0,1,0,0,0\r
            total,3,1,0,1,253000,2,2\r

            """)
        let byProcedure = try Self.report(data, january + ["--by", "procedure", "--csv", "-"])
        #expect(byProcedure.stdout.contains("\r\nkhai-sinh,2,1,0,0,48000,1,1\r\nly-lich-tu-phap,1,0,0,1,205000,1,1\r\n"), "\(byProcedure.stdout)")
        let byChannel = try Self.report(data, january + ["--by", "channel", "--csv", "-"])
        #expect(byChannel.stdout.contains("\r\ndesk,3,1,0,1,253000,2,2\r\n"))

        // A CSV file beside the table; and every derived file deleted gives the same numbers.
        let csvFile = root + "/report.csv"
        let withFile = try Self.report(data, january + ["--by", "operator", "--csv", csvFile])
        let tableOnly = try Self.report(data, january + ["--by", "operator"])
        #expect(withFile.stdout == tableOnly.stdout && withFile.stdout.hasPrefix("Report "))
        #expect((try? String(contentsOfFile: csvFile, encoding: .utf8)) == byOperator.stdout)
        for derived in ["queue.snapshot", "store.index", "report-summary"] { try? FileManager.default.removeItem(atPath: data + "/" + derived) }
        let again = try Self.report(data, january)
        #expect(again.stdout == table.stdout)
    }

    @Test func daysAreVietnamDaysAtTheBoundary() throws {
        let (root, data) = try Self.fixture()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // 23:59 on 31 January in Viet Nam is January; 00:00 on 1 February is February.
        let lastDay = try Self.report(data, ["--from", "2027-01-31", "--to", "2027-01-31", "--csv", "-"])
        #expect(lastDay.stdout.contains("\r\n2027-01-31,1,0,0,0,24000,0,0\r\ntotal,1,"), "\(lastDay.stdout)")
        // February: D received; C and D both due on Monday 1 February (C was received on a Sunday), neither delivered.
        let february = try Self.report(data, ["--from", "2027-02-01", "--to", "2027-02-28", "--csv", "-"])
        #expect(february.stdout.hasSuffix("\r\n2027-02-01,1,0,0,0,24000,2,2\r\ntotal,1,0,0,0,24000,2,2\r\n"), "\(february.stdout)")
        // Not yet overdue while today is the appointment day.
        let sameDay = try Motcua.run(["report", "--data-dir", data, "--today", "2027-02-01", "--from", "2027-02-01", "--to", "2027-02-01", "--csv", "-"])
        #expect(sameDay.stdout.hasSuffix("\r\ntotal,1,0,0,0,24000,2,0\r\n"), "\(sameDay.stdout)")
    }

    @Test func anEmptyStoreAndWrongOptions() throws {
        let root = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let data = root + "/data"
        let empty = try Self.report(data, ["--from", "2027-01-01", "--to", "2027-01-31"])
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stdout.contains("\nday    received  delivered  corrected  set aside  fees due (đ)  due  overdue\ntotal         0          0          0          0             0    0        0\nNo dossier activity in these days.\n"), "\(empty.stdout)")
        #expect(!empty.stdout.contains("█"))
        let csv = try Self.report(data, ["--csv", "-", "--by", "procedure"])
        #expect(csv.stdout == "procedure,received,delivered,corrected,set_aside,fees_due_vnd,appointments_due,appointments_overdue\r\ntotal,0,0,0,0,0,0,0\r\n")

        let help = try Motcua.run(["report", "--help"])
        #expect(help.status == 0 && help.stdout.hasPrefix("usage: motcua report"))
        for bad in [["--by", "week"], ["--from", "31/01/2027"], ["--from", "2027-02-01", "--to", "2027-01-01"], ["extra"]] {
            let r = try Self.report(data, bad)
            #expect(r.status == 2 && !r.stderr.isEmpty, "\(bad)")
        }
    }

    @Test func csvKeysCannotBreakTheSpreadsheet() throws {
        let root = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let data = root + "/data"
        let r = try Motcua.run(["submit", Motcua.repoRoot + "/Forms/khai-sinh.json", Motcua.repoRoot + "/Tests/MotCuaFormsTests/Answers/khai-sinh.valid.json",
                                "--data-dir", data, "--kiosk", "HD01", "--operator", "=cmd,\"x\""], environment: ["MOTCUA_TEST_NOW": Self.utc(2027, 1, 5, 3, 0)])
        #expect(r.status == 0, "\(r.stderr)")
        let csv = try Self.report(data, ["--from", "2027-01-01", "--to", "2027-01-31", "--by", "operator", "--csv", "-"])
        #expect(csv.stdout.contains("\r\n\"'=cmd,\"\"x\"\"\",1,"), "\(csv.stdout)")
    }
}
