// A desk without disk for the kiosk app's view tests: the real forms and catalog of the
// repository, the real engine and locale messages, and services that keep drafts, saves
// and the queue in memory, so every screen is driven key by key and read back as text.
import Foundation
import MotCuaForms
import MotCuaInterview
import MotCuaStore
@testable import MotCuaKiosk

let screensRoot: String = {
    var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()
let screensVi = Resources.messages("vi", root: screensRoot)
let screensEn = Resources.messages("en", root: screensRoot)
let screensToday = CalendarDate(year: 2026, month: 11, day: 27)!
let screensCatalog = Catalog.load(formsDirectory: screensRoot + "/Forms").0
let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

/// A small form with the widgets the shipped forms do not use (multichoice, a repeat,
/// several lines of text, a decimal), in Vietnamese.
let householdForm: LoadedForm = {
    let json = #"""
    {"format": "motcua-form/1", "id": "ho-gia-dinh", "version": "1", "title": "Khai báo hộ gia đình",
     "procedure": {"code": "9.999001", "processingDays": 3, "fee": 20000},
     "pages": [
      {"id": "chung", "title": "Thông tin chung", "fields": [
        {"id": "giay_to", "type": "multichoice", "label": "Giấy tờ mang theo", "required": true, "options": [
          {"value": "cccd", "label": "Thẻ căn cước"}, {"value": "so_ho_khau", "label": "Sổ hộ khẩu cũ"},
          {"value": "giay_khai_sinh", "label": "Giấy khai sinh"}]},
        {"id": "dien_tich", "type": "decimal", "label": "Diện tích nhà ở", "unit": "m²", "min": 1},
        {"id": "ghi_chu", "type": "text", "multiline": true, "label": "Ghi chú thêm"}]},
      {"id": "thanh_vien", "title": "Thành viên", "fields": [
        {"id": "nguoi", "type": "repeat", "label": "Những người trong hộ", "required": true, "minCount": 1, "maxCount": 3,
         "itemLabel": "Người thứ ${index}: ${ten}", "fields": [
           {"id": "ten", "type": "text", "label": "Họ và tên", "format": "name", "required": true},
           {"id": "nam_sinh", "type": "date", "precision": "year", "label": "Năm sinh", "required": true}]}]}]}
    """#
    guard case .success(let loaded) = FormEngine.load(data: Data(json.utf8), name: "ho-gia-dinh.json",
                                                       lists: ListDirectory(path: screensRoot + "/Forms/lists")) else {
        fatalError("the test form does not load")
    }
    return loaded
}()

/// Keeps what the app would write to disk, and answers its questions from memory.
final class FakeDesk {
    var saves: [JSONObject] = []
    var submitted: [JSONObject] = []
    var drafts: [String: (form: String, answers: JSONObject, name: String?)] = [:]
    var discarded: [String] = []
    var queue = QueueOverview(counts: [.queued: 2, .delivered: 5, .failed: 1, .setAside: 1], attention: [
        QueueLine(receipt: "TQ01-261126-0003", formID: "khai-sinh", state: .setAside,
                  reason: "form khai-sinh 2024.1 is no longer accepted"),
        QueueLine(receipt: "TQ01-261127-0001", formID: "ket-hon", state: .failed, attempts: 2,
                  reason: "core store is full", nextRetry: "10:15 27/11/2026"),
    ], storedDossiers: 5)
    var deliveries = 0
    var saveFails = false
    /// Settings of the receipt: a tracking URL template and a VietQR payment.
    var trackingURL: String? = nil
    var payment: String? = nil

    func form(_ id: String) -> Form {
        if id == householdForm.form.id { return householdForm.form }
        guard let form = screensCatalog.entry(id: id)?.form else { fatalError("no form \(id)") }
        return form
    }

    func interview(_ formID: String, _ answers: JSONObject = JSONObject(), language: String = "vi") -> Interview {
        let form = form(formID)
        let m = language == "en" ? screensEn : screensVi
        let v = Validator(form: form, context: EvaluationContext(today: screensToday, language: language, form: form), messages: m)
        return Interview(form: form, validator: v, answers: answers)
    }

    func session(_ i: Interview, id: String = "0b7d5a4e-draft") -> FormSession {
        FormSession(interview: i, draftID: id, save: { [self] i in
            if saveFails { throw StoreError.invalidArgument("disk full") }
            saves.append(i.answers)
        }, submit: { [self] i in
            submitted.append(i.answers)
            var r = Receipt(interview: i, code: "TQ01-261127-0007", dossierID: id, received: screensToday, holidays: HolidayCalendar(daysOff: [:]))
            r.tracking = trackingURL.map { $0.replacingOccurrences(of: "{code}", with: r.code) } ?? r.code
            r.paymentPayload = payment
            return r
        })
    }

    var services: KioskServices {
        var s = KioskServices(
            messages: { $0 == "en" ? screensEn : screensVi },
            searchProcedures: { query, language in
                screensCatalog.procedureItems(query, language: language, messages: language == "en" ? screensEn : screensVi, limit: 50)
            },
            drafts: { [self] language in
                drafts.keys.sorted().map { id in
                    let d = drafts[id]!
                    return DraftItem(id: id, procedure: screensCatalog.entry(id: d.form)?.title(language) ?? d.form,
                                     applicant: d.name, updated: "09:15 27/11/2026")
                }
            },
            discardDraft: { [self] id in discarded.append(id); drafts[id] = nil },
            startForm: { [self] id, language in session(interview(id, language: language)) },
            resumeDraft: { [self] id, language in
                guard let d = drafts[id] else { throw StoreError.notFound("no draft \(id)") }
                return session(interview(d.form, d.answers, language: language), id: id)
            },
            queue: { [self] in queue },
            deliver: { [self] in
                deliveries += 1
                return DeliverySummary(delivered: 2, failed: 1, setAside: 0, waiting: 0)
            })
        s.procedureTitle = { id, language in screensCatalog.entry(id: id)?.title(language) ?? id }
        return s
    }
}

extension KioskApp {
    mutating func press(_ keys: Key...) { for k in keys { _ = update(.key(k)) } }
    mutating func type(_ text: String) { for k in Key.typing(text) { _ = update(.key(k)) } }
    /// The interview screen's engine state (nil when another screen is on show).
    var interview: Interview? {
        if case .interview(let s) = route { return s.interview }
        return nil
    }
}

/// Answers of khai-sinh's first page, as a resumed draft holds them.
let khaiSinhFirstPage = JSONObject([
    ("co_quan_tinh", "08"), ("co_quan_xa", "02425"), ("nyc_ho_ten", "Nguyễn Thị Hòa"), ("nyc_cccd", "008190012345"),
    ("nyc_dien_thoai", "0912345678"), ("nyc_quan_he", "me"),
])
