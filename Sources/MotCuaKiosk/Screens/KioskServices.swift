// What the kiosk app needs from the outside world, as closures over plain values. The CLI
// gives the real ones (catalog, data directory, queue); tests give in-memory ones, so
// every screen can be driven key by key and read back without a disk or a terminal.
import MotCuaDesk
import MotCuaForms
import MotCuaInterview
import MotCuaText

/// One procedure of the catalog, as the home screen lists it.
public struct ProcedureItem: Hashable, Sendable {
    /// The form id (`khai-sinh`).
    public var id: String
    public var title: String
    /// The national procedure code (`1.001193`), when the form gives one.
    public var code: String?
    public var summary: String?
    /// Why the search found it when not by its title ("tìm theo: giấy khai sinh").
    public var reason: String?
    /// The search's rank, lower first (to merge two searches of one catalog).
    public var rank: UInt64 = 0

    public init(id: String, title: String, code: String? = nil, summary: String? = nil, reason: String? = nil) {
        self.id = id; self.title = title; self.code = code; self.summary = summary; self.reason = reason
    }
}

/// A draft that can be resumed.
public struct DraftItem: Hashable, Sendable {
    public var id: String
    /// The procedure's title in the kiosk's language (the form id when unknown).
    public var procedure: String
    /// The applicant's name where one was answered.
    public var applicant: String?
    /// Last change, already formatted ("09:15 27/11/2026").
    public var updated: String

    public init(id: String, procedure: String, applicant: String?, updated: String) {
        self.id = id; self.procedure = procedure; self.applicant = applicant; self.updated = updated
    }
}

/// One dossier of the outbox that needs a look (failed or set aside).
public struct QueueLine: Hashable, Sendable {
    public var receipt: String
    public var formID: String
    public var state: QueueItemState
    public var attempts: Int
    /// Why it failed or was set aside.
    public var reason: String?
    /// When the next attempt is due, formatted (failed items only).
    public var nextRetry: String?

    public init(receipt: String, formID: String, state: QueueItemState, attempts: Int = 0,
                reason: String? = nil, nextRetry: String? = nil) {
        self.receipt = receipt; self.formID = formID; self.state = state; self.attempts = attempts
        self.reason = reason; self.nextRetry = nextRetry
    }
}

/// The outbox at a glance.
public struct QueueOverview: Hashable, Sendable {
    public var counts: [QueueItemState: Int]
    /// Failed and set-aside dossiers, oldest first.
    public var attention: [QueueLine]
    /// The other dossiers of the outbox (queued, delivering, delivered), newest first:
    /// with `attention`, every dossier, for the queue screen's list.
    public var others: [QueueLine]
    public var storedDossiers: Int
    public var conflicts: Int
    /// Where dossiers are delivered (no password); nil = the local core store.
    public var destination: String?
    /// When a delivery last succeeded (formatted); nil = never.
    public var lastDelivered: String?

    public init(counts: [QueueItemState: Int], attention: [QueueLine] = [], others: [QueueLine] = [], storedDossiers: Int = 0,
                conflicts: Int = 0, destination: String? = nil, lastDelivered: String? = nil) {
        self.counts = counts; self.attention = attention; self.others = others
        self.storedDossiers = storedDossiers; self.conflicts = conflicts
        self.destination = destination; self.lastDelivered = lastDelivered
    }

    public func count(_ state: QueueItemState) -> Int { counts[state] ?? 0 }
}

/// What one "deliver now" did.
public struct DeliverySummary: Hashable, Sendable {
    public var delivered: Int
    public var alreadyStored: Int
    public var failed: Int
    public var setAside: Int
    public var waiting: Int

    public init(delivered: Int, alreadyStored: Int = 0, failed: Int = 0, setAside: Int = 0, waiting: Int = 0) {
        self.delivered = delivered; self.alreadyStored = alreadyStored; self.failed = failed
        self.setAside = setAside; self.waiting = waiting
    }
}

/// One interview in progress and what it can do with the outside: save its draft after
/// every confirmed answer, and queue the finished dossier.
public struct FormSession {
    public var interview: Interview
    /// The draft's id, which is also the dossier's id.
    public var draftID: String
    /// Saves the draft atomically (before the next question appears).
    public var save: (Interview) throws -> Void
    /// Queues the dossier durably, drops the draft and gives the receipt.
    public var submit: (Interview) throws -> Receipt
    /// Dossiers like this one received in the last 30 days (same procedure, same national
    /// id or same name and date of birth): asked before submitting, to warn, never to block.
    public var possibleDuplicates: ((Interview) -> [EarlierDossier])? = nil
    /// Why this interview corrects or supplements a dossier already filed (nil: a new
    /// dossier): the review says so, so nobody takes it for a new application.
    public var correctionReason: String? = nil

