import Foundation
import MotCuaForms
import MotCuaInterview
import MotCuaStore

/// `motcua dossiers export --format dvc FILE [--day YYYY-MM-DD]`: the records a
/// provincial one-stop system syncs to the national public-service portal
/// (DVCQG, service `DongBoHoSoMC`), one per dossier received here (every
/// dossier of the queue, whatever its delivery state, but one replaced by a
/// correction before delivery), optionally only those
/// received on one day in Viet Nam. Field names and shapes: docs/DELIVERY.md
/// and /work/shared/notes/dvc-sync-record.md (medium confidence).
public enum DVCExport {
    /// TrangThaiHoSo for a dossier received at the desk ("Được tiếp nhận").
    static let receivedStatus = "2"
    /// The appointment (NgayHenTra) is a day; the portal wants a time: the end of office hours.
    static let appointmentTime = "170000"

    public struct Result {
        public var records: [JSONValue]
        public var warnings: [String]
    }

    public static func records(_ store: DossierStore, day: CalendarDate?) throws -> Result {
        let holidays = try Holidays.load()
        let messages = Resources.messages("vi")
        var forms: [String: Form?] = [:]
        var out = Result(records: [], warnings: [])
        // A dossier replaced before delivery is not sent on: its correction carries the same
        // receipt code (MaHoSo) with the answers in force (issue 16).
        for item in try store.queueSummary().items where item.state != .superseded {
            guard let d = try store.details(item.id) else { continue }
            let x = d.dossier
            let received = vietnamTime(x.submittedAt).date
            if let day, received != day { continue }
            let form = forms[x.formHash.hex] ?? load(store, x.formHash)
            forms[x.formHash.hex] = form
            guard let form else {
                out.warnings.append("\(x.receipt): its form copy \(x.formHash.hex.prefix(12))… cannot be read; not exported")
                continue
            }
            if form.procedure?.code == nil { out.warnings.append("\(x.receipt): form \(form.id) names no national procedure code (procedure.code); MaTTHC is empty") }
            out.records.append(record(x, form: form, received: received, holidays: holidays, messages: messages))
        }
        return out
    }

    static func load(_ store: DossierStore, _ hash: Digest) -> Form? {
        let copy = store.directory + "/forms/" + hash.hex + ".json"
        guard let data = FileManager.default.contents(atPath: copy),
              case .success(let loaded) = FormEngine.load(data: data, name: copy, lists: ListDirectory(path: nil)) else { return nil }
        return loaded.form
    }

    /// One dossier's sync record.
    static func record(_ x: Dossier, form: Form, received: CalendarDate, holidays: HolidayCalendar, messages: Messages) -> JSONValue {
        let answers = x.answers.objectValue ?? JSONObject()
        let v = Validator(form: form, context: EvaluationContext(today: received, language: "vi", form: form), messages: messages)
        let facts = Receipt(interview: Interview(form: form, validator: v, answers: answers), received: received, holidays: holidays)
        // The applicant is the form's first name field; their phone its first phone field.
        func first(_ format: TextFormat) -> String {
            form.topLevelFields.first { $0.format == format }.flatMap { answers[$0.id]?.stringValue } ?? ""
        }
        let papers: [JSONValue] = facts.papers.map { p in
            ["TepDinhKemId": "", "TenTepDinhKem": .string(p.label), "IsDeleted": "False", "MaThanhPhanHoSo": .string(p.id), "DuongDanTaiTepTin": ""]
        }
        var fees: [JSONValue] = []
        if let fee = facts.fee, fee > 0 {
            fees.append(["TenPhiLePhi": .string(facts.feeNote ?? "Lệ phí"), "MaPhiLePhi": "", "HinhThucThu": "", "Gia": .int(fee), "LoaiPhiLePhi": ""])
        }
        return [
            "MaHoSo": .string(x.receipt),
            "MaTTHC": .string(form.procedure?.code ?? ""),
            "TenTTHC": .string(form.title.resolve("vi")),
            "TenLinhVuc": .string(form.procedure?.domain?.resolve("vi") ?? ""),
            "ChuHoSo": .string(first(.name)),
            "SoDienThoai": .string(first(.phone)),
            "NgayTiepNhan": .string(dvcTime(x.submittedAt)),
            "NgayHenTra": .string(dvcDate(facts.appointment) + appointmentTime),
            "TrangThaiHoSo": .string(receivedStatus),
            "TaiLieuNop": .array(papers),
            "DanhSachLePhi": .array(fees),
        ]
    }

    /// yyyyMMddHHmmss in Asia/Ho_Chi_Minh (UTC+7, no daylight saving since 1975).
    static func dvcTime(_ t: Timestamp) -> String {
        let secondOfDay = Int(((t.milliseconds + 7 * 3_600_000) / 1000) % 86400)
        return dvcDate(vietnamTime(t).date) + two(secondOfDay / 3600) + two(secondOfDay / 60 % 60) + two(secondOfDay % 60)
    }

    static func dvcDate(_ d: CalendarDate) -> String { String(d.year) + two(d.month) + two(d.day) }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// The file: the adapter's envelope without its session token (the sync job adds it).
    public static func write(_ result: Result, to path: String, agency: String?) throws {
        let envelope: JSONValue = agency.map { ["service": "DongBoHoSoMC", "isUpdating": "False", "madonvi": .string($0), "data": .array(result.records)] }
            ?? ["service": "DongBoHoSoMC", "isUpdating": "False", "data": .array(result.records)]
        // Personal data: owner-only, complete or absent, on disk before "done".
        try PrivateFile.write(Array(envelope.serialized(pretty: true).utf8) + [10], to: path)
    }
}
