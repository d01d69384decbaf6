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
