// A citizen who comes back: their dossiers found by a name typed without diacritics, a
// national id, a phone or a receipt code, ranked by the one option search (MotCuaForms'
// `SearchIndex`: whole word, then word start, then inside a word), so "an" puts "An"
// before "Anh" before "Lan". No index of every dossier is built: per keystroke the
// store's own word indexes give the few hundred best candidates
// (`DossierStore.searchCandidates`) and only those are ranked, so a search always sees
// the store as it is now (a dossier just filed or delivered is found at once).
import Foundation
import MotCuaForms
import MotCuaInterview
import MotCuaStore

/// One dossier as the returning-citizen screen lists it.
public struct FoundDossier: Hashable, Sendable {
    public var id: String
    public var receipt: String
    public var formID: String
    /// The procedure's title in the asked language (the form id when the catalog lacks it).
    public var procedure: String
    /// The day it was received, in Việt Nam.
    public var received: CalendarDate
    public var state: QueueItemState
    /// The appointment: the form's processing days after `received`, holidays skipped
    /// (nil when the form gives none or the holidays cannot be read).
    public var appointment: CalendarDate?
    /// The first name in it (the applicant), for the officer to tell rows apart.
    public var applicant: String?

    public init(id: String, receipt: String, formID: String, procedure: String, received: CalendarDate,
                state: QueueItemState, appointment: CalendarDate? = nil, applicant: String? = nil) {
        self.id = id; self.receipt = receipt; self.formID = formID; self.procedure = procedure
        self.received = received; self.state = state; self.appointment = appointment; self.applicant = applicant
    }
}

/// The desk's search of its dossiers (the core store and the outbox).
public final class DossierFinder {
    public let desk: Desk
    /// Candidates ranked per keystroke, from the outbox and from the core store each: twice
    /// the rows shown, since building the ranking over 300 cost ~40 ms of a keystroke.
    public static let candidateLimit = 100
    /// Processing days per form id (absent: the form gives none), read from the catalog once.
    private var processingDays: [String: Int] = [:]
    private var formsRead: Set<String> = []
    /// The public holidays, read at the first row (nil: unreadable, no appointment shown).
    private lazy var holidays: HolidayCalendar? = try? desk.installation.holidays()
    /// The candidates' names as split for ranking, kept from keystroke to keystroke: a
    /// keystroke mostly ranks the names the one before it did (splitting them was about
    /// half of building the ranking's index).
    private var termCache = SearchTermCache()

    /// The shared core searched instead of this desk's store (issue 16: a dossier filed at
    /// another desk is found), nil for this desk's; its psql session opened at the first
    /// search and opened again after a failure.
    public let coreURL: String?
    private var core: PostgresCore?

    public init(desk: Desk, coreURL: String? = nil) { self.desk = desk; self.coreURL = coreURL }

    deinit { core?.session.close() }

    /// The shared core's session, opened when first needed.
    private func sharedCore(_ url: String) throws -> PostgresCore {
        if let core { return core }
        let opened = try PostgresCore(url: url)
        opened.limit = DossierFinder.candidateLimit
        core = opened
        return opened
    }

    /// Runs `body` on the shared core; a failure closes the session so the next call opens a new one.
    private func withCore<T>(_ url: String, _ body: (PostgresCore) throws -> T) throws -> T {
        do { return try body(try sharedCore(url)) } catch {
            core?.session.close(); core = nil
            throw error
        }
    }

    /// The search's rows: every name, then the ID numbers, phones and receipt code.
    static func names(_ d: StoredDossier) -> [SearchName] {
        d.names.map { SearchName($0, .label) } + d.personalIDs.map { SearchName($0, .code) }
            + d.phones.map { SearchName($0, .code) } + [SearchName(d.receipt, .code)]
    }

    /// Dossiers matching `query`, best first, at most `limit`. An empty query finds
    /// nothing: no list of citizens is shown before a word is typed.
    public func find(_ query: String, language: String, limit: Int = 50) throws -> [FoundDossier] {
        guard query.contains(where: { !$0.isWhitespace }) else { return [] }
        // The shared core: its newest matches (ID numbers, phones and codes whole, name word starts).
        let candidates = try coreURL.map { url in try withCore(url) { try $0.dossiers(search: query) } }
            ?? desk.store.searchCandidates(query, limit: DossierFinder.candidateLimit)
        return DossierFinder.ranked(DossierFinder.newestVersions(candidates), query, limit: limit, cache: &termCache).map { row($0, language: language) }
    }

    /// The candidates without the versions another candidate replaces: a corrected
    /// dossier is one row (its newest version, which Enter opens and S corrects again),
    /// not two rows with the same code, name and procedure.
    static func newestVersions(_ candidates: [StoredDossier]) -> [StoredDossier] {
        let replaced = Set(candidates.compactMap(\.supersedes))
        return replaced.isEmpty ? candidates : candidates.filter { !replaced.contains($0.id) }
    }

    /// `candidates` ranked by the one option search: the phone typed "0912 345 678" or
    /// "+84 912..." as the one word the store keeps ("0912345678").
    public static func ranked(_ candidates: [StoredDossier], _ query: String, limit: Int,
                              cache: inout SearchTermCache) -> [StoredDossier] {
        guard !candidates.isEmpty else { return [] }
        let index = SearchIndex(candidates.map(DossierFinder.names), cache: &cache)
        return index.search(DossierStore.searchQuery(query), limit: limit).map { candidates[$0.index] }
    }

