import Foundation
import MotCuaDesk
import MotCuaForms
import MotCuaStore

/// Options shared by `submit`, `queue` and `dossiers`, and the store they open.
struct StoreCommandLine {
    var positional: [String] = []
    var dataDir: String?
    var kiosk: String?
    var operatorID: String?
    var flags: Set<String> = []
    var values: [String: String] = [:]

    /// Parses `args`; `valued` are the command's own options taking a value,
    /// `switches` its options without one. Nil (after printing why) on a mistake.
    init?(_ args: [String], command: String, valued: Set<String> = [], switches: Set<String> = []) {
        var i = 0
        while i < args.count {
            let a = args[i]
            if ["--data-dir", "--kiosk", "--operator"].contains(a) || valued.contains(a) {
                i += 1
                guard i < args.count else {
                    Console.err("motcua \(command): \(a) needs a value")
                    return nil
                }
                switch a {
                case "--data-dir": dataDir = args[i]
                case "--kiosk": kiosk = args[i]
                case "--operator": operatorID = args[i]
                default: values[a] = args[i]
                }
            } else if switches.contains(a) {
                flags.insert(a)
            } else if a.hasPrefix("--") {
                Console.err("motcua \(command): unknown option \(Console.safe(a))")
                return nil
            } else {
                positional.append(a)
            }
            i += 1
        }
    }

    var operatorName: String { DataDirectory.operatorID(flag: operatorID) }

    /// Opens the data directory with the form engine as checker. `environment` is
    /// given by callers that already read it (the kiosk, before its first screen).
    func open(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DossierStore {
        try Desk.openStore(dataDirFlag: dataDir, kiosk: kiosk, environment: environment)
    }

    /// Where `queue deliver` and the kiosk deliver: `--to`, else
    /// `MOTCUA_DELIVER_TO`, else `deliverTo` in settings.json; nil = the local core store.
    func destination(_ store: DossierStore, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (any DeliveryDestination)? {
        let settings = readSettings(store.directory)
        let url = Destinations.deliveryURL(option: values["--to"], environment: environment, settings: settings)
        return try Destinations.make(url: url, kioskID: store.kioskID, settings: settings)
    }
}

/// Runs a store command body, turning errors into one clear line and exit 2.
func withStore(_ command: String, _ line: StoreCommandLine, _ body: (DossierStore) throws -> Int32) -> Int32 {
    do {
        return try body(try line.open())
    } catch {
        Console.err(Console.safe("motcua \(command): \(error)"))
        return 2
    }
}

/// `motcua submit FORM ANSWERS... [--lang vi|en] [--id ID] [--today YYYY-MM-DD] [--data-dir D] [--kiosk K] [--operator O]`:
/// validates each answers file against the form and queues it durably;
/// prints `RECEIPT ID` per dossier as soon as it is on disk. Invalid answers
/// print `PATH: message` lines and exit 1; unusable input exits 2.
public func runSubmitCommand(_ args: [String]) -> Int32 {
    guard let line = StoreCommandLine(args, command: "submit", valued: ["--lang", "--id", "--today"]), line.positional.count >= 2 else {
        Console.err(usageLine(submitUsage))
        return 2
    }
    // The day of record (receipt code, submit time), as `fill --today` gives it.
    let today = line.values["--today"].flatMap { CalendarDate.parseISO($0, precision: .day) }
    if line.values["--today"] != nil, today == nil {
        Console.err("motcua submit: --today takes a date YYYY-MM-DD")
        return 2
    }
    let answerFiles = Array(line.positional.dropFirst())
    if line.values["--id"] != nil, answerFiles.count > 1 {
        Console.err("motcua submit: --id names one dossier; give one answers file with it")
        return 2
    }
    let form: FormFile
    do { form = try StoreForms.formFile(at: resolveFormPath(line.positional[0])) } catch {
        Console.err(Console.safe("motcua submit: the form cannot be used: \(error)"))
        return 2
    }
    return withStore("submit", line) { store in
        var status: Int32 = 0
        for file in answerFiles {
            let prefix = answerFiles.count > 1 ? "\(file): " : ""
            guard let data = FileManager.default.contents(atPath: file) else {
                Console.err(Console.safe("motcua submit: cannot read the answers file \(file)"))
                status = 2
                continue
            }
            let answers: JSONValue
            do { answers = try JSONParser.parse(data) } catch {
                Console.err(Console.safe("motcua submit: \(file) is not JSON: \(error)"))
                status = 2
                continue
            }
            // MOTCUA_TEST_NOW (milliseconds since 1970): tests fix the submit time, as the store's own tests do.
            let testNow = ProcessInfo.processInfo.environment["MOTCUA_TEST_NOW"].flatMap(Int64.init).map(Timestamp.init(milliseconds:))
            let request = SubmitRequest(form: form, answers: answers, language: line.values["--lang"] ?? "vi",
                                        dossierID: line.values["--id"], operatorID: line.operatorName, now: today.map(Holidays.now(on:)) ?? testNow)
            switch try store.submit(request) {
            case .submitted(let r), .alreadySubmitted(let r):
                // One write per line: a line seen on the pipe means the dossier is durable.
                Console.out(Console.safe("\(r.receipt) \(r.id)"))
                // The same word as `validate` ("Lưu ý" / "Note"), in the language of the message.
                let note = Resources.messages(request.language).text("cli.validate.warning")
                for w in r.warnings { Console.out(Console.safe("\(prefix)\(w.field): \(note): \(w.message)")) }
            case .invalid(let issues):
                for i in issues { Console.out(Console.safe(prefix + i.description)) }
                if status == 0 { status = 1 }
            }
        }
        return status
    }
}
