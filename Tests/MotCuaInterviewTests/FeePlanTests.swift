import Foundation
import Testing
import MotCuaForms
@testable import MotCuaInterview

/// `FeePlan` (the report's cheap fee path) against `Receipt.fee` over a whole
/// Interview: for every shipped form, its sample answers and variations of
/// every answer the fee can depend on (removed, flipped, changed), on days on
/// both sides of the late-registration thresholds, the two agree exactly.
@Suite struct FeePlanTests {
    static let days = ["2026-11-27", "2026-12-05", "2026-12-06", "2026-12-19", "2026-12-20", "2027-06-01"].compactMap { CalendarDate.parseISO($0) }

    /// Answers differing from `base` in one field the fee plan reads.
    static func variations(_ base: JSONObject, _ form: Form, _ slice: Set<String>) -> [JSONObject] {
        var out = [base]
        for id in slice.sorted() {
            guard let f = form.field(id) else { continue }
            var removed = base
            removed[id] = nil
            out.append(removed)
            var changed = base
            switch f.type {
            case .boolean: changed[id] = .bool(!(base[id]?.boolValue ?? false))
            case .integer, .decimal: changed[id] = .double((base[id]?.doubleValue ?? 0) + 3)
            case .date: changed[id] = .string("2026-08-01")
            case .choice: changed[id] = f.options.last.map { .string($0.value) } ?? .null
            default: continue
            }
            out.append(changed)
        }
        return out
    }

    @Test func feePlanGivesTheReceiptsFeeForEveryShippedForm() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: repoRoot + "/Tests/MotCuaFormsTests/Answers")
            .filter { $0.hasSuffix(".valid.json") }.map { String($0.dropLast(".valid.json".count)) }.sorted()
        #expect(names.count >= 15)
        var compared = 0, expressionFees = 0
        for name in names {
            let data = try #require(FileManager.default.contents(atPath: repoRoot + "/Forms/\(name).json"))
            guard case .success(let loaded) = FormEngine.load(data: data, name: name, lists: ListDirectory(path: repoRoot + "/Forms/lists")) else {
                Issue.record("\(name) did not load"); continue
            }
            let form = loaded.form
            let plan = FeePlan(form: form)
            let answersData = try #require(FileManager.default.contents(atPath: repoRoot + "/Tests/MotCuaFormsTests/Answers/\(name).valid.json"))
            let raw = try #require(try JSONParser.parse(answersData).objectValue)
            let stored = FormEngine.validate(form, answers: .object(raw), messages: vi, today: today).answers.objectValue ?? raw
            if plan.slice != nil { expressionFees += 1 }
            for answers in Self.variations(stored, form, plan.slice ?? []) {
                for day in Self.days {
                    let v = Validator(form: form, context: EvaluationContext(today: day), messages: vi)
                    let whole = Receipt.fee(form: form) { Interview(form: form, validator: v, answers: answers) }
                    let cheap = plan.fee(answers: answers, context: v.context)
                    #expect(cheap == whole, "\(name) on \(day.iso): \(String(describing: cheap)) ≠ \(String(describing: whole))")
                    compared += 1
                }
            }
        }
        #expect(expressionFees >= 10 && compared > 300)
    }

    @Test func thePlanReadsOnlyWhatTheFeeDependsOn() throws {
        let data = try #require(FileManager.default.contents(atPath: repoRoot + "/Forms/khai-sinh.json"))
        guard case .success(let loaded) = FormEngine.load(data: data, name: "khai-sinh", lists: ListDirectory(path: repoRoot + "/Forms/lists")) else {
            Issue.record("khai-sinh did not load"); return
        }
        let slice = try #require(FeePlan(form: loaded.form).slice)
        #expect(slice.isSuperset(of: ["ks_ngay_sinh", "muc_le_phi_qua_han", "cap_ban_sao", "so_luong_ban_sao"]))
        #expect(slice.count < loaded.form.topLevelFields.count / 2)
        // A fixed fee needs no answers at all.
        let fixed = try #require(FileManager.default.contents(atPath: repoRoot + "/Forms/tam-vang.json"))
        guard case .success(let tamVang) = FormEngine.load(data: fixed, name: "tam-vang", lists: ListDirectory(path: repoRoot + "/Forms/lists")) else {
            Issue.record("tam-vang did not load"); return
        }
        #expect(FeePlan(form: tamVang.form).slice == nil)
        #expect(FeePlan(form: tamVang.form).fee(answers: nil, context: EvaluationContext(today: today)) == 0)
    }
    /// A fee whose fields hang on others it does not name: a page shown only
    /// when copies are wanted, a field asked only for one kind, a calculated
    /// rate. The plan must settle those too, or it reads answers an Interview drops.
    static let copies = #"""
    {"format": "motcua-form/1", "id": "ban-sao", "version": "1", "title": "Bản sao",
     "procedure": {"code": "1", "domain": "Hộ tịch", "agency": "UBND xã", "online": "partial", "processingDays": 1,
                   "fee": {"expression": "coalesce(so_ban, 0) * phi_moi_ban + coalesce(phi_them, 0)", "note": "thử"}, "documents": []},
     "pages": [
      {"id": "p1", "title": "Một", "fields": [
        {"id": "can_ban_sao", "type": "boolean", "label": "Cần bản sao?"},
        {"id": "uu_tien", "type": "boolean", "label": "Ưu tiên?"},
        {"id": "loai", "type": "choice", "label": "Loại", "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]}]},
      {"id": "p2", "title": "Hai", "relevant": "can_ban_sao", "fields": [
        {"id": "so_ban", "type": "integer", "label": "Số bản", "relevant": "loai = 'a'"},
        {"id": "phi_moi_ban", "type": "calculate", "label": "Phí mỗi bản", "expression": "if(uu_tien, 4000, 8000)"}]},
      {"id": "p3", "title": "Ba", "fields": [
        {"id": "phi_them", "type": "integer", "label": "Phí thêm", "relevant": "not coalesce(uu_tien, false)"}]}]}
    """#

    @Test func feesHangingOnOtherFieldsAgreeToo() throws {
        guard case .success(let loaded) = FormEngine.load(data: Data(Self.copies.utf8), name: "ban-sao", lists: ListDirectory(path: nil)) else {
            Issue.record("the test form did not load"); return
        }
        let form = loaded.form
        let plan = FeePlan(form: form)
        #expect(plan.slice == ["so_ban", "phi_moi_ban", "phi_them", "can_ban_sao", "uu_tien", "loai"])
        let v = Validator(form: form, context: EvaluationContext(today: today), messages: vi)
        var fees: Set<Int?> = []
        for copies in [true, false] { for first in [true, false] { for kind in ["a", "b"] {
            var answers = JSONObject()
            answers["can_ban_sao"] = .bool(copies); answers["uu_tien"] = .bool(first); answers["loai"] = .string(kind)
            answers["so_ban"] = .int(3); answers["phi_them"] = .int(500)
            let whole = Receipt.fee(form: form) { Interview(form: form, validator: v, answers: answers) }
            #expect(plan.fee(answers: answers, context: v.context) == whole, "\(answers)")
            fees.insert(whole)
        } } }
        #expect(fees.isSuperset(of: [12_000, 24_500, 500]) && fees.count >= 4, "\(fees)")
    }
}
