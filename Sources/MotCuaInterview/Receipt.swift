import MotCuaForms

/// The public holidays of `Forms/lists/holidays.json`: days off, and
/// weekend days worked in exchange.
public struct HolidayCalendar: Sendable {
    public let daysOff: Set<Int>
    public let workingWeekendDays: Set<Int>
    public let names: [Int: String]

    public init(daysOff: [CalendarDate: String], workingDays: [CalendarDate] = []) {
        self.daysOff = Set(daysOff.keys.map(\.dayNumber))
        workingWeekendDays = Set(workingDays.map(\.dayNumber))
        names = Dictionary(daysOff.map { ($0.key.dayNumber, $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    /// Reads the data file's JSON (`{"days_off": [{"date", "name"}], "working_days": [...]}`).
    public init(json: JSONValue) {
        var off: [CalendarDate: String] = [:]
        for d in json["days_off"]?.arrayValue ?? [] {
            if let s = d["date"]?.stringValue, let date = CalendarDate.parseISO(s, precision: .day) { off[date] = d["name"]?.stringValue ?? "" }
        }
        let work = (json["working_days"]?.arrayValue ?? []).compactMap { $0["date"]?.stringValue.flatMap { CalendarDate.parseISO($0, precision: .day) } }
        self.init(daysOff: off, workingDays: work)
    }

    public func isWorkingDay(_ d: CalendarDate) -> Bool {
        if workingWeekendDays.contains(d.dayNumber) { return true }
        return d.weekday < 5 && !daysOff.contains(d.dayNumber)
    }

    /// The date `n` working days after `start` (the day received does not
    /// count); with n = 0, `start` itself or the next working day.
    public func adding(workingDays n: Int, to start: CalendarDate) -> CalendarDate {
        var d = start
        if n == 0 {
            while !isWorkingDay(d) { d = d.adding(days: 1) }
            return d
        }
        var left = n
        while left > 0 {
            d = d.adding(days: 1)
            if isWorkingDay(d) { left -= 1 }
        }
        return d
    }
}

/// What the receipt says beyond the dossier's id and code: the procedure,
/// the appointment date, the fee and the papers to hand in.
public struct ReceiptFacts: Sendable, Equatable {
    public var procedure: String
    public var procedureCode: String?
    public var received: CalendarDate
    public var appointment: CalendarDate
    public var processingDays: Int
    public var fee: Int?
    public var feeNote: String?
    public var documents: [String]
    /// The ids of `documents` (a procedure's `documents[].id`), in the same order.
    public var documentIDs: [String] = []

    public init(interview: Interview, received: CalendarDate, holidays: HolidayCalendar) {
        let form = interview.form
        procedure = interview.text(form.title)
        procedureCode = form.procedure?.code
        self.received = received
        processingDays = form.procedure?.processingDays ?? 0
        appointment = holidays.adding(workingDays: processingDays, to: received)
        let scope = Scope(values: interview.values)
        let ctx = interview.validator.context
        switch form.procedure?.fee {
        case .amount(let a)?: fee = a
        case .expression(let e, let note)?:
            if case .number(let d) = Evaluator.evaluate(e, scope, ctx) { fee = Int(d.rounded()) }
            feeNote = note.map { interview.text($0) }
        case nil: fee = nil
        }
        let papers = (form.procedure?.documents ?? []).filter { interview.validator.isRequired($0.required, scope) }
        documents = papers.map { interview.text($0.label) }
        documentIDs = papers.map(\.id)
    }
}

/// "200.000 đ": amounts as Vietnamese write them.
public func formatVND(_ amount: Int) -> String {
    let digits = String(abs(amount))
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out += "." }
        out.append(c)
    }
    return (amount < 0 ? "-" : "") + out + " đ"
}
