import Foundation
import Testing

/// Dates of record, end to end: a dossier filed through the real binary in
/// plain mode on a given day (`--today`) gets the appointment the public
/// holidays give, read off the printed receipt. The form is khai-sinh with
/// its processing time set to 10 working days (shipped: 0), in a copy of the
/// program's folders (MOTCUA_HOME), so that the same copy can lose its
/// holidays file.
@Suite(.serialized) struct AppointmentDateTests {
    enum Holidays { case shipped, missing, unreadable }

    /// A program folder: Locales and every list as shipped, khai-sinh taking 10 working days.
    static func home(_ holidays: Holidays) throws -> String {
        let fm = FileManager.default
        let home = try Motcua.tempDir()
        let repo = Motcua.repoRoot
        try fm.createSymbolicLink(atPath: home + "/Locales", withDestinationPath: repo + "/Locales")
        try fm.createDirectory(atPath: home + "/Forms/lists", withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: repo + "/Forms/lists") where !(name == "holidays.json" && holidays != .shipped) {
            try fm.createSymbolicLink(atPath: home + "/Forms/lists/" + name, withDestinationPath: repo + "/Forms/lists/" + name)
        }
        if holidays == .unreadable { try Data("{\"format\": \"motcua-holidays/1\", \"days_off\": [".utf8).write(to: URL(fileURLWithPath: home + "/Forms/lists/holidays.json")) }
        let form = try String(contentsOfFile: repo + "/Forms/khai-sinh.json", encoding: .utf8)
        let slow = form.replacingOccurrences(of: "\"processingDays\": 0,", with: "\"processingDays\": 10,")
        #expect(slow != form, "khai-sinh.json no longer says \"processingDays\": 0 where this test expects it")
        try slow.write(toFile: home + "/Forms/khai-sinh.json", atomically: true, encoding: .utf8)
        return home
    }

    /// PlainModeTests' answers with the child born ten days before `today`.
    static func answers(bornBefore today: String) -> String {
        let parts = today.split(separator: "-").compactMap { Int($0) }
        var c = DateComponents()
        (c.year, c.month, c.day) = (parts[0], parts[1], parts[2] - 10)
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let born = cal.date(from: c)!
        let d = cal.dateComponents([.year, .month, .day], from: born)
        let typed = String(format: "%02d/%02d/%04d", d.day!, d.month!, d.year!)
        let lines = PlainModeTests.khaiSinh.map { $0 == "20/10/2026" ? typed : $0 } + ["có"]
        return lines.joined(separator: "\n") + "\n"
    }

    static func file(on today: String, home: String, dir: String) throws -> Motcua.Result {
        try Motcua.run(["fill", "khai-sinh", "--plain", "--data-dir", dir, "--today", today, "--kiosk", "TQ01"],
                              stdin: answers(bornBefore: today), environment: ["MOTCUA_HOME": home])
    }

    /// Day filed → appointment 10 working days later, by Forms/lists/holidays.json
    /// (Bộ luật Lao động 2019 Điều 112 with the yearly swaps). With weekends
    /// only, each would be earlier: 07/02/2025, 17/02/2027, 13/05/2025,
    /// 13/05/2027, 12/09/2025, 14/09/2028.
    static let cases: [(today: String, code: String, appointment: String)] = [
        ("2025-01-24", "250124", "14/02/2025"),  // Friday before Tết Ất Tỵ: 27/1–31/1 off
        ("2027-02-03", "270203", "24/02/2027"),  // Wednesday before Tết Đinh Mùi: 4/2–9/2 off
        ("2025-04-29", "250429", "16/05/2025"),  // 30/4, 1/5 and the swapped 2/5 off
        ("2027-04-29", "270429", "17/05/2027"),  // 30/4 on a Friday, 1/5 on Saturday (3/5 off in lieu)
        ("2025-08-29", "250829", "16/09/2025"),  // 1/9 and 2/9 off
        ("2028-08-31", "280831", "18/09/2028"),  // 1/9 Friday, 2/9 Saturday (4/9 off in lieu)
    ]

    @Test(arguments: 0..<6) func receiptGivesTheAppointmentOfRecord(_ n: Int) throws {
        let c = Self.cases[n]
        let home = try Self.home(.shipped)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Self.file(on: c.today, home: home, dir: dir)
        #expect(r.status == 0, "\(r.stderr)\n\(r.stdout.suffix(1500))")
        #expect(r.stdout.contains("Mã hồ sơ: TQ01-\(c.code)-0001"), "\(r.stdout.suffix(1500))")
        #expect(r.stdout.contains("Ngày hẹn trả kết quả: \(c.appointment) (10 ngày làm việc)"), "\(r.stdout.suffix(1500))")
        // Read back later from the data directory: the same day of record and appointment.
        let shown = try Motcua.run(["dossiers", "show", "TQ01-\(c.code)-0001", "--data-dir", dir], environment: ["MOTCUA_HOME": home])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Appointment \(c.appointment) (10 working days)"), "\(shown.stdout)")
    }

    @Test(arguments: [Holidays.missing, .unreadable]) func withoutItsHolidaysFileNoDossierIsTaken(_ holidays: Holidays) throws {
        let home = try Self.home(holidays)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let dir = try Motcua.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Self.file(on: "2025-01-24", home: home, dir: dir)
        #expect(r.status == 2, "\(r.stdout.suffix(800))")
        #expect(r.stderr.contains("holidays.json"), "\(r.stderr)")
        #expect(r.stderr.contains(holidays == .missing ? "is missing" : "is not readable JSON"), "\(r.stderr)")
        #expect(!r.stdout.contains("GIẤY TIẾP NHẬN"))
        #expect(try Motcua.run(["queue", "status", "--all", "--data-dir", dir]).stdout.contains("TQ01-") == false, "nothing was queued")
    }
}
