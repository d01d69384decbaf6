// The full-screen kiosk from the command line: `motcua` alone opens its home screen,
// `motcua fill FORM` on a terminal opens it straight on that form. Here the kiosk's
// services are made from the catalog, the data directory and the queue; when the
// terminal cannot show the kiosk (not a terminal, TERM=dumb, not UTF-8) the reason is
// said on stderr and the plain line mode takes over.
import Foundation
import MotCuaDesk
import MotCuaForms
import MotCuaInterview
import MotCuaKiosk
import MotCuaPlain
import MotCuaStore
import MotCuaText

let kioskUsage = "usage: motcua [--lang vi|en] [--idle SECONDS] [--high-contrast] [--today YYYY-MM-DD] [--data-dir D] [--kiosk K] [--operator O]"

/// `motcua` with no command: the kiosk's home screen, or the catalog and how to fill a
/// form in plain mode when the terminal cannot show the kiosk.
func runKioskHome(_ args: [String]) -> Int32 {
    guard let line = StoreCommandLine(args, command: "kiosk", valued: ["--lang", "--today", "--idle", "--core"], switches: ["--high-contrast"]),
          line.positional.isEmpty else {
        Console.err(kioskUsage)
        return 2
    }
    let lang = line.values["--lang"] ?? "vi"
    guard ["vi", "en"].contains(lang) else { Console.err("motcua: --lang takes vi or en"); return 2 }
    // Read once: building the dictionary costs about as much as parsing a small file,
    // and the kiosk's first screen is timed against dialog's.
    let environment = ProcessInfo.processInfo.environment
    if let problem = TerminalUnavailable.check(environment: environment) {
        return plainHome(problem, Resources.messages(lang))
    }
    let backend: KioskBackend
    do { backend = try KioskBackend(line: line, environment: environment) } catch {
        Console.err(Console.safe("motcua: \(error)"))
        return 2
    }
    guard let idle = kioskIdleSeconds(line, backend.settings, environment: environment) else { return 2 }
    backend.startBackgroundDelivery(environment: environment)
    var app = KioskApp(services: backend.services(), language: lang, idleTimeout: idle, highContrast: line.flags.contains("--high-contrast"))
    let voice = kioskVoice(for: &app, settings: backend.settings, environment: environment)
    do {
        let status = try Kiosk.run(&app, environment: environment, highContrast: line.flags.contains("--high-contrast"), voice: voice)
        for l in app.farewell { Console.out(Console.safe(l)) }
        return status
    } catch {
        return plainHome(error, backend.messages(lang))
    }
}

/// Plain mode's stand-in for the home screen: why, the procedures, and how to fill one.
private func plainHome(_ problem: TerminalUnavailable, _ m: Messages) -> Int32 {
    Console.err(m.text("kiosk.plain.fallback", ["reason": problem.text(m)]))
    Console.out(m.text("kiosk.plain.catalog"))
    if let dir = Resources.formsDirectory {
        let (catalog, _) = Catalog.load(formsDirectory: dir)
        for e in catalog.entries {
            let code = e.code.map { " (\($0))" } ?? ""
            Console.out(Console.safe("  \(e.id.padding(toLength: max(e.id.count, 18), withPad: " ", startingAt: 0)) \(e.title(m.language))\(code)"))
        }
    }
    // One language throughout (the full usage is English): where to read more.
    Console.out(m.text("kiosk.plain.more"))
    return 0
}

/// `motcua fill` on a terminal: the kiosk on this interview. Nil when the kiosk cannot
/// run here (the caller then runs plain mode); the reason is said unless output is
/// simply not a terminal, which is how scripts call it.
func runKioskFill(_ setup: FillSetup) -> Int32? {
    let environment = ProcessInfo.processInfo.environment
    if let problem = TerminalUnavailable.check(environment: environment) {
        if problem.reason != .notATerminal { sayFallback(problem, setup.messages) }
        return nil
    }
    let backend: KioskBackend
    do { backend = try KioskBackend(line: setup.line, environment: environment, desk: setup.desk) } catch {
        Console.err(Console.safe("motcua fill: \(error)"))
        return 2
    }
    guard let idle = kioskIdleSeconds(setup.line, backend.settings, environment: environment) else { return 2 }
    let session = backend.session(setup)
    backend.startBackgroundDelivery(environment: environment)
    var app = KioskApp(services: backend.services(), session: session, idleTimeout: idle,
                       highContrast: setup.line.flags.contains("--high-contrast"))
    let voice = kioskVoice(for: &app, settings: backend.settings, environment: environment)
    do {
        let status = try Kiosk.run(&app, environment: environment, highContrast: setup.line.flags.contains("--high-contrast"), voice: voice)
        for l in app.farewell { Console.out(Console.safe(l)) }
        return status
    } catch {
        sayFallback(error, setup.messages)
        return nil
    }
}

