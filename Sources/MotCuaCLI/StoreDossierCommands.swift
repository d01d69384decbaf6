import Foundation
import MotCuaDesk
import MotCuaForms
import MotCuaInterview
import MotCuaStore
import MotCuaText

/// `motcua dossiers list [--search TEXT] | show ID [--json] | receipt ID | verify`, each with
/// `[--data-dir D]`. Everything printed passes through `Console.safe`: a name
/// holding an escape sequence is shown as text, it never drives the terminal.
public func runDossiersCommand(_ args: [String]) -> Int32 {
    let usage = usageLine(dossiersUsage)
    if args.first == "correct" { return runCorrectCommand(Array(args.dropFirst())) }
    guard let sub = args.first, let line = StoreCommandLine(Array(args.dropFirst()), command: "dossiers \(sub)", valued: ["--search", "--lang", "--core", "--format", "--day", "--pdf", "--width"], switches: ["--json", "--qr", "--text"]) else {
        Console.err(usage)
        return 2
    }
    guard ["show", "export", "receipt"].contains(sub) ? line.positional.count == 1 : (["list", "verify"].contains(sub) && line.positional.isEmpty) else {
        Console.err(usage)
        return 2
    }
    // export reads what this data directory received, never the shared core.
    if sub != "export", sub != "receipt", let url = sharedCoreURL(line) { return runSharedCoreCommand(sub, line, url: url) }
    return withStore("dossiers \(sub)", line) { store in
        switch sub {
        case "list":
            let found = try store.listedDossiers(search: line.values["--search"])
            for d in found {
                // The time the citizen submitted (Asia/Ho_Chi_Minh), and where the dossier is.
                Console.out(Console.safe("\(d.receipt) \(d.id) \(d.formID) \(d.formVersion) \(d.submittedAt.vietnamDisplay) \(d.state.rawValue) \(d.names.joined(separator: "; "))"))
            }
            Console.err("\(found.count) dossier\(found.count == 1 ? "" : "s")")
            return 0
        case "show":
            let status = try show(store, line.positional[0], json: line.flags.contains("--json"), language: line.values["--lang"] ?? "en")
            if status == 0, line.flags.contains("--qr") { printReceiptCodes(store, line.positional[0], language: line.values["--lang"] ?? "vi") }
            return status
        case "export":
            return try exportDVC(store, line)
        case "receipt":
            return try printStoredReceipt(store, line)
        default:
            return try verify(store)
        }
    }
}

private func show(_ store: DossierStore, _ key: String, json: Bool, language: String) throws -> Int32 {
    guard let d = try store.details(key) else {
        Console.err(Console.safe("motcua dossiers show: no dossier \(key) (give a dossier id or a receipt code)"))
        return 1
    }
    printDetails(d, json: json, language: language, store: store)
    return 0
}

