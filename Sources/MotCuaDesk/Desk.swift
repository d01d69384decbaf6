// One desk (a kiosk, or `motcua fill`) in one process: its installation, its data folder's
// store and drafts and settings, opened once; it hands out one `DeskSession` per interview.
// The front ends reach the store only through here.
import Foundation
import MotCuaForms
import MotCuaInterview
import MotCuaStore

public final class Desk {
    public let installation: Installation
    public let dataDir: String
    public let store: DossierStore
    public let drafts: FileDraftStore
    /// `<data dir>/settings.json` as read at start (nil: none, or not JSON).
    public let settingsJSON: JSONValue?
    /// The kiosk's keys of it (VietQR payee, tracking URL, tone style).
    public let settings: KioskSettings
    /// Who is at the desk, for the audit log.
    public let operatorName: String
    /// The day of record given with `--today` (tests and back-dated entry); nil = today.
    public let today: CalendarDate?

    public init(installation: Installation, dataDirFlag: String?, kiosk: String?, operatorID: String?,
                today: CalendarDate?, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.installation = installation
        let dataDir = try DataDirectory.resolve(flag: dataDirFlag, environment: environment)
        self.dataDir = dataDir
        installation.catalogCacheFile = dataDir + "/" + CatalogCache.name
        // settings.json parsed once for the kiosk id, the agency code and the desk's own keys
        // (it was parsed three times per start). A kiosk id chosen at first use is written
        // into the file but not needed in `settingsJSON`: the store holds it.
        let read = Result { try DataDirectory.settings(dataDir) }
        store = try Desk.openStore(dataDirFlag: dataDirFlag, kiosk: kiosk, settings: read, environment: environment)
        drafts = try FileDraftStore(dataDirectory: dataDir)
        settingsJSON = (try? read.get()).map(JSONValue.object)
        settings = KioskSettings(json: settingsJSON)
        operatorName = DataDirectory.operatorID(flag: operatorID, environment: environment)
        self.today = today
    }

    /// Opens a data directory with the form engine as checker (every store command
    /// opens it here too). `settings`: settings.json as the caller already read it.
    public static func openStore(dataDirFlag: String?, kiosk: String?, settings: Result<JSONObject, any Error>? = nil,
                                 environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DossierStore {
        let dir = try DataDirectory.resolve(flag: dataDirFlag, environment: environment)
        // Made on the first start only: the attributes dictionary (FileAttributeKey: Hashable)
        // was a conformance lookup on every start (~0.1 ms); the store tightens it to 0700.
        var st = stat()
        if stat(dir, &st) != 0 || st.st_mode & S_IFMT != S_IFDIR {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let read = settings ?? Result { try DataDirectory.settings(dir) }
        let kioskID = try DataDirectory.kioskID(flag: kiosk, directory: dir, settings: read, environment: environment)
        let agency = try DataDirectory.agencyCode(directory: dir, settings: read, environment: environment)
        var options = StoreOptions()
        // The first wait after a failed delivery (doubling after each further one).
        if let s = environment["MOTCUA_RETRY_SECONDS"].flatMap(Double.init), s > 0, s < 86400 { options.backoffBase = s }
        return try DossierStore(directory: dir, kioskID: kioskID, agencyCode: agency, checker: StoreForms.checker, options: options)
    }

    /// A new interview of a form (a path, or an id under Forms/), with a new draft owned by
    /// `operatorID` (the one signed in at a kiosk; else the desk's operator).
    public func start(form: String, language: String, operatorID: String? = nil) throws -> DeskSession {
        let path = installation.formPath(form)
        var draft = Draft(id: DossierID.make(), formID: "", formVersion: "", formPath: path, language: language)
        draft.owner = operatorID ?? operatorName
        return try DeskSession(desk: self, draft: draft, lock: try drafts.lock(draft.id), formPath: path, language: language,
                               operatorID: operatorID ?? operatorName)
    }

    /// An interview that corrects (not delivered yet) or supplements (delivered) dossier
    /// `idOrReceipt` (issue 16): a new dossier id, the predecessor's answers prefilled,
    /// its language unless `language` is given; submitting it makes the new version,
    /// which names its predecessor and `reason`. It runs on the form under Forms/ today
    /// (the same procedure), not the predecessor's stored copy: the new version is
    /// checked and delivered against the rules in force, and answers that no longer
    /// pass show up in the interview to be fixed. Refused early (with the store's
    /// reason) when the dossier is unknown, already replaced or being delivered.
    public func openCorrection(of idOrReceipt: String, reason: String, language: String? = nil,
                               operatorID: String? = nil) throws -> DeskSession {
        let admitted = try DossierLink.admitReason(reason)
        guard let old = try store.details(idOrReceipt) else { throw StoreError.notFound("no dossier \(idOrReceipt) to correct") }
        return try openCorrection(of: old, fromCore: false, reason: admitted, language: language, operatorID: operatorID)
    }

    /// The same of a dossier already read: from this desk's store, or (`fromCore`) from the
    /// shared core store, which this store need not hold (`DossierFinder.openCorrection`);
    /// then the draft keeps what the new version's link is made of (`CorePredecessor`).
    /// The draft is on disk when this returns, before any answer.
    public func openCorrection(of old: DossierDetails, fromCore: Bool, reason: String, language: String? = nil,
                               operatorID: String? = nil) throws -> DeskSession {
        let admitted = try DossierLink.admitReason(reason)
        if let next = old.successor {
            throw StoreError.conflict("dossier \(old.dossier.id) was already replaced by \(next.id); correct the latest version")
        }
        if old.state == .delivering { throw StoreError.conflict("dossier \(old.dossier.id) is being delivered right now; try again in a moment") }
        let path = installation.formPath(old.dossier.formID)
        let lang = language ?? old.dossier.language
        var draft = Draft(id: DossierID.make(), formID: old.dossier.formID, formVersion: "", formPath: path, language: lang,
                          answers: old.dossier.answers.objectValue ?? JSONObject())
        draft.owner = operatorID ?? operatorName
        draft.correction = CorrectionRequest(of: old.dossier.id, reason: admitted, core: fromCore ? CorePredecessor(old.dossier) : nil)
        let session = try DeskSession(desk: self, draft: draft, lock: try drafts.lock(draft.id), formPath: path, language: lang,
                                      operatorID: operatorID ?? operatorName)
        guard session.loaded.form.id == old.dossier.formID else {
            throw StoreError.notFound("no form \(old.dossier.formID) under Forms/ to correct dossier \(old.dossier.id) with")
        }
        // On disk before its review shows: a kill there keeps the correction and its reason.
        try session.saveOpened()
        return session
    }

    /// A saved draft resumed; `form` overrides the form file it was made on, `language`
    /// the language it was left in. Throws `DraftInUse` when another desk has it open.
    public func resume(draft id: String, form: String? = nil, language: String? = nil, operatorID: String? = nil) throws -> DeskSession {
        // Locked before it is read: what is read is what no other desk can change meanwhile.
        let lock = try drafts.lock(id)
        guard let d = try drafts.load(id) else { throw StoreError.notFound("no draft \(id) (see 'motcua drafts list')") }
        return try DeskSession(desk: self, draft: d, lock: lock, formPath: form.map(installation.formPath) ?? d.formPath, language: language,
                               operatorID: operatorID ?? operatorName)
    }
}
