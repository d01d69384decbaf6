import Foundation
import MotCuaForms
import MotCuaInterview
import MotCuaPlain
import MotCuaSpeech
import MotCuaQR
import MotCuaStore
import MotCuaText

/// Exit status when standard input ends mid-interview (the draft is saved).
let exitEndOfInput: Int32 = 3

let fillUsage = """
usage: motcua fill FORM [--draft ID] [--plain] [--telex|--vni] [--speak] [--lang vi|en] [--data-dir D] [--kiosk K] [--operator O]
  FORM is a form file or the id of a form under Forms/ (e.g. khai-sinh).
  --speak reads each question, its options and any error aloud (espeak-ng).
  Plain mode (lines, for screen readers and scripts) runs with --plain, when
  output is not a terminal, or with TERM=dumb. Commands alone on a line:
    <        back to the previous question
    ?        help for this question
    !        clear this answer
    :review  review the whole dossier
    :save    save the draft and leave
  --telex or --vni: names and addresses typed in that method are converted
  (Nguyeenx Thij Hoaf gives Nguyễn Thị Hòa); ID numbers and phones are not.
  Every confirmed answer is saved to the draft at once. End of input saves
  the draft, prints its id and exits with status 3; resume with --draft ID.
"""

/// `motcua fill`: runs an interview in plain mode (or the kiosk's full screen).
public func runFillCommand(_ args: [String]) -> Int32 {
    if args.contains("--help") || args.contains("-h") { Console.out(fillUsage); return 0 }
    guard let line = StoreCommandLine(args, command: "fill", valued: ["--draft", "--lang", "--today", "--idle"],
                                      switches: ["--plain", "--high-contrast", "--telex", "--vni", "--speak"]) else { return 2 }
    let lang = line.values["--lang"] ?? "vi"
    guard ["vi", "en"].contains(lang) else { Console.err("motcua fill: --lang takes vi or en"); return 2 }
    do {
        let session = try FillSetup(line: line, language: lang)
        // On a terminal that can show it, the full-screen kiosk; otherwise (or with --plain) lines.
        if !line.flags.contains("--plain"), let status = runKioskFill(session) { return status }
        return session.runPlain()
    } catch {
        Console.err(Console.safe("motcua fill: \(error)"))
        return 2
    }
}

/// Everything an interview needs: the form, the draft, the stores.
struct FillSetup {
    let loaded: LoadedForm
    let formPath: String
    let store: DossierStore
    let drafts: FileDraftStore
    var draft: Draft
    let messages: Messages
    let today: CalendarDate?
    /// Read when the interview starts, so a missing or unreadable holidays
    /// file stops it with a message rather than a receipt counting weekends only.
    let holidays: HolidayCalendar
    let dataDir: String
    let line: StoreCommandLine

    /// `catalog`: forms already loaded (the kiosk's), used instead of reading the form again.
    init(line: StoreCommandLine, language: String, catalog: Catalog? = nil) throws {
        self.line = line
        dataDir = try DataDirectory.resolve(flag: line.dataDir)
        store = try line.open()
        drafts = try FileDraftStore(dataDirectory: dataDir)
        today = line.values["--today"].flatMap { CalendarDate.parseISO($0, precision: .day) }
        holidays = try Holidays.load()
        if let id = line.values["--draft"] {
            guard let d = try drafts.load(id) else { throw StoreError.notFound("no draft \(id) (see 'motcua drafts list')") }
            draft = d
            formPath = line.positional.first.map(resolveFormPath) ?? d.formPath
        } else {
            guard let f = line.positional.first else { throw StoreError.invalidArgument("which form? Name one, e.g. khai-sinh (see 'motcua fill --help')") }
            formPath = resolveFormPath(f)
            draft = Draft(id: DossierID.make(), formID: "", formVersion: "", formPath: formPath, language: language)
            draft.owner = line.operatorName
        }
        let path = formPath
        // A browsing catalog's forms have no pages: those are read from disk.
        if let entry = catalog?.entries.first(where: { $0.path == path }), !entry.form.pages.isEmpty {
            loaded = entry.loaded
        } else {
            switch FormEngine.loadForm(at: formPath) {
            case .success(let l): loaded = l
            case .failure(let e): throw StoreError.unusableForm(e.description)
            }
        }
        draft.formID = loaded.form.id
        draft.formVersion = loaded.form.version
        draft.formPath = formPath
        if line.values["--lang"] != nil { draft.language = language }
        messages = Resources.messages(draft.language)
    }