/// `dossiers show`'s output, for a dossier from the local store or the shared core
/// (`store` nil: the appointment needs the local copy of the dossier's form).
func printDetails(_ d: DossierDetails, json: Bool, language: String, store: DossierStore?) {
    if json {
        // The JSON writer escapes control characters itself; neutralising is a second guard.
        Console.out(VietText.neutralizeControls(d.dossier.json.serialized(pretty: true), allowNewlines: true))
        return
    }
    let x = d.dossier
    let m = Resources.messages(language)
    func head(_ title: String) -> String { title.padding(toLength: 12, withPad: " ", startingAt: 0) }
    let status = d.deliveredAt.map { m.text("cli.show.delivered", ["time": $0.vietnamDisplay]) } ?? d.state.map { $0.words(m) } ?? "—"
    var lines = [
        head(m.text("cli.show.receipt")) + x.receipt,
        head(m.text("cli.show.dossier")) + x.id,
        head(m.text("cli.show.form")) + "\(x.formID) \(x.formVersion) (sha256 \(x.formHash.hex.prefix(16))…)",
        head(m.text("cli.show.status")) + status,
        head(m.text("cli.show.submitted")) + m.text("cli.show.submitted.detail", ["time": x.submittedAt.vietnamDisplay, "kiosk": x.kiosk,
                                                                 "operator": officerName(x.operatorID, store, m), "language": x.language]),
    ]
    lines += chainLines(d, m, store: store).map { head($0.0) + $0.1 }
    // The appointment as the receipt gave it (working days over the public holidays).
    do {
        if let store, let facts = Desk.storedReceipt(store, x, messages: Resources.messages("en"), holidays: try Holidays.load()) {
            lines.append(head(m.text("cli.show.appointment")) + m.text("cli.show.appointment.detail",
                ["date": facts.appointment.display, "days": "\(facts.processingDays)"]))
        }
    } catch {
        lines.append(head(m.text("cli.show.appointment")) + m.text("cli.show.appointment.unknown", ["reason": "\(error)"]))
    }
    if let e = d.lastError, d.state == .failed || d.state == .setAside { lines.append(head(m.text("cli.show.reason")) + e) }
    lines.append(m.text("cli.show.answers"))
    if let labelled = labelledAnswers(x, messages: m) { lines += labelled } else { flatten(x.answers, path: "", into: &lines) }
    if !d.history.isEmpty { lines.append(m.text("cli.show.history")) }
    for h in d.history {
        lines.append("  \(h.at.vietnamDisplay) \(eventText(h.event, m)) (\(h.kiosk), \(h.operatorID == "unknown" ? m.text("cli.show.operator.unknown") : h.operatorID))"
                     + (h.detail.map { ": \($0)" } ?? ""))
    }
    for l in lines { Console.out(Console.safe(l)) }
}

/// The versions either side of this one (issue 16): "thay cho …" with this version's
/// reason, officer and time, and "đã được thay bằng …" with the next one's.
private func chainLines(_ d: DossierDetails, _ m: Messages, store: DossierStore?) -> [(String, String)] {
    var lines: [(String, String)] = []
    let x = d.dossier
    if let link = x.link {
        lines.append((m.text("cli.show.version"), m.text("cli.show.version.detail", ["version": "\(link.version)", "n": "\(link.version - 1)"])))
        lines.append((m.text("cli.show.supersedes"), m.text("cli.show.supersedes.detail", [
            "id": link.supersedes, "reason": link.reason, "operator": officerName(x.operatorID, store, m), "time": x.submittedAt.vietnamDisplay])))
    }
    if let next = d.successor {
        lines.append((m.text("cli.show.supersededBy"), m.text("cli.show.supersededBy.detail", [
            "id": next.id, "version": "\(next.version)", "reason": next.link?.reason ?? "",
            "operator": officerName(next.operatorID, store, m), "time": next.submittedAt.vietnamDisplay])))
    }
    return lines
}

/// A history event in the reader's language ("tiếp nhận", not "submit"); one this
/// version does not name, as recorded.
private func eventText(_ event: String, _ m: Messages) -> String {
    switch event {
    case "submit": m.text("cli.show.event.submit")
    case "import": m.text("cli.show.event.import")
    case "delivering": m.text("cli.show.event.delivering")
    case "delivered": m.text("cli.show.event.delivered")
    case "failed": m.text("cli.show.event.failed")
    case "set-aside": m.text("cli.show.event.set-aside")
    case "retry": m.text("cli.show.event.retry")
    case "export": m.text("cli.show.event.export")
    case "printed": m.text("cli.show.event.printed")
    case "exported": m.text("cli.show.event.exported")
    case "answer-changed": m.text("cli.show.event.answer-changed")
    case "superseded": m.text("cli.show.event.superseded")
    default: event
    }
}

