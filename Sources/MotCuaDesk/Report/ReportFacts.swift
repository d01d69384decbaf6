import Foundation
import MotCuaForms
import MotCuaInterview
import MotCuaStore

/// One record of queue.log as the report counts it: what a record says, with
/// what the form copy it names adds (fee, processing days), and nothing that
/// depends on the report asked (period, grouping, today, holidays). Derived
/// from the journal alone, so `report-summary` can keep them: a rebuildable
/// per-record summary, validated as the queue snapshot is and rebuilt from
/// the logs when missing, damaged or stale.
struct ReportFact: Equatable {
    enum Kind: UInt8 { case dossier = 1, delivered, setAside, corrected }
    var kind: Kind
    var id: String
    /// The Viet Nam day received (a dossier) or of the record (an event).
    var day: Int
    var operatorID: String
    // A dossier's only:
    var procedure = ""
    var imported = false
    var correction = false
    /// The dossier this one corrects or supplements, when the record names it.
    var replaces: String?
    /// Nil when the form copy could not be read (no fee, no appointment).
    var processingDays: Int?
    var fee = 0
}

/// Turns journal records into facts: the form copies and validators they
/// need are loaded once per form (and day, for the validator's `today`).
struct ReportFactMaker {
    private struct FormFacts {
        var form: Form
        var processingDays: Int
        var fee: FeePlan
    }

    private struct ValidatorKey: Hashable {
        var form: Digest?
        var day: Int
    }

    let store: DossierStore
    let messages = Resources.messages("vi")
    /// `.whole` only for the reference the tests compare the report's own reading with.
    let reading: Report.BodyReading
    private var forms: [Digest: FormFacts?] = [:]
    private var validators: [ValidatorKey: Validator] = [:]

    init(store: DossierStore, reading: Report.BodyReading = .feeAnswers) {
        self.store = store
        self.reading = reading
    }

    mutating func fact(_ e: JournalEntry, body: UnsafeRawBufferPointer?) -> ReportFact? {
        guard let id = e.dossierID else { return nil }
        if let submitted = e.submittedAt {
            let received = Report.vietnamDay(submitted)
            var form: FormFacts?
            if let hash = e.formHash {
                if let known = forms[hash] { form = known } else {
                    form = store.formCopy(hash).flatMap { data -> FormFacts? in
                        guard case .success(let f) = FormEngine.load(data: data, name: hash.hex, lists: ListDirectory(path: nil)) else { return nil }
                        return FormFacts(form: f.form, processingDays: f.form.procedure?.processingDays ?? 0, fee: FeePlan(form: f.form))
                    }
                    forms[hash] = .some(form)
                }
            }
            var f = ReportFact(kind: .dossier, id: id, day: received, operatorID: e.operatorID, procedure: e.formID ?? "?",
                               imported: e.kind == "import",
                               correction: Report.predecessorKeys.contains { e.header[$0]?.stringValue != nil })
            f.replaces = Report.predecessorKeys.lazy.compactMap { e.header[$0]?.stringValue }.first
            if let form {
                f.processingDays = form.processingDays
                f.fee = Report.fee(form.fee, body: body, reading: reading) {
                    let k = ValidatorKey(form: e.formHash, day: received)
                    if let v = validators[k] { return v }
                    let d = CalendarDate(dayNumber: received)
                    let v = Validator(form: form.form, context: EvaluationContext(today: d, language: "vi", form: form.form), messages: messages)
                    validators[k] = v
                    return v
                }
            }
            return f
        }
        let kind: ReportFact.Kind
        switch e.kind {
        case "delivered": kind = .delivered
        case "set-aside": kind = .setAside
        case let k where Report.correctionKinds.contains(k): kind = .corrected
        default: return nil
        }
        return ReportFact(kind: kind, id: id, day: Report.vietnamDay(e.at), operatorID: e.operatorID)
    }
}

/// `report-summary`: the facts of queue.log up to a journal position.
enum ReportSummary {
    static let name = "report-summary"
    static let kind: UInt8 = 16
    /// Bump when what a fact means changes (a fee rule, a new kind): older summaries are then rebuilt.
    static let version = 2  // 2: a correction names the dossier it replaces

    /// The facts of the whole journal: the summary's, then the records after
    /// it (all of them when the summary is missing or stale), saving a new
    /// summary when anything was read from the journal.
    static func facts(_ store: DossierStore) throws -> [ReportFact] {
        let saved = store.readDerived(name, kind: kind).flatMap { pos, r -> (JournalPosition, [ReportFact])? in
            var r = r
            return (try? decode(&r)).map { (pos, $0) }
        }
        var maker = ReportFactMaker(store: store)
        var tail: [ReportFact] = []
        var read = 0
        let (fromStart, end) = try store.readJournal(after: saved?.0) { e, body in
            read += 1
            if let f = maker.fact(e, body: body) { tail.append(f) }
        }
        let facts = fromStart ? tail : (saved?.1 ?? []) + tail
        if fromStart || read > 0 { try? store.writeDerived(name, kind: kind, position: end, body: encode(facts)) }
        return facts
    }

    static func encode(_ facts: [ReportFact]) -> ByteWriter {
        var strings: [String] = []
        var index: [String: UInt32] = [:]
        func intern(_ s: String) -> UInt32 {
            if let i = index[s] { return i }
            index[s] = UInt32(strings.count)
            strings.append(s)
            return UInt32(strings.count - 1)
        }
        var records = ByteWriter()
        for f in facts {
            records.u8(f.kind.rawValue)
            records.string(f.id)
            records.int(f.day)
            records.u32(intern(f.operatorID))
            guard f.kind == .dossier else { continue }
            records.u32(intern(f.procedure))
            records.u8((f.imported ? 1 : 0) | (f.correction ? 2 : 0) | (f.processingDays != nil ? 4 : 0))
            records.int(f.processingDays ?? 0)
            records.int(f.fee)
            if f.correction { records.string(f.replaces ?? "") }
        }
        var w = ByteWriter()
        w.int(version)
        w.strings(strings)
        w.int(facts.count)
        w.bytes += records.bytes
        return w
    }

    static func decode(_ r: inout ByteReader) throws -> [ReportFact] {
        guard try r.int() == version else { throw ByteReader.Overrun() }
        let strings = try r.strings()
        func string(_ i: UInt32) throws -> String {
            guard Int(i) < strings.count else { throw ByteReader.Overrun() }
            return strings[Int(i)]
        }
        let n = try r.int()
        guard n >= 0 else { throw ByteReader.Overrun() }
        var facts: [ReportFact] = []
        facts.reserveCapacity(min(n, 1 << 16))  // n is read from the file: never trusted for memory
        for _ in 0..<n {
            guard let kind = ReportFact.Kind(rawValue: try r.u8()) else { throw ByteReader.Overrun() }
            var f = ReportFact(kind: kind, id: try r.string(), day: try r.int(), operatorID: try string(r.u32()))
            if kind == .dossier {
                f.procedure = try string(r.u32())
                let flags = try r.u8()
                let days = try r.int()
                f.imported = flags & 1 != 0
                f.correction = flags & 2 != 0
                f.processingDays = flags & 4 != 0 ? days : nil
                f.fee = try r.int()
                if f.correction {
                    let p = try r.string()
                    f.replaces = p.isEmpty ? nil : p
                }
            }
            facts.append(f)
        }
        return facts
    }
}
