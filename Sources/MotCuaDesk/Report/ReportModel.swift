import Foundation
import MotCuaForms
import MotCuaInterview
import MotCuaStore

/// What `motcua report` groups its rows by.
public enum ReportGrouping: String, CaseIterable, Sendable {
    case day, procedure, `operator`, channel
}

/// One row's numbers. Fees are in đồng.
public struct ReportRow: Equatable, Sendable {
    public var received = 0, delivered = 0, corrected = 0, setAside = 0
    public var fees = 0, appointmentsDue = 0, overdue = 0

    public init(received: Int = 0, delivered: Int = 0, corrected: Int = 0, setAside: Int = 0, fees: Int = 0,
                appointmentsDue: Int = 0, overdue: Int = 0) {
        self.received = received; self.delivered = delivered; self.corrected = corrected; self.setAside = setAside
        self.fees = fees; self.appointmentsDue = appointmentsDue; self.overdue = overdue
    }

    public var isEmpty: Bool { self == ReportRow() }

    public static func + (a: ReportRow, b: ReportRow) -> ReportRow {
        ReportRow(received: a.received + b.received, delivered: a.delivered + b.delivered, corrected: a.corrected + b.corrected,
                  setAside: a.setAside + b.setAside, fees: a.fees + b.fees, appointmentsDue: a.appointmentsDue + b.appointmentsDue,
                  overdue: a.overdue + b.overdue)
    }
}

/// A desk's numbers over Viet Nam days `from...to`, computed from queue.log
/// alone (the journal: every submit, import and state change, with its time
/// and operator) plus the form copies the dossiers name, never from the
/// queue snapshot or the store index.
///
/// - received: dossiers submitted (or, for imports, submitted on the other
///   kiosk) on a day of the period, by the citizen's submit time;
/// - delivered / set aside: `delivered` / `set-aside` journal records of the period;
/// - corrected: correction records of the period (a record of kind `correct`
///   or `supplement`, or a submit naming the dossier it corrects: `supersedes`,
///   as a correction made at the desk is written, counted on the day received);
/// - fees due: the receipt's fee (Receipt, from the stored form copy, as
///   of the day received) of the dossiers received in the period;
/// - appointments due: dossiers whose appointment (working days after the
///   day received, public holidays skipped) falls in the period; overdue:
///   those among them whose appointment day is before `today` and which had
///   not reached the core store (delivered) by the end of that day.
///
/// Rows: by the day of the event (received, delivered, appointment...), by
/// form id, by the operator who recorded the event (the journal's `op`,
/// which the audit trail copies), or by channel (`desk` for a dossier
/// submitted on this kiosk, `import` for one carried in a bundle).
public struct Report: Sendable {
    public var from: CalendarDate
    public var to: CalendarDate
    public var by: ReportGrouping
    public var today: CalendarDate
    public var rows: [(key: String, row: ReportRow)] = []
    public var total = ReportRow()
    /// Dossiers whose form copy could not be read: counted, but without fee or appointment.
    public var withoutForm = 0

    /// Kinds of correction records and the header members that make a submit a correction.
    public static let correctionKinds: Set<String> = ["correct", "supplement", "correction"]
    public static let predecessorKeys = ["supersedes", "corrects", "supplements", "predecessor", "replaces"]

    private struct Seen {
        var procedure: String
        var operatorID: String
        var channel: String
        var appointment: Int?
        var deliveredDay: Int?
    }

    private struct ValidatorKey: Hashable {
        var form: Digest?
        var day: Int
    }

    private struct FormFacts {
        var form: Form
        var processingDays: Int
    }

    public static func vietnamDay(_ t: Timestamp) -> Int {
        let day: Int64 = 86_400_000
        let local = t.milliseconds + 7 * 3_600_000
        return Int(local >= 0 ? local / day : (local - day + 1) / day)
    }

