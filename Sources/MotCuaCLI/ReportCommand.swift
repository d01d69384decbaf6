import Foundation
import MotCuaDesk
import MotCuaForms
import MotCuaInterview
import MotCuaStore
import MotCuaText

let reportUsage = """
usage: motcua report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by day|procedure|operator|channel] [--csv FILE|-]  [--data-dir DIR]
  The desk's numbers for the days from..to (Asia/Ho_Chi_Minh days; default: from the
  first of this month to today): dossiers received, delivered, corrected, set aside,
  fees due (đồng), appointments due and overdue; a table and a bar chart per number.
  Computed from the data folder's journal (queue.log) and form copies alone.
  --by       rows by day (default), procedure (form id), operator, or channel (desk|import).
  --csv      also writes the table as CSV for a spreadsheet ('-': standard output, no table).
  --today    the day taken as today for "overdue" (default: today in Viet Nam).
"""

func runReportCommand(_ args: [String]) -> Int32 {
    guard let line = StoreCommandLine(args, command: "report", valued: ["--from", "--to", "--by", "--csv", "--today"]) else {
        Console.err(usageLine(reportUsage))
        return 2
    }
    guard line.positional.isEmpty else {
        Console.err("motcua report: unexpected argument \(Console.safe(line.positional[0]))")
        Console.err(usageLine(reportUsage))
        return 2
    }
    func day(_ option: String) -> CalendarDate?? {
        guard let text = line.values[option] else { return .some(nil) }
        guard let d = CalendarDate.parseISO(text, precision: .day) else {
            Console.err("motcua report: \(option) must be a date as YYYY-MM-DD, not \(Console.safe(text))")
            return nil
        }
        return .some(d)
    }
    guard let fromOption = day("--from"), let toOption = day("--to"), let todayOption = day("--today") else { return 2 }
    guard let by = ReportGrouping(rawValue: line.values["--by"] ?? "day") else {
        Console.err("motcua report: --by must be day, procedure, operator or channel")
        return 2
    }
    let today = todayOption ?? CalendarDate(dayNumber: Report.vietnamDay(.now))
    let to = toOption ?? today
    let from = fromOption ?? CalendarDate(year: to.year, month: to.month, day: 1) ?? to
    guard from <= to else {
        Console.err("motcua report: --from \(from.iso) is after --to \(to.iso)")
        return 2
    }
    return withStore("report", line) { store in
        let report = try Report(store: store, from: from, to: to, by: by, today: today, holidays: try Holidays.load())
        if let csv = line.values["--csv"] {
            let text = report.csv
            if csv == "-" {
                FileHandle.standardOutput.write(Data(text.utf8))
                return 0
            }
            // Numbers only, no personal data: the user's umask applies, as for any spreadsheet.
            guard FileManager.default.createFile(atPath: csv, contents: Data(text.utf8)) else {
                Console.err("motcua report: cannot write \(Console.safe(csv))")
                return 2
            }
        }
        for l in report.lines { Console.out(l) }
        return 0
    }
}

extension Report {
    /// RFC 4180 CSV: a header, one line per row, then `total`. A key a
    /// spreadsheet would take for a formula (=, +, -, @) is prefixed with '.
    var csv: String {
        func field(_ s: String) -> String {
            var s = s
            if let c = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(c) { s = "'" + s }
            guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var out = ([by.rawValue] + Report.columns.map(\.csv)).joined(separator: ",") + "\r\n"
        for (key, row) in rows + [(key: "total", row: total)] {
            out += ([field(key)] + Report.columns.map { String($0.value(row)) }).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// The table, then one bar chart per number that is not zero throughout.
    var lines: [String] {
        var out = ["Report \(from.iso) to \(to.iso) (Asia/Ho_Chi_Minh days), by \(by.rawValue); overdue as of \(today.iso)"]
        let keys = rows.map { Console.safe($0.key) }
        let keyWidth = max(([by.rawValue, "total"] + keys).map(VietText.displayWidth).max() ?? 5, 5)
        func pad(_ s: String, _ w: Int, right: Bool = false) -> String {
            let gap = String(repeating: " ", count: max(0, w - VietText.displayWidth(s)))
            return right ? gap + s : s + gap
        }
        let widths = Report.columns.map { c in max(VietText.displayWidth(c.title), ([total] + rows.map(\.row)).map { Report.number(c.value($0)).count }.max() ?? 1) }
        func tableLine(_ key: String, _ cells: [String]) -> String {
            ([pad(key, keyWidth)] + zip(cells, widths).map { pad($0, $1, right: true) }).joined(separator: "  ")
        }
        out.append(tableLine(by.rawValue, Report.columns.map(\.title)))
        for (key, row) in zip(keys, rows.map(\.row)) { out.append(tableLine(key, Report.columns.map { Report.number($0.value(row)) })) }
        out.append(tableLine("total", Report.columns.map { Report.number($0.value(total)) }))
        if rows.isEmpty { out.append("No dossier activity in these days.") }
        if withoutForm > 0 { out.append("note: \(withoutForm) dossiers have no readable form copy: counted, without fee or appointment") }
        for c in Report.columns where c.value(total) > 0 {
            out.append("")
            out.append(c.title)
            let top = rows.map { c.value($0.row) }.max() ?? 0
            for (key, row) in zip(keys, rows.map(\.row)) {
                out.append(pad(key, keyWidth) + "  " + Report.bar(c.value(row), of: top, width: 40) + " " + Report.number(c.value(row)))
            }
        }
        return out
    }
}