    public init(interview: Interview, draftID: String, save: @escaping (Interview) throws -> Void,
                submit: @escaping (Interview) throws -> Receipt) {
        self.interview = interview; self.draftID = draftID; self.save = save; self.submit = submit
    }
}

/// Everything the app asks of the outside. Each is a closure so the app stays a value
/// with pure views; errors are shown on screen in one line, never hidden.
public struct KioskServices {
    /// The program's messages in a language (`Locales/<lang>.json`).
    public var messages: (String) -> Messages
    /// Catalog entries matching a query (diacritics and case ignored), best first; an
    /// empty query lists the catalog. Arguments: query, language.
    public var searchProcedures: (String, String) -> [ProcedureItem]
    /// Drafts, newest first, with titles in a language.
    public var drafts: (String) throws -> [DraftItem]
    public var discardDraft: (String) throws -> Void
    /// A new interview of a form (by id), in a language.
    public var startForm: (String, String) throws -> FormSession
    /// A saved draft (by id) resumed at its first unanswered question, in a language.
    public var resumeDraft: (String, String) throws -> FormSession
    public var queue: () throws -> QueueOverview
    public var deliver: () throws -> DeliverySummary
    /// Puts a failed or set-aside dossier (by receipt code) back in the queue: the officer's decision.
    public var retry: (String) throws -> Void
    /// Where Vietnamese typing puts tone marks (a kiosk setting).
    public var toneStyle: TonePlacementStyle
    /// Prints a receipt (its PDF through the configured print command); the
    /// error says why not, in one line.
    public var printReceipt: (Receipt) throws -> Void
    public var correctDossier: ((String, String, String) throws -> FormSession)? = nil
    /// Sign-in, when operators are configured (nil: the kiosk is open to whoever sits at it).
    public var operators: OperatorServices?
    /// Today's numbers and dossiers (the "Hôm nay" screen), as `motcua report` counts them.
    public var today: () throws -> DeskToday
    /// A returning citizen's dossiers matching a query (name without diacritics, national
    /// id, phone, receipt code), best first, titles in a language. Arguments: query,
    /// language. An empty query finds none and makes the next search read the store afresh.
    public var findDossiers: (String, String) throws -> [FoundDossier] = { _, _ in throw ServiceUnavailable(what: "dossier search") }
    /// A form id's procedure title in a language, for lines that name a dossier's
    /// procedure (the queue, "Hôm nay"); the id itself when the catalog lacks the form
    /// (a dossier of a form since removed). Arguments: form id, language.
    public var procedureTitle: (String, String) -> String = { id, _ in id }
    /// The receipt of a dossier (by id), again, in a language.
    public var dossierReceipt: (String, String) throws -> Receipt = { _, _ in throw ServiceUnavailable(what: "receipts") }

    public init(messages: @escaping (String) -> Messages,
                searchProcedures: @escaping (String, String) -> [ProcedureItem],
                drafts: @escaping (String) throws -> [DraftItem],
                discardDraft: @escaping (String) throws -> Void,
                startForm: @escaping (String, String) throws -> FormSession,
                resumeDraft: @escaping (String, String) throws -> FormSession,
                queue: @escaping () throws -> QueueOverview,
                deliver: @escaping () throws -> DeliverySummary,
                retry: @escaping (String) throws -> Void = { _ in throw ServiceUnavailable(what: "retry") },
                toneStyle: TonePlacementStyle = .traditional,
                printReceipt: @escaping (Receipt) throws -> Void = { _ in throw ServiceUnavailable(what: "printing") },
                operators: OperatorServices? = nil,
                today: @escaping () throws -> DeskToday = { throw ServiceUnavailable(what: "today's report") }) {
        self.messages = messages; self.searchProcedures = searchProcedures
        self.drafts = drafts; self.discardDraft = discardDraft
        self.startForm = startForm; self.resumeDraft = resumeDraft
        self.queue = queue; self.deliver = deliver; self.retry = retry; self.toneStyle = toneStyle
        self.printReceipt = printReceipt
        self.operators = operators
        self.today = today
    }
}

/// A service this kiosk was built without (a demo, a test), said on screen as any error is.
public struct ServiceUnavailable: Error, CustomStringConvertible {
    public var what: String
    public init(what: String) { self.what = what }
    public var description: String { "\(what) is not available here" }
}
