/// A calendar day (or month, or year) with no time and no time zone, so that
/// dates never drift across midnight. Arithmetic goes through a day number
/// (days since 1970-01-01 in the proleptic Gregorian calendar).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Precision: String, Sendable { case day, month, year }

    // Stored small (7 bytes, not 25): a date is a case of `Value`, and every
    // value the validator copies is as large as its largest case.
    private let storedYear: Int32
    private let storedMonth: UInt8
    private let storedDay: UInt8
    public let precision: Precision

    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }

    /// A checked date; nil when the day does not exist (31/04, 29/02/2023).
    public init?(year: Int, month: Int = 1, day: Int = 1, precision: Precision = .day) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        storedYear = Int32(year); storedMonth = UInt8(month); storedDay = UInt8(day); self.precision = precision
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        // Clamped, never trapping: callers keep within ±4 million days of a real date.
        storedYear = Int32(clamping: yoe + era * 400 + (m <= 2 ? 1 : 0))
        storedMonth = UInt8(m); storedDay = UInt8(d); precision = .day
    }

    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    public func adding(days n: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + n) }

    /// Adds calendar months, keeping the day where it exists (31/01 + 1 month = 28 or 29/02).
    public func adding(months n: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + n
        let y = total / 12, m = total % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.daysIn(month: m, year: y)), precision: precision)
            ?? self
    }

    /// Whole years from `self` to `other`: a person born on 29/02 turns a year older on 01/03 in common years.
    public func wholeYears(until other: CalendarDate) -> Int {
        if other < self { return -other.wholeYears(until: self) }
        var y = other.year - year
        if (other.month, other.day) < (month, day) { y -= 1 }
        return y
    }

    /// Whole months from `self` to `other` (a month is complete when the day of month is reached).
    public func wholeMonths(until other: CalendarDate) -> Int {
        if other < self { return -other.wholeMonths(until: self) }
        var m = (other.year - year) * 12 + (other.month - month)
        if other.day < day { m -= 1 }
        return m
    }

    /// ISO 8601 as stored in dossiers: "2024-03-05", "2024-03" or "2024".
    public var iso: String {
        let y = pad(year, 4), m = pad(month, 2), d = pad(day, 2)
        switch precision {
        case .day: return "\(y)-\(m)-\(d)"
        case .month: return "\(y)-\(m)"
        case .year: return y
        }
    }

    /// As a person reads it in Vietnam: "05/03/2024", "03/2024" or "2024".
    public var display: String {
        switch precision {
        case .day: return "\(pad(day, 2))/\(pad(month, 2))/\(pad(year, 4))"
        case .month: return "\(pad(month, 2))/\(pad(year, 4))"
        case .year: return pad(year, 4)
        }
    }

    public var description: String { iso }

    /// Parses ISO "YYYY-MM-DD", "YYYY-MM" or "YYYY"; `precision` (when given) must match.
    public static func parseISO(_ s: String, precision: Precision? = nil) -> CalendarDate? {
        // Byte walk: dates are parsed for every date answer of every dossier.
        return s.withUTF8Bytes { u -> CalendarDate? in
            guard u.count == 4 || u.count == 7 || u.count == 10 else { return nil }
            func digits(_ a: Int, _ n: Int) -> Int? {
                var v = 0
                for k in a..<a + n { let d = Int(u[k]) - 48; guard d >= 0 && d <= 9 else { return nil }; v = v * 10 + d }
                return v
            }
            guard let y = digits(0, 4) else { return nil }
            let p: Precision = u.count == 10 ? .day : u.count == 7 ? .month : .year
            if let precision, precision != p { return nil }
            var m = 1, d = 1
            if u.count >= 7 { guard u[4] == 45, let mm = digits(5, 2) else { return nil }; m = mm }
            if u.count == 10 { guard u[7] == 45, let dd = digits(8, 2) else { return nil }; d = dd }
            return CalendarDate(year: y, month: m, day: d, precision: p)
        }
    }

    /// Parses what a person types: "5/3/2024", "05-03-2024", "05.03.2024", "03/2024", "2024".
    public static func parseTyped(_ s: String, precision: Precision) -> CalendarDate? {
        guard let (year, month, day) = typedParts(s, precision: precision) else { return nil }
        switch precision {
        case .day: return CalendarDate(year: year, month: month, day: day)
        case .month: return CalendarDate(year: year, month: month, precision: .month)
        case .year: return CalendarDate(year: year, precision: .year)
        }
    }

    /// Whether `s` is written as the precision asks (DD/MM/YYYY…), whether or not that day
    /// exists: 31/02/2026 is well written, and the person is told the day does not exist.
    public static func hasTypedShape(_ s: String, precision: Precision) -> Bool {
        typedParts(s, precision: precision) != nil
    }

    /// Year, month and day of a date typed day first (1 where the precision has none).
    private static func typedParts(_ s: String, precision: Precision) -> (Int, Int, Int)? {
        let parts = s.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." || $0 == " " })
        guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let nums = parts.compactMap { Int($0) }
        guard nums.count == parts.count else { return nil }
        switch (precision, nums.count) {
        case (.day, 3) where parts[2].count == 4: return (nums[2], nums[1], nums[0])
        case (.month, 2) where parts[1].count == 4: return (nums[1], nums[0], 1)
        case (.year, 1) where parts[0].count == 4: return (nums[0], 1, 1)
        default: return nil
        }
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }
    public static func == (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber == b.dayNumber }
    public func hash(into h: inout Hasher) { h.combine(dayNumber) }
}

private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