    func makeInterview() -> Interview {
        let ctx = EvaluationContext(today: today ?? EvaluationContext.today(), language: messages.language, form: loaded.form)
        let v = Validator(form: loaded.form, context: ctx, messages: messages)
        return Interview(form: loaded.form, validator: v, answers: draft.answers, finishedRepeats: Set(draft.finishedRepeats))
    }

    func save(_ i: Interview) throws {
        var d = draft
        d.answers = i.answers
        d.finishedRepeats = i.finishedRepeats.sorted()
        d.applicantName = applicantName(i)
        d.updatedAt = .now
        try drafts.save(d)
    }

    func applicantName(_ i: Interview) -> String? {
        for f in i.form.allFields where f.format == .name {
            if let s = i.answers[f.id]?.stringValue, !s.isEmpty { return s }
        }
        return nil
    }

    /// Queues the dossier (durable before this returns), drops the draft and
    /// gives the receipt's lines.
    func submit(_ i: Interview) throws -> [String] {
        try submitReceipt(i).lines(messages)
    }

    /// As `submit`, giving the receipt itself (the kiosk draws its codes).
    func submitReceipt(_ i: Interview) throws -> ReceiptText {
        let file = try StoreForms.formFile(at: formPath)
        let request = SubmitRequest(form: file, answers: .object(i.answers), language: messages.language,
                                    dossierID: draft.id, operatorID: line.operatorName, now: today.map(Holidays.now(on:)))
        let receipt: SubmitReceipt
        switch try store.submit(request) {
        case .submitted(let r), .alreadySubmitted(let r): receipt = r
        case .invalid(let issues): throw StoreError.invalidArgument(issues.map { "\($0.field): \($0.message)" }.joined(separator: "; "))
        }
        try? drafts.discard(draft.id)
        return receiptText(i, receipt)
    }

    func receiptText(_ i: Interview, _ r: SubmitReceipt) -> ReceiptText {
        let received = vietnamTime(r.submittedAt)
        let facts = ReceiptFacts(interview: i, received: received.date, holidays: holidays)
        let settings = KioskSettings.load(dataDir)
        return ReceiptText(receiptCode: r.receipt, dossierID: r.id, receivedAt: received.text, facts: facts,
                           trackingContent: settings.trackingContent(receipt: r.receipt),
                           paymentContent: settings.paymentContent(fee: facts.fee, receipt: r.receipt))
    }

    /// Plain mode; with `--speak` every question, option list and error is also read aloud.
    func runPlain() -> Int32 {
        guard line.flags.contains("--speak") else { return runPlain(io: StandardIO()) }
        let settings = FileManager.default.contents(atPath: dataDir + "/" + DataDirectory.settingsName).flatMap { try? JSONParser.parse($0) }
        let speaker = Speaker(settings: speechSettings(settings))
        if !speaker.isAvailable { Console.err(messages.text("kiosk.speech.missing")) }
        return runPlain(io: SpeakingIO(StandardIO(), speaker: speaker, language: messages.language))
    }

    func runPlain<IO: PlainIO>(io given: IO) -> Int32 {
        var io = given
        let hooks = PlainHooks(save: save, submit: submit)
        var session = PlainSession(interview: makeInterview(), io: io, hooks: hooks)
        session.typing = line.flags.contains("--telex") ? .telex : line.flags.contains("--vni") ? .vni : .off
        if let style = KioskSettings.load(dataDir).toneStyle { session.toneStyle = style }
        do { try save(session.interview) } catch {
            Console.err(Console.safe("motcua fill: cannot save the draft: \(error)"))
            return 2
        }
        let exit = session.run()
        switch exit {
        case .submitted: return 0
        case .saved:
            io.write(messages.text("plain.saved", ["id": draft.id, "form": loaded.form.id]))
            return 0
        case .endOfInput:
            io.write(messages.text("plain.eof", ["id": draft.id]))
            return exitEndOfInput
        case .failed(let why):
            Console.err(Console.safe("motcua fill: \(why)"))
            return 2
        }
    }
}

