import Foundation

/// One problem in a spreadsheet form, printed as `FILE:ROW:COLUMN: message`
/// (row and column from 1, as LibreOffice numbers them; 0 when the problem
/// concerns the whole file or row).
public struct SheetIssue: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let row: Int
    public let column: Int
    public let message: String

    public init(file: String, row: Int, column: Int, message: String) {
        self.file = file; self.row = row; self.column = column; self.message = message
    }

    public var description: String { "\(file):\(row):\(column): \(message)" }
}

/// Every problem found, reported together.
public struct SheetIssues: Error, Sendable {
    public let issues: [SheetIssue]
    public init(_ issues: [SheetIssue]) { self.issues = issues }
}

/// Bounds on what a sheet may hold: a hostile or mistaken file (a 2 GB log
/// saved as CSV) is refused with its reason instead of exhausting memory.
public struct SheetLimits: Sendable {
    public var maxBytes = 8 << 20
    public var maxRows = 50_000
    public var maxColumns = 256
    public var maxCellCharacters = 20_000
    public init() {}
}

/// A sheet saved as UTF-8 TSV or CSV: a header row of column names, then data
/// rows, each remembering its line in the file for error messages.
public struct Sheet: Sendable {
    public struct Row: Sendable {
        public let line: Int
        public let cells: [String]
    }

    public let file: String
    public let header: [String]
    public let rows: [Row]

    public init(file: String, header: [String], rows: [Row]) {
        self.file = file; self.header = header; self.rows = rows
    }

    /// The column (from 0) whose header is `name`, compared without case.
    public func column(_ name: String) -> Int? { header.firstIndex { $0.lowercased() == name.lowercased() } }

    /// Reads TSV (a tab anywhere in the first line) or CSV (commas; `;` when
    /// the first line has semicolons and no comma, as some locales save).
    /// Quoted cells may hold separators, quotes ("" for one) and line breaks.
    /// Every cell is trimmed and put in NFC; control characters are refused.
    public static func parse(_ data: Data, file: String, limits: SheetLimits = SheetLimits(),
                             messages: Messages) -> Result<Sheet, SheetIssues> {
        func fail(_ line: Int, _ col: Int, _ key: String, _ args: [String: String] = [:]) -> Result<Sheet, SheetIssues> {
            .failure(SheetIssues([SheetIssue(file: file, row: line, column: col, message: messages.text(key, args))]))
        }
        guard data.count <= limits.maxBytes else { return fail(0, 0, "xlsform.too_big", ["max": String(limits.maxBytes >> 20)]) }
        guard var text = String(data: data, encoding: .utf8) else { return fail(0, 0, "xlsform.not_utf8") }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let sep: Unicode.Scalar = firstLine.contains("\t") ? "\t" : (firstLine.contains(";") && !firstLine.contains(",") ? ";" : ",")

        var records: [(line: Int, cells: [String])] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var line = 1, recordLine = 1, column = 1
        var inQuotes = false, quotedCell = false
        var issues: [SheetIssue] = []
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        var cellLength = 0, cellASCII = true
        func endCell() {
            var s = String(cell)
            if cellASCII {  // most cells: no Foundation round trip, already NFC
                while s.last == " " { s.removeLast() }
                while s.first == " " { s.removeFirst() }
            } else {
                s = s.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
            }
            cells.append(s); cell = String.UnicodeScalarView(); quotedCell = false; column += 1
            cellLength = 0; cellASCII = true
        }
        func endRecord() {
            endCell()
            if cells.contains(where: { !$0.isEmpty }) { records.append((recordLine, cells)) }
            cells = []; column = 1; recordLine = line + 1
        }
        while let c = pending ?? scalars.next() {
            pending = nil
            if c.value >= 0x80 { cellASCII = false }
            if inQuotes {
                if c == "\"" {
                    if let n = scalars.next() { if n == "\"" { cell.append("\"") } else { inQuotes = false; pending = n } } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    if c != "\r" { cell.append(c); cellLength += 1 }
                }
                continue
            }
            switch c {
            case sep: endCell()
            case "\r": break
            case "\n": endRecord(); line += 1
            case "\"" where cell.isEmpty && !quotedCell: inQuotes = true; quotedCell = true
            default:
                if c.value < 0x20 || (0x7F...0x9F).contains(c.value) {
                    if issues.count < 50 {
                        issues.append(SheetIssue(file: file, row: line, column: column, message: messages.text("xlsform.control", ["code": String(format: "U+%04X", c.value)])))
                    }
                } else { cell.append(c); cellLength += 1 }
            }
            if records.count > limits.maxRows { return fail(line, 0, "xlsform.too_many_rows", ["max": String(limits.maxRows)]) }
            if cells.count >= limits.maxColumns { return fail(line, column, "xlsform.too_many_columns", ["max": String(limits.maxColumns)]) }
            if cellLength > limits.maxCellCharacters { return fail(line, column, "xlsform.cell_too_long", ["max": String(limits.maxCellCharacters)]) }
        }
        if inQuotes { issues.append(SheetIssue(file: file, row: recordLine, column: column, message: messages.text("xlsform.open_quote"))) }
        if !cell.isEmpty || !cells.isEmpty { endRecord() }
        if !issues.isEmpty { return .failure(SheetIssues(issues)) }
        guard let head = records.first else { return fail(1, 0, "xlsform.empty") }
        let rows = records.dropFirst().map { Row(line: $0.line, cells: $0.cells) }
        return .success(Sheet(file: file, header: head.cells, rows: Array(rows)))
    }

    /// Writes the sheet as TSV, quoting a cell only when it holds a tab, a
    /// line break or a quote, as LibreOffice does.
    public func tsv() -> String {
        func quote(_ s: String) -> String {
            s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\"" || $0 == "\r\n" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var out = header.map(quote).joined(separator: "\t") + "\n"
        for r in rows { out += r.cells.map(quote).joined(separator: "\t") + "\n" }
        return out
    }
}
