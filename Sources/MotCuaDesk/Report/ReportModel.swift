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
/// queue snapshot or the store index. What each record says is kept in
/// `report-summary` (ReportFacts.swift), derived from the journal alone and
/// rebuilt from it when missing or stale, so only the journal's new records
/// are read; deleting it gives the same numbers.
///
/// - received: dossiers submitted (or, for imports, submitted on the other
///   kiosk) on a day of the period, by the citizen's submit time;
/// - delivered / set aside: `delivered` / `set-aside` journal records of the period;
/// - corrected: correction records of the period (a record of kind `correct`
///   or `supplement`, or a submit naming the dossier it corrects: `supersedes`,
///   as a correction made at the desk is written, counted on the day received);
/// - fees due: the receipt's fee (Receipt, from the stored form copy, as
///   of the day received) of the dossiers received in the period; a
///   correction owes none (its chain's first version carries the fee);
/// - appointments due: dossiers (the latest version of a corrected one) whose appointment (working days after the
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

    public static func vietnamDay(_ t: Timestamp) -> Int {
        let day: Int64 = 86_400_000
        let local = t.milliseconds + 7 * 3_600_000
        return Int(local >= 0 ? local / day : (local - day + 1) / day)
    }

    public init(store: DossierStore, from: CalendarDate, to: CalendarDate, by: ReportGrouping, today: CalendarDate,
         holidays: HolidayCalendar) throws {
        self.init(facts: try ReportSummary.facts(store), from: from, to: to, by: by, today: today, holidays: holidays)
    }

    /// The report of the journal's `facts` (ReportSummary.facts gives them).
    init(facts: [ReportFact], from: CalendarDate, to: CalendarDate, by: ReportGrouping, today: CalendarDate,
         holidays: HolidayCalendar) {
        self.from = from
        self.to = to
        self.by = by
        self.today = today
        let range = from.dayNumber...to.dayNumber
        var seen: [String: Seen] = [:]
        var table: [String: ReportRow] = [:]
        var appointments: [Int: [Int: Int]] = [:]  // processing days → day received → appointment
        var missing = 0

        var dayKeys: [Int: String] = [:]  // a few hundred days for 100,000 dossiers: format each once
        func key(day: Int, _ s: Seen, op: String) -> String {
            switch by {
            case .day:
                if let k = dayKeys[day] { return k }
                let k = CalendarDate(dayNumber: day).iso
                dayKeys[day] = k
                return k
            case .procedure: return s.procedure
            case .operator: return op
            case .channel: return s.channel
            }
        }

        seen.reserveCapacity(facts.count)  // growing it step by step was a fifth of a warm report
        for e in facts {
            if e.kind == .dossier {
                guard seen[e.id] == nil else { continue }  // verify reports a second submit of one id
                let received = e.day
                var s = Seen(procedure: e.procedure, operatorID: e.operatorID,
                             channel: e.imported ? "import" : "desk", appointment: nil, deliveredDay: nil)
                if let n = e.processingDays {
                    if let a = appointments[n]?[received] { s.appointment = a } else {
                        let a = holidays.adding(workingDays: n, to: CalendarDate(dayNumber: received)).dayNumber
                        appointments[n, default: [:]][received] = a
                        s.appointment = a
                    }
                }
                seen[e.id] = s
                // A correction replaces its predecessor's appointment (the dossier is processed
                // from the new version) but owes no second fee: the chain's first version carries it.
                if let p = e.replaces { seen[p]?.appointment = nil }
                if range.contains(received) {
                    var row = ReportRow(received: 1, corrected: e.correction ? 1 : 0)
                    if e.processingDays != nil { row.fees = e.correction ? 0 : e.fee } else { missing += 1 }
                    table[key(day: received, s, op: e.operatorID), default: ReportRow()] = table[key(day: received, s, op: e.operatorID), default: ReportRow()] + row
                }
                continue
            }
            guard var s = seen[e.id] else { continue }
            var row = ReportRow()
            switch e.kind {
            case .delivered:
                if s.deliveredDay == nil { s.deliveredDay = e.day; seen[e.id] = s }
                row.delivered = 1
            case .setAside: row.setAside = 1
            case .corrected: row.corrected = 1
            case .dossier: continue
            }
            guard range.contains(e.day) else { continue }
            table[key(day: e.day, s, op: e.operatorID), default: ReportRow()] = table[key(day: e.day, s, op: e.operatorID), default: ReportRow()] + row
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

    /// How a dossier's body is read for its fee: only the answers the fee
    /// reads (`JSONParser.members`, the parser's fast path: what a report
    /// does), or parsed whole (the reference the fast path is held equal to).
    enum BodyReading { case feeAnswers, whole }

    /// The receipt's fee for a dossier: the one place that knows is Receipt,
    /// through the form's FeePlan (the fields the fee depends on, settled as
    /// an Interview settles them, without building one per dossier). A fixed
    /// amount needs no answers; only an expression fee reads the body, and
    /// of it only the answers the plan names. The Validator (for its
    /// evaluation context) comes from `validator`, made once per form and
    /// day by the caller.
    static func fee(_ plan: FeePlan, body: UnsafeRawBufferPointer?, reading: BodyReading = .feeAnswers,
                    validator: () -> Validator) -> Int {
        plan.fee(answers: body.flatMap { body -> JSONObject? in
                     switch reading {
                     case .feeAnswers: try? JSONParser.members(plan.answerIDs, of: "answers", in: body)
                     case .whole: (try? JSONParser.parse(Data(body)))?["answers"]?.objectValue
                     }
                 },
                 context: validator().context) ?? 0
    }
}