private func sayFallback(_ problem: TerminalUnavailable, _ m: Messages) {
    Console.err(m.text("kiosk.plain.fallback", ["reason": problem.text(m)]))
}

/// Seconds of no key before the kiosk saves and goes home: `--idle`, else
/// `MOTCUA_IDLE_SECONDS`, else `idleSeconds` in settings.json, else 5 minutes.
/// Nil (after saying why) when the value given is not a positive number.
func kioskIdleSeconds(_ line: StoreCommandLine, _ settings: JSONValue?,
                      environment: [String: String] = ProcessInfo.processInfo.environment) -> Double? {
    let given = line.values["--idle"] ?? environment["MOTCUA_IDLE_SECONDS"]
    if let given {
        guard let s = Double(given), s > 0, s.isFinite else {
            Console.err("motcua: the idle time takes a number of seconds above 0 (got \(Console.safe(given)))")
            return nil
        }
        return s
    }
    if let s = settings?["idleSeconds"]?.doubleValue, s > 0 { return s }
    return 300
}

/// The kiosk's view of the outside: a `Desk` (catalog, store, drafts, settings, each
/// opened once) turned into the closures of `KioskServices`; one `DeskSession` per interview.
final class KioskBackend {
    let line: StoreCommandLine
    let desk: Desk
    var catalog: Catalog { desk.installation.catalog }
    var dataDir: String { desk.dataDir }
    var drafts: FileDraftStore { desk.drafts }
    var store: DossierStore { desk.store }
    /// `<data dir>/settings.json`, when there is one.
    var settings: JSONValue? { desk.settingsJSON }
    let toneStyle: TonePlacementStyle
    /// Where dossiers are delivered (`--to`, `MOTCUA_DELIVER_TO`, settings `deliverTo`); nil = the local core store.
    let deliverTo: String?
    /// Sign-in, when the data directory has operators (see KioskOperators.swift).
    let signIn: DeskSignIn?
    /// The shared core F2 searches instead of this desk's store (`--core`, `MOTCUA_CORE`, settings `core`).
    let coreURL: String?

    /// `desk`: the one `motcua fill` already made; otherwise one is made from `line`.
    init(line: StoreCommandLine, environment: [String: String] = ProcessInfo.processInfo.environment, desk given: Desk? = nil) throws {
        self.line = line
        let today = line.values["--today"].flatMap { CalendarDate.parseISO($0, precision: .day) }
        desk = try given ?? Desk(installation: try Installation(environment: environment), dataDirFlag: line.dataDir, kiosk: line.kiosk,
                                 operatorID: line.operatorID, today: today, environment: environment)
        toneStyle = desk.settings.toneStyle ?? .traditional
        deliverTo = Destinations.deliveryURL(option: line.values["--to"], environment: environment, settings: desk.settingsJSON)
        // A destination nobody handles stops the kiosk at start, with its reason, not at the first delivery.
        _ = try Destinations.make(url: deliverTo, kioskID: desk.store.kioskID, settings: desk.settingsJSON)
        signIn = DeskSignIn(dataDir: desk.dataDir, kioskID: desk.store.kioskID)
        signIn?.journal = desk.store
        coreURL = sharedCoreURL(line, environment: environment, settings: desk.settingsJSON)  // read once, by the Desk
    }

    /// Delivery in the background, when a destination other than the local core store is set.
    func startBackgroundDelivery(environment: [String: String]) {
        guard let url = deliverTo, (try? Destinations.make(url: url, kioskID: store.kioskID, settings: settings)) != nil else { return }
        BackgroundDelivery.start(dataDir: dataDir, kioskID: store.kioskID, operatorID: line.operatorName, url: url, environment: environment)
    }

    func messages(_ language: String) -> Messages { desk.installation.messages(language) }

    /// An interview of this desk, as the kiosk runs it.
    private func open(_ session: DeskSession) -> FormSession {
        self.session(FillSetup(desk: desk, session: session, line: line))
    }

    func session(_ setup: FillSetup) -> FormSession {
        // The draft is saved and the dossier queued by the desk session itself: neither comes back up here.
        var session = FormSession(interview: setup.session.makeInterview(), draftID: setup.draft.id, save: setup.session.save,
                                  submit: { [self] in try setup.session.submitReceipt($0, officer: signedInName) })
        session.possibleDuplicates = setup.session.possibleDuplicates
        return session
    }

    /// A draft open elsewhere, said in the kiosk's words.
    private func inUse(_ busy: DraftInUse, language: String) -> StoreError {
        .conflict(messages(language).text("draft.in_use", ["id": busy.draftID]))
    }

