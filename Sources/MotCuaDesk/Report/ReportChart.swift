// The pieces of a report every front end draws the same way: the number columns in
// order, thousands written as Vietnamese write them, and bars in eighths of a block.
// `motcua report` (MotCuaCLI) and the kiosk's "Hôm nay" screen (MotCuaKiosk) render
// one `Report` with these, so a bar on screen is the bar on the command line.
import MotCuaInterview

extension Report {
    /// One number column: its CSV header, its table header, and how to read a row.
    public struct Column: Sendable {
        public var csv: String
        public var title: String
        /// The Locales key of the column's words on the kiosk.
        public var messageKey: String
        public var value: @Sendable (ReportRow) -> Int
    }

    /// The number columns, in order (CSV header, table header).
    public static let columns: [Column] = [
        Column(csv: "received", title: "received", messageKey: "report.received", value: { $0.received }),
        Column(csv: "delivered", title: "delivered", messageKey: "report.delivered", value: { $0.delivered }),
        Column(csv: "corrected", title: "corrected", messageKey: "report.corrected", value: { $0.corrected }),
        Column(csv: "set_aside", title: "set aside", messageKey: "report.setAside", value: { $0.setAside }),
        Column(csv: "fees_due_vnd", title: "fees due (đ)", messageKey: "report.fees", value: { $0.fees }),
        Column(csv: "appointments_due", title: "due", messageKey: "report.due", value: { $0.appointmentsDue }),
        Column(csv: "appointments_overdue", title: "overdue", messageKey: "report.overdue", value: { $0.overdue }),
    ]

    /// "1.234.500": thousands separated as Vietnamese write them.
    public static func number(_ n: Int) -> String { String(formatVND(n).dropLast(2)) }

    /// A bar of `value / top × width` columns in eighths (U+2588...U+258F),
    /// padded to `width` so the numbers after it line up.
    public static func bar(_ value: Int, of top: Int, width: Int) -> String {
        guard top > 0, value > 0, width > 0 else { return String(repeating: " ", count: max(0, width)) }
        let eighths = max(1, (value * width * 8 + top / 2) / top)
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        let full = String(repeating: "█", count: eighths / 8)
        return full + partial + String(repeating: " ", count: max(0, width - eighths / 8 - (partial.isEmpty ? 0 : 1)))
    }
}