/// A form given by path, or by id under Forms/.
func resolveFormPath(_ s: String) -> String {
    if FileManager.default.fileExists(atPath: s) { return s }
    if let dir = Resources.formsDirectory, !s.contains("/"), FileManager.default.fileExists(atPath: "\(dir)/\(s).json") { return "\(dir)/\(s).json" }
    return s
}

/// Standard input and output as lines; output is flushed at each line so a
/// screen reader or a script sees the prompt before typing.
struct StandardIO: PlainIO {
    mutating func readLine() -> String? { Swift.readLine(strippingNewline: true) }
    mutating func write(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
}

/// The date and the wall-clock time in Việt Nam (UTC+7, no daylight saving) of a timestamp.
func vietnamTime(_ t: Timestamp) -> (date: CalendarDate, text: String) {
    let d = t.vietnamDate
    let date = CalendarDate(year: d.year, month: d.month, day: d.day) ?? EvaluationContext.today()
    let minuteOfDay = Int(((t.milliseconds + 7 * 3_600_000) / 60_000) % 1440)
    return (date, String(format: "%02d:%02d %@", minuteOfDay / 60, minuteOfDay % 60, date.display))
}

/// The public holidays of Forms/lists/holidays.json. Missing or unreadable
/// is an error the officer sees: appointments counted over weekends only
/// would be wrong around every holiday.
enum Holidays {
    static func load() throws -> HolidayCalendar {
        guard let dir = Resources.formsDirectory else {
            throw StoreError.notFound("the Forms folder is missing, so the public holidays (Forms/lists/holidays.json) cannot be read to count appointment dates")
        }
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
    static func now(on day: CalendarDate) -> Timestamp {
        let dayMs: Int64 = 86_400_000, offset: Int64 = 7 * 3_600_000
        let timeOfDay = (Timestamp.now.milliseconds + offset) % dayMs
        return Timestamp(milliseconds: Int64(day.dayNumber) * dayMs + timeOfDay - offset)
    }
}

/// Kiosk settings in `<data dir>/settings.json`: the VietQR payee and the
/// tracking-page URL template (`{code}` is replaced by the receipt code).
struct KioskSettings {
    var payee: VietQRPayee?
    var trackingURL: String?
    /// `toneStyle`: where plain mode's Telex puts tones (the kiosk reads it in KioskCommand).
    var toneStyle: TonePlacementStyle?

    static func load(_ dataDir: String) -> KioskSettings {
        var s = KioskSettings()
        guard let data = FileManager.default.contents(atPath: dataDir + "/" + DataDirectory.settingsName),
              let json = try? JSONParser.parse(data) else { return s }
        if let q = json["vietqr"], let bin = q["bin"]?.stringValue, let account = q["account"]?.stringValue {
            s.payee = try? VietQRPayee(bankBIN: bin, accountNumber: account)
        }
        s.trackingURL = json["trackingURL"]?.stringValue
        s.toneStyle = json["toneStyle"]?.stringValue.flatMap(TonePlacementStyle.init(rawValue:))
        return s
    }

    /// What the tracking QR code holds: the receipt code, or the lookup URL made from it.
    func trackingContent(receipt: String) -> String? {
        try? QRTrackingCode.content(receiptCode: receipt, urlTemplate: trackingURL)
    }

    /// The VietQR payload for the fee; nil with no fee or no payee configured.
    func paymentContent(fee: Int?, receipt: String) -> String? {
        guard let payee, let fee, fee > 0 else { return nil }
        return try? VietQR.feePayload(payee: payee, amountVND: fee, receiptCode: receipt, purpose: "LE PHI " + receipt)
    }
}
