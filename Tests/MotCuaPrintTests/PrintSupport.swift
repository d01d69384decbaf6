import Foundation
import MotCuaTestSupport
import Testing
import MotCuaForms
import MotCuaInterview
import MotCuaPrint
import MotCuaQR

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let dejaVuPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
let vi = Resources.messages("vi", root: repoRoot)

struct FormDidNotLoad: Error {}

/// The criminal-record form's sample answers as a receipt: a name with
/// "oà", an address with commune and province, a phone, a fee, two codes.
func sampleReceipt() throws -> Receipt {
    let data = try #require(FileManager.default.contents(atPath: repoRoot + "/Forms/ly-lich-tu-phap.json"))
    guard case .success(let loaded) = FormEngine.load(data: data, name: "ly-lich-tu-phap", lists: ListDirectory(path: repoRoot + "/Forms/lists")) else {
        throw FormDidNotLoad()
    }
    let answersData = try #require(FileManager.default.contents(atPath: repoRoot + "/Tests/MotCuaFormsTests/Answers/ly-lich-tu-phap.valid.json"))
    let answers = try #require(try JSONParser.parse(answersData).objectValue)
    let day = try #require(CalendarDate(year: 2026, month: 12, day: 4))
    let v = Validator(form: loaded.form, context: EvaluationContext(today: day), messages: vi)
    let i = Interview(form: loaded.form, validator: v, answers: answers)
    var r = Receipt(interview: i, code: "HD01-261204-0042", dossierID: "d-3f2a9c1e", received: day,
                    receivedAt: "09:41 04/12/2026", holidays: HolidayCalendar(daysOff: [:]), officer: "Lường Văn Quý")
    r.agency = "Ủy ban nhân dân xã Mỹ Lâm"
    r.tracking = "https://dichvucong.tuyenquang.gov.vn/tra-cuu?ma=" + r.code
    let payee = try VietQRPayee(bankBIN: "970415", accountNumber: "113366668888")
    r.paymentPayload = try VietQR.feePayload(payee: payee, amountVND: r.fee ?? 0, receiptCode: r.code, purpose: "LE PHI " + r.code)
    return r
}

/// Runs a program to its end; its standard output, or nil when it failed.
func run(_ program: String, _ args: [String]) throws -> String? {
    let r = try ExternalTool.run(program, args)
    return r.status == 0 ? r.stdout : nil
}

func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "motcua-print-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