    /// The receipt of a dossier found (id or receipt code), again: from this desk's store,
    /// or from the shared core (the dossier's exact bytes and its form copy in motcua.forms).
    public func receipt(_ idOrReceipt: String, language: String) throws -> Receipt {
        guard let url = coreURL else { return try desk.dossierReceipt(idOrReceipt, language: language) }
        let m = desk.installation.messages(language)
        let (details, form) = try withCore(url) { core -> (DossierDetails?, [UInt8]?) in
            let d = try core.details(idOrReceipt)
            return (d, try d.flatMap { try core.formCopy($0.dossier.formHash.hex) })
        }
        guard let d = details?.dossier else { throw StoreError.notFound(m.text("kiosk.returning.missing", ["id": idOrReceipt])) }
        guard let form, let r = Desk.storedReceipt(d, formData: Data(form), settingsDirectory: desk.store.directory, messages: m,
                                                   holidays: try desk.installation.holidays()) else {
            throw StoreError.unusableForm(m.text("kiosk.returning.noform"))
        }
        return r
    }

    /// A correction of a dossier found (id or receipt code), the one path of the kiosk's S
    /// and `dossiers correct`: of this desk's store's copy, unless a shared core is set and
    /// holds a later version or one this store lacks (filed at another desk); then of the
    /// core's exact bytes, read through this finder's one psql session. Either way the
    /// new version is the chain's next (`DossierStore.correctionLink`): same receipt code
    /// and first id, version + 1, delivered to the core as a supplement.
    public func openCorrection(of idOrReceipt: String, reason: String, language: String? = nil,
                               operatorID: String? = nil) throws -> DeskSession {
        let admitted = try DossierLink.admitReason(reason)
        guard let url = coreURL else { return try desk.openCorrection(of: idOrReceipt, reason: admitted, language: language, operatorID: operatorID) }
        let local = try desk.store.details(idOrReceipt)
        let shared: DossierDetails?
        do { shared = try withCore(url) { try $0.details(idOrReceipt) } } catch {
            // The core out of reach: this desk's own copy can still be corrected (delivered later).
            guard let local else { throw error }
            return try desk.openCorrection(of: local, fromCore: false, reason: admitted, language: language, operatorID: operatorID)
        }
        if let shared, shared.dossier.version > local?.dossier.version ?? 0 || shared.successor != nil {
            return try desk.openCorrection(of: shared, fromCore: true, reason: admitted, language: language, operatorID: operatorID)
        }
        guard let local else { throw StoreError.notFound("no dossier \(idOrReceipt) to correct, here or in the shared core store") }
        return try desk.openCorrection(of: local, fromCore: false, reason: admitted, language: language, operatorID: operatorID)
    }

    private func row(_ d: StoredDossier, language: String) -> FoundDossier {
        let received = vietnamTime(d.submittedAt).date
        let entry = desk.installation.catalog.entry(id: d.formID)
        if formsRead.insert(d.formID).inserted { processingDays[d.formID] = entry?.form.procedure?.processingDays }
        var appointment: CalendarDate?
        if let days = processingDays[d.formID], let calendar = holidays {
            appointment = calendar.adding(workingDays: days, to: received)
        }
        return FoundDossier(id: d.id, receipt: d.receipt, formID: d.formID, procedure: entry?.title(language) ?? d.formID,
                            received: received, state: d.state, appointment: appointment, applicant: d.names.first)
    }
}

extension Desk {
    /// The receipt of a dossier of this desk (id or receipt code), again: from the copy of
    /// the form it was made with, as of the day it was filed, with this data folder's
    /// settings. Throws when the dossier is unknown or its form copy unusable.
    public func dossierReceipt(_ idOrReceipt: String, language: String) throws -> Receipt {
        let m = installation.messages(language)
        guard let d = try store.details(idOrReceipt) else { throw StoreError.notFound(m.text("kiosk.returning.missing", ["id": idOrReceipt])) }
        guard let r = Desk.storedReceipt(store, d.dossier, messages: m, holidays: try installation.holidays()) else {
            throw StoreError.unusableForm(m.text("kiosk.returning.noform"))
        }
        return r
    }

    /// The receipt of a stored dossier: from the copy of the form it was made
    /// with, as of the day it was filed, with this data folder's settings (agency,
    /// tracking URL, payee). Nil when that copy is unusable.
    public static func storedReceipt(_ store: DossierStore, _ x: Dossier, messages m: Messages, holidays: HolidayCalendar) -> Receipt? {
        let copy = store.directory + "/forms/" + x.formHash.hex + ".json"
        guard let data = FileManager.default.contents(atPath: copy) else { return nil }
        return storedReceipt(x, formData: data, settingsDirectory: store.directory, messages: m, holidays: holidays)
    }

    /// The receipt of a dossier from the bytes of its form copy (this desk's or the shared
    /// core's), with the settings of the data folder `settingsDirectory`. Nil when unusable.
    public static func storedReceipt(_ x: Dossier, formData data: Data, settingsDirectory: String, messages m: Messages,
                                     holidays: HolidayCalendar) -> Receipt? {
        guard case .success(let loaded) = FormEngine.load(data: data, name: x.formHash.hex + ".json", lists: ListDirectory(path: nil)) else { return nil }
        let received = vietnamTime(x.submittedAt).date
        let v = Validator(form: loaded.form, context: EvaluationContext(today: received, language: m.language, form: loaded.form), messages: m)
        let interview = Interview(form: loaded.form, validator: v, answers: x.answers.objectValue ?? JSONObject())
        return KioskSettings.load(settingsDirectory).receipt(interview, x.receipt, dossierID: x.id, at: x.submittedAt, holidays: holidays)
    }
}
