import Foundation

/// A moment, kept as whole milliseconds since 1970 UTC (what the logs store).
/// Formatting is done here by calendar arithmetic, not DateFormatter: it is
/// on every record's path and must not depend on the machine's locale or
/// time-zone files.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }
    public init(_ date: Date) { milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }
    public static var now: Timestamp { Timestamp(Date()) }

    public var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }
    public func adding(seconds: Double) -> Timestamp { Timestamp(milliseconds: milliseconds + Int64(seconds * 1000)) }

    /// Viet Nam has kept UTC+7 without daylight saving since 1975, so the
    /// kiosk's civil time is a fixed offset (no tzdata needed).
    static let vietnamOffset: Int64 = 7 * 3600 * 1000

    /// "2026-11-27T01:31:40.551Z": how dossiers record times.
    public var iso8601: String {
        let (y, mo, d, h, mi, s, ms) = Timestamp.civil(milliseconds)
        return "\(zeroPadded(y, 4))-\(zeroPadded(mo, 2))-\(zeroPadded(d, 2))T"
            + "\(zeroPadded(h, 2)):\(zeroPadded(mi, 2)):\(zeroPadded(s, 2)).\(zeroPadded(ms, 3))Z"
    }

    /// "2026-11-27 08:31:40 (+07)": how people read times, in the kiosk's zone.
    public var vietnamDisplay: String {
        let (y, mo, d, h, mi, s, _) = Timestamp.civil(milliseconds + Timestamp.vietnamOffset)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d (+07)", y, mo, d, h, mi, s)
    }

    /// The calendar date in Asia/Ho_Chi_Minh (receipt codes; validation's "today").
    public var vietnamDate: (year: Int, month: Int, day: Int) {
        let (y, mo, d, _, _, _, _) = Timestamp.civil(milliseconds + Timestamp.vietnamOffset)
        return (y, mo, d)
    }

    public var description: String { iso8601 }

    /// Parses the `iso8601` form back (exactly that form; nil otherwise).
    public init?(iso8601 text: String) {
        let u = Array(text.utf8)
        guard u.count == 24, u[4] == 45, u[7] == 45, u[10] == 84, u[13] == 58, u[16] == 58, u[19] == 46, u[23] == 90 else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { guard u[i] >= 48, u[i] <= 57 else { return nil }; v = v * 10 + Int(u[i] - 48) }
            return v
        }
        guard let y = num(0..<4), let mo = num(5..<7), let d = num(8..<10), let h = num(11..<13),
              let mi = num(14..<16), let s = num(17..<19), let ms = num(20..<23),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 60 else { return nil }
        let days = Timestamp.daysFromCivil(y, mo, d)
        milliseconds = ((days * 86400 + Int64(h * 3600 + mi * 60 + s)) * 1000) + Int64(ms)
    }

    /// Howard Hinnant's civil-from-days, for milliseconds since the epoch.
    static func civil(_ ms: Int64) -> (Int, Int, Int, Int, Int, Int, Int) {
        let totalSeconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
        let millis = Int(ms - totalSeconds * 1000)
        var days = totalSeconds >= 0 ? totalSeconds / 86400 : (totalSeconds - 86399) / 86400
        let secs = Int(totalSeconds - days * 86400)
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let doe = days - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        let y = Int(yoe + era * 400) + (m <= 2 ? 1 : 0)
        return (y, m, d, secs / 3600, secs % 3600 / 60, secs % 60, millis)
    }

    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int64 {
        let y = Int64(m <= 2 ? y0 - 1 : y0)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64(m > 2 ? m - 3 : m + 9)
        let doy = (153 * mp + 2) / 5 + Int64(d) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

/// Zero-padded decimal, without String(format:): it is slow, and timestamps and receipt
/// codes are made on every record's path.
func zeroPadded(_ v: Int, _ width: Int) -> String {
    let digits = String(v)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
