// What the kiosk's "Hôm nay" screen shows: today's numbers, exactly those of
// `motcua report --from TODAY --to TODAY` (one `Report`, by operator and by procedure),
// and today's dossiers one by one with the state the outbox gives them. Receipt codes,
// form ids and operator ids only: no citizen's name, id number or answer reaches it.
import MotCuaForms
import MotCuaInterview
import MotCuaStore

/// One dossier received today, as an officer sees it on the "Hôm nay" screen.
public struct TodayDossier: Hashable, Sendable {
    public var receipt: String
    public var formID: String
    /// The operator id the submit record names ("unknown" when none).
    public var operatorID: String
    public var state: QueueItemState
    /// Why it failed or was set aside, when it was.
    public var reason: String?
    /// Submitted as a correction of another dossier (`supersedes`).
    public var corrects: Bool

    public init(receipt: String, formID: String, operatorID: String, state: QueueItemState, reason: String? = nil, corrects: Bool = false) {
        self.receipt = receipt; self.formID = formID; self.operatorID = operatorID
        self.state = state; self.reason = reason; self.corrects = corrects
    }
}

/// Today at this desk (an Asia/Ho_Chi_Minh day).
public struct DeskToday: Sendable {
    public var day: CalendarDate
    public var byOperator: Report
    public var byProcedure: Report
    /// Dossiers received today, in the order they were submitted.
    public var dossiers: [TodayDossier]

    public init(day: CalendarDate, byOperator: Report, byProcedure: Report, dossiers: [TodayDossier]) {
        self.day = day; self.byOperator = byOperator; self.byProcedure = byProcedure; self.dossiers = dossiers
    }

    /// Computed as `motcua report` computes it (the journal and form copies), the
    /// states from the outbox.
    public init(store: DossierStore, now: Timestamp = .now, holidays: HolidayCalendar) throws {
        let today = CalendarDate(dayNumber: Report.vietnamDay(now))
        day = today
        byOperator = try Report(store: store, from: today, to: today, by: .operator, today: today, holidays: holidays)
        byProcedure = try Report(store: store, from: today, to: today, by: .procedure, today: today, holidays: holidays)
        var received: [(id: String, op: String, corrects: Bool)] = []
        var seen: Set<String> = []
        try store.readJournal { e, _ in
            guard let submitted = e.submittedAt, let id = e.dossierID, Report.vietnamDay(submitted) == today.dayNumber,
                  seen.insert(id).inserted else { return }
            received.append((id, e.operatorID, Report.predecessorKeys.contains { e.header[$0]?.stringValue != nil }))
        }
        let items = Dictionary(try store.queueSummary().items.map { ($0.id, $0) }) { a, _ in a }
        dossiers = received.compactMap { r in
            guard let item = items[r.id] else { return nil }
            return TodayDossier(receipt: item.receipt, formID: item.formID, operatorID: r.op, state: item.state,
                                reason: item.state == .failed || item.state == .setAside ? item.lastError : nil, corrects: r.corrects)
        }
    }
}