    public init(store: DossierStore, from: CalendarDate, to: CalendarDate, by: ReportGrouping, today: CalendarDate,
         holidays: HolidayCalendar) throws {
        self.from = from
        self.to = to
        self.by = by
        self.today = today
        let range = from.dayNumber...to.dayNumber
        let messages = Resources.messages("vi")
        var forms: [Digest: FormFacts?] = [:]
        var seen: [String: Seen] = [:]
        var table: [String: ReportRow] = [:]
        var appointments: [Int: [Int: Int]] = [:]  // processing days → day received → appointment
        var missing = 0
        var validators: [ValidatorKey: Validator] = [:]  // one per form and day received

        func key(day: Int, _ s: Seen, op: String) -> String {
            switch by {
            case .day: CalendarDate(dayNumber: day).iso
            case .procedure: s.procedure
            case .operator: op
            case .channel: s.channel
            }
        }

        try store.readJournal { e, body in
            let day = Report.vietnamDay(e.at)
            if let submitted = e.submittedAt, let id = e.dossierID {
                guard seen[id] == nil else { return }  // verify reports a second submit of one id
                let received = Report.vietnamDay(submitted)
                var facts: FormFacts?? = nil
                if let hash = e.formHash {
                    if let known = forms[hash] { facts = known } else {
                        let loaded = store.formCopy(hash).flatMap { data -> FormFacts? in
                            guard case .success(let f) = FormEngine.load(data: data, name: hash.hex, lists: ListDirectory(path: nil)) else { return nil }
                            return FormFacts(form: f.form, processingDays: f.form.procedure?.processingDays ?? 0)
                        }
                        forms[hash] = .some(loaded)
                        facts = .some(loaded)
                    }
                }
                let form = facts ?? nil
                var s = Seen(procedure: e.formID ?? "?", operatorID: e.operatorID,
                             channel: e.kind == "import" ? "import" : "desk", appointment: nil, deliveredDay: nil)
                if let form {
                    let n = form.processingDays
                    if let a = appointments[n]?[received] { s.appointment = a } else {
                        let a = holidays.adding(workingDays: n, to: CalendarDate(dayNumber: received)).dayNumber
                        appointments[n, default: [:]][received] = a
                        s.appointment = a
                    }
                }
                seen[id] = s
                let isCorrection = Report.predecessorKeys.contains { e.header[$0]?.stringValue != nil }
                if range.contains(received) {
                    var row = ReportRow(received: 1, corrected: isCorrection ? 1 : 0)
                    if let form {
                        row.fees = Report.fee(form.form, body: body) {
                            let k = ValidatorKey(form: e.formHash, day: received)
                            if let v = validators[k] { return v }
                            let d = CalendarDate(dayNumber: received)
                            let v = Validator(form: form.form, context: EvaluationContext(today: d, language: "vi", form: form.form), messages: messages)
                            validators[k] = v
                            return v
                        }
                    } else {
                        missing += 1
                    }
                    table[key(day: received, s, op: e.operatorID), default: ReportRow()] = table[key(day: received, s, op: e.operatorID), default: ReportRow()] + row
                }
                return
            }
            guard let id = e.dossierID, var s = seen[id] else { return }
            var row = ReportRow()
            switch e.kind {
            case "delivered":
                if s.deliveredDay == nil { s.deliveredDay = day; seen[id] = s }
                row.delivered = 1
            case "set-aside": row.setAside = 1
            case let k where Report.correctionKinds.contains(k): row.corrected = 1
            default: return
            }
            guard range.contains(day) else { return }
            table[key(day: day, s, op: e.operatorID), default: ReportRow()] = table[key(day: day, s, op: e.operatorID), default: ReportRow()] + row
        }
        for s in seen.values {
            guard let a = s.appointment, range.contains(a) else { continue }
            let late = a < today.dayNumber && (s.deliveredDay.map { $0 > a } ?? true)
            let row = ReportRow(appointmentsDue: 1, overdue: late ? 1 : 0)
            table[key(day: a, s, op: s.operatorID), default: ReportRow()] = table[key(day: a, s, op: s.operatorID), default: ReportRow()] + row
        }
        rows = table.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { (key: $0.key, row: $0.value) }
        total = rows.reduce(ReportRow()) { $0 + $1.row }
        withoutForm = missing
    }

    /// The receipt's fee for a dossier: the one place that knows is Receipt.
    /// A fixed amount needs no answers; an expression is evaluated over them.
    /// Only an expression fee parses the body, and then only its answers feed
    /// an Interview (for the values the expression reads: relevance and
    /// calculated fields); the Validator comes from `validator`, made once per
    /// form and day by the caller. No Receipt is built: papers, names and
    /// texts are not needed here.
    public static func fee(_ form: Form, body: UnsafeRawBufferPointer?, validator: () -> Validator) -> Int {
        Receipt.fee(form: form) {
            guard let body, let json = try? JSONParser.parse(Data(body)), let answers = json["answers"]?.objectValue else { return nil }
            return Interview(form: form, validator: validator(), answers: answers)
        } ?? 0
    }
}
