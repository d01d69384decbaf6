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

    public init(desk: Desk) { self.desk = desk }

    /// The search's rows: every name, then the ID numbers, phones and receipt code.
    static func names(_ d: StoredDossier) -> [SearchName] {
        d.names.map { SearchName($0, .label) } + d.personalIDs.map { SearchName($0, .code) }
            + d.phones.map { SearchName($0, .code) } + [SearchName(d.receipt, .code)]
    }

    /// Dossiers matching `query`, best first, at most `limit`. An empty query finds
    /// nothing: no list of citizens is shown before a word is typed.
    public func find(_ query: String, language: String, limit: Int = 50) throws -> [FoundDossier] {
        guard query.contains(where: { !$0.isWhitespace }) else { return [] }
        let candidates = try desk.store.searchCandidates(query, limit: DossierFinder.candidateLimit)
        return DossierFinder.ranked(candidates, query, limit: limit).map { row($0, language: language) }
    }

    /// `candidates` ranked by the one option search: the phone typed "0912 345 678" or
    /// "+84 912..." as the one word the store keeps ("0912345678").
    public static func ranked(_ candidates: [StoredDossier], _ query: String, limit: Int) -> [StoredDossier] {
        guard !candidates.isEmpty else { return [] }
        let index = SearchIndex(candidates.map(DossierFinder.names))
        return index.search(DossierStore.searchQuery(query), limit: limit).map { candidates[$0.index] }
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
        guard let data = FileManager.default.contents(atPath: copy),
              case .success(let loaded) = FormEngine.load(data: data, name: copy, lists: ListDirectory(path: nil)) else { return nil }
        let received = vietnamTime(x.submittedAt).date
        let v = Validator(form: loaded.form, context: EvaluationContext(today: received, language: m.language, form: loaded.form), messages: m)
        let interview = Interview(form: loaded.form, validator: v, answers: x.answers.objectValue ?? JSONObject())
        return KioskSettings.load(store.directory).receipt(interview, x.receipt, dossierID: x.id, at: x.submittedAt, holidays: holidays)
    }
}