/// The answers as the review shows them (page titles, labels, option labels), when the
/// form they were given on (same id and version) is under Forms/; nil otherwise.
private func labelledAnswers(_ x: Dossier, messages: Messages) -> [String]? {
    guard case .success(let loaded) = FormEngine.loadForm(at: resolveFormPath(x.formID)),
          loaded.form.version == x.formVersion, let answers = x.answers.objectValue else { return nil }
    let form = loaded.form
    let day = x.submittedAt.vietnamDate
    guard let submitted = CalendarDate(year: day.year, month: day.month, day: day.day) else { return nil }
    let context = EvaluationContext(today: submitted, language: messages.language, form: form)
    let i = Interview(form: form, validator: Validator(form: form, context: context, messages: messages), answers: answers)
    var lines: [String] = []
    for section in i.review().sections {
        lines.append("  ── " + section.title + " ──")
        for e in section.entries {
            lines.append("  " + String(repeating: "  ", count: e.depth) + e.label + ": " + e.value.replacingOccurrences(of: "\n", with: " / "))
        }
    }
    return lines
}

/// One `path: value` line per answer, paths as validation reports them.
private func flatten(_ v: JSONValue, path: String, into lines: inout [String]) {
    switch v {
    case .object(let o):
        for (k, child) in o.pairs { flatten(child, path: path.isEmpty ? k : "\(path).\(k)", into: &lines) }
    case .array(let items) where items.contains { $0.objectValue != nil }:
        for (i, item) in items.enumerated() { flatten(item, path: "\(path)[\(i)]", into: &lines) }
    case .array(let items):
        lines.append("  \(path): " + items.map(scalar).joined(separator: ", "))
    default:
        lines.append("  \(path): \(scalar(v))")
    }
}

private func scalar(_ v: JSONValue) -> String {
    switch v {
    case .string(let s): return s
    case .null: return "(none)"
    default: return v.serialized()
    }
}

private func verify(_ store: DossierStore) throws -> Int32 {
    let r = try store.verify()
    for repair in r.repairs { Console.out(Console.safe("repaired: \(repair)")) }
    for note in r.notes { Console.out(Console.safe("note: \(note)")) }
    for problem in r.problems { Console.out(Console.safe("PROBLEM: \(problem)")) }
    let summary = "\(r.journalRecords) queue records (\(r.queuedDossiers) dossiers), \(r.storedDossiers) stored"
        + (r.deliveredElsewhere > 0 ? ", \(r.deliveredElsewhere) delivered elsewhere" : "")
        + (r.storeConflicts > 0 ? " + \(r.storeConflicts) conflicts kept aside" : "")
        + ", \(r.auditEntries) audit entries, \(r.formCopies) form copies"
    Console.out(r.isOK ? "ok: \(summary); every checksum and the audit chain verified" : "FAILED: \(r.problems.count) problem\(r.problems.count == 1 ? "" : "s"); \(summary)")
    return r.isOK ? 0 : 1
}

/// `dossiers export --format dvc FILE [--day YYYY-MM-DD]` (see DVCExport).
private func exportDVC(_ store: DossierStore, _ line: StoreCommandLine) throws -> Int32 {
    guard line.values["--format"] == "dvc" else {
        throw StoreError.invalidArgument("export needs --format dvc (the national portal's dossier sync record)")
    }
    var day: CalendarDate?
    if let d = line.values["--day"] {
        guard let parsed = CalendarDate.parseISO(d, precision: .day) else { throw StoreError.invalidArgument("--day takes a date like 2026-12-04") }
        day = parsed
    }
    let result = try DVCExport.records(store, day: day)
    let settings = readSettings(store.directory)
    try DVCExport.write(result, to: line.positional[0], agency: settings?["agencyCode"]?.stringValue)
    for w in result.warnings { Console.err(Console.safe("warning: " + w)) }
    Console.out(Console.safe("exported \(result.records.count) dossier record\(result.records.count == 1 ? "" : "s") (DVC sync format) to \(line.positional[0])"))
    return 0
}
