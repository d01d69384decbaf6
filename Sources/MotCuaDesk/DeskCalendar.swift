// The calendar of the desk: Việt Nam's time of day and the public holidays that
// appointment dates skip (Forms/lists/holidays.json, read once per installation).
import Foundation
import MotCuaForms
import MotCuaInterview
import MotCuaStore

/// The date and the wall-clock time in Việt Nam (UTC+7, no daylight saving) of a timestamp.
public func vietnamTime(_ t: Timestamp) -> (date: CalendarDate, text: String) {
    let d = t.vietnamDate
    let date = CalendarDate(year: d.year, month: d.month, day: d.day) ?? EvaluationContext.today()
    let minuteOfDay = Int(((t.milliseconds + 7 * 3_600_000) / 60_000) % 1440)
    return (date, String(format: "%02d:%02d %@", minuteOfDay / 60, minuteOfDay % 60, date.display))
}

/// The public holidays of Forms/lists/holidays.json. Missing or unreadable
/// is an error the officer sees: appointments counted over weekends only
/// would be wrong around every holiday.
public enum Holidays {
    public static func load() throws -> HolidayCalendar {
        guard let dir = Resources.formsDirectory else {
            throw StoreError.notFound("the Forms folder is missing, so the public holidays (Forms/lists/holidays.json) cannot be read to count appointment dates")
        }
        return try load(formsDirectory: dir)
    }

    /// The holidays of `<dir>/lists/holidays.json`.
    public static func load(formsDirectory dir: String) throws -> HolidayCalendar {
        let path = dir + "/lists/holidays.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.notFound("the public holidays file \(path) is missing or cannot be read; appointment dates cannot be counted without it")
        }
        let json: JSONValue
        do { json = try JSONParser.parse(data) } catch {
            throw StoreError.unusableForm("the public holidays file \(path) is not readable JSON (\(error)); appointment dates cannot be counted")
        }
        guard json["format"]?.stringValue == "motcua-holidays/1", json["days_off"]?.arrayValue != nil else {
            throw StoreError.unusableForm("the public holidays file \(path) is not a motcua-holidays/1 list")
        }
        return HolidayCalendar(json: json)
    }

    /// The moment a dossier filed on `day` (`--today`) is received: that day
    /// in Viet Nam at the present time of day, so the receipt's date is the
    /// day of record and its time still the clock's.
    public static func now(on day: CalendarDate) -> Timestamp {
        let dayMs: Int64 = 86_400_000, offset: Int64 = 7 * 3_600_000
        let timeOfDay = (Timestamp.now.milliseconds + offset) % dayMs
        return Timestamp(milliseconds: Int64(day.dayNumber) * dayMs + timeOfDay - offset)
    }
}