    /// The returning citizen's search over this desk's dossiers (it keeps only the forms' processing days).
    private lazy var finder = DossierFinder(desk: desk, coreURL: coreURL)

    func services() -> KioskServices {
        var s = KioskServices(
            messages: { [self] in messages($0) },
            searchProcedures: { [self] query, language in
                catalog.procedureItems(query, language: language, messages: messages(language))
            },
            drafts: { [drafts, catalog, signIn] language in
                try drafts.list().filter { signIn?.mayOpen(draftOwner: $0.owner) ?? true }.sorted { $0.updatedAt > $1.updatedAt }.map { d in
                    DraftItem(id: d.id, procedure: catalog.entry(id: d.formID)?.title(language) ?? d.formID,
                              applicant: d.applicantName, updated: vietnamTime(d.updatedAt).text)
                }
            },
            discardDraft: { [self] id in
                // The closure is not told the screen's language: the kiosk's starting one is used.
                do { try drafts.discard(id) } catch let busy as DraftInUse { throw inUse(busy, language: line.values["--lang"] ?? "vi") }
            },
            startForm: { [self] id, language in
                guard let entry = catalog.entry(id: id) else { throw StoreError.notFound("no form \(id)") }
                let session = open(try desk.start(form: entry.path, language: language, operatorID: operatorName))
                if let who = signIn?.current { signIn?.record(.draftStarted, operatorID: who.id, draft: session.draftID) }
                return session
            },
            resumeDraft: { [self] id, language in
                // Another officer's draft is not there for this one (an administrator sees all).
                if let signIn, let d = try drafts.load(id), !signIn.mayOpen(draftOwner: d.owner) { throw StoreError.notFound("no draft \(id)") }
                do { return open(try desk.resume(draft: id, language: language, operatorID: operatorName)) } catch let busy as DraftInUse { throw inUse(busy, language: language) }
            },
            queue: { [store, deliverTo] in
                let s = try store.queueSummary()
                let attention = s.items.filter { $0.state == .failed || $0.state == .setAside }.map {
                    QueueLine(receipt: $0.receipt, formID: $0.formID, state: $0.state, attempts: $0.attempts,
                              reason: $0.lastError, nextRetry: $0.nextRetry.map { vietnamTime($0).text })
                }
                let others = s.items.reversed().filter { $0.state != .failed && $0.state != .setAside }.map {
                    QueueLine(receipt: $0.receipt, formID: $0.formID, state: $0.state, attempts: $0.attempts)
                }
                // The last success: the newest `delivered` record (the journal is the truth, whoever delivered).
                let last = s.items.lazy.filter { $0.state == .delivered }.map(\.updatedAt).max()
                return QueueOverview(counts: s.counts, attention: attention, others: others, storedDossiers: s.storedDossiers, conflicts: s.storeConflicts,
                                     destination: deliverTo.map(ConnInfo.redacted), lastDelivered: last.map { vietnamTime($0).text })
            },
            deliver: { [self, store, deliverTo, settings] in
                let r = try store.deliver(operatorID: operatorName, to: try Destinations.make(url: deliverTo, kioskID: store.kioskID, settings: settings))
                return DeliverySummary(delivered: r.delivered.count, alreadyStored: r.alreadyStored.count,
                                       failed: r.failed.count, setAside: r.setAside.count, waiting: r.waiting)
            },
            retry: { [self, store] receipt in _ = try store.retry(receipt, operatorID: operatorName) },
            toneStyle: toneStyle,
            printReceipt: { [self, store] receipt in
                try ReceiptPrinter(dataDir: store.directory, messages: messages(line.values["--lang"] ?? "vi")).print(receipt)
                // Handed to the printer: in the audit chain, under the dossier (the paper is out either way).
                try? store.recordDeskEvent(.printed, operatorID: operatorName, dossierID: receipt.code)
            },
            operators: signIn?.services { [self] in messages("vi").text($0, $1) },
            today: { [store, desk] in try DeskToday(store: store, now: desk.today.map(Holidays.now(on:)) ?? .now, holidays: try Holidays.load()) })
        // (dossier id or receipt code, reason, language) → the correction's interview (issue 16).
        s.correctDossier = { [self] idOrReceipt, reason, language in
            // This desk's dossier, or one the shared core holds (found there by F2).
            let session = open(try finder.openCorrection(of: idOrReceipt, reason: reason, language: language, operatorID: operatorName))
            if let who = signIn?.current { signIn?.record(.draftStarted, operatorID: who.id, draft: session.draftID) }
            return session
        }
        s.findDossiers = { [self] query, language in
            // Every search reads the store as it is now (its word indexes, kept by the store).
            try finder.find(query, language: language)
        }
        s.dossierReceipt = { [self] id, language in try finder.receipt(id, language: language) }
        return s
    }
}
