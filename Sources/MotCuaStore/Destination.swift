import Foundation
import MotCuaForms

/// A dossier as delivery hands it to a destination: everything a core store
/// needs without reading the queue (the exact bytes and their SHA-256, the
/// exact form file they were checked against, and the facts the index keeps).
public struct OutgoingDossier: Sendable {
    public var id: String
    public var receipt: String
    public var formID: String
    public var formVersion: String
    public var formHash: Digest
    /// SHA-256 of `body`.
    public var contentHash: Digest
    /// The dossier's exact JSON bytes, as submitted.
    public var body: [UInt8]
    /// Names of people in the dossier (as typed, NFC), first the applicant's.
    public var names: [String]
    /// Personal ID numbers (CCCD, CMND), first the applicant's.
    public var personalIDs: [String]
    /// Phone numbers in the dossier, first the applicant's.
    public var phones: [String]
    public var kioskID: String
    public var operatorID: String
    /// When the citizen submitted.
    public var submittedAt: Timestamp
    /// The procedure's national code (the form's `procedure.code`), when the form names one.
    public var procedureCode: String?
    /// The exact bytes of the form copy (`formHash` is their SHA-256); arrays
    /// share storage, so a batch made with one form holds it once.
    public var form: [UInt8]
    /// A correction or supplement: the version it replaces (also in `body`).
    public var link: DossierLink?

    public init(id: String, receipt: String, formID: String, formVersion: String, formHash: Digest, contentHash: Digest,
                body: [UInt8], names: [String], personalIDs: [String], phones: [String] = [], kioskID: String = "",
                operatorID: String = "", submittedAt: Timestamp = Timestamp(milliseconds: 0), procedureCode: String? = nil,
                form: [UInt8] = [], link: DossierLink? = nil) {
        self.id = id
        self.receipt = receipt
        self.formID = formID
        self.formVersion = formVersion
        self.formHash = formHash
        self.contentHash = contentHash
        self.body = body
        self.names = names
        self.personalIDs = personalIDs
        self.phones = phones
        self.kioskID = kioskID
        self.operatorID = operatorID
        self.submittedAt = submittedAt
        self.procedureCode = procedureCode
        self.form = form
        self.link = link
    }
}

/// What a destination did with one dossier of a batch.
public enum DestinationOutcome: Sendable, Equatable {
    /// Newly stored.
    case stored
    /// Already there with the same content hash (a retry after a crash): done.
    case alreadyStored
    /// Same id or same receipt code with other content: set aside with the
    /// reason, never retried by itself (the officer decides).
    case conflict(String)
    /// Refused for good (the destination's reason): set aside, never retried by itself.
    case rejected(String)
    /// Not stored this time; try again later (after `retryAfter` seconds when the destination says).
    case unavailable(String, retryAfter: Double?)
}

/// A failure of a whole batch, thrown by `DeliveryDestination.deliver`.
public enum DestinationError: Error, Sendable, CustomStringConvertible {
    /// Nothing was stored (server down, timeout, client missing): every dossier backs off.
    case unavailable(String, retryAfter: Double?)
    /// The run must stop (e.g. authentication failed): the batch backs off and
    /// `deliver` throws this after recording it, so nothing hammers the server.
    case stop(String)

    public var description: String {
        switch self {
        case .unavailable(let s, _), .stop(let s): return s
        }
    }
}

/// Where delivered dossiers go. Answers per dossier, in the batch's order,
/// one outcome each. Must be idempotent by dossier id: a batch sent twice
/// (the sender died before recording the outcomes) stores nothing twice.
/// Called from one thread at a time; not required to be Sendable.
public protocol DeliveryDestination: AnyObject {
    /// For messages: "the local core store", "postgresql://host/db" (never a password).
    var label: String { get }
    func deliver(_ batch: [OutgoingDossier]) throws -> [DestinationOutcome]
    /// Dossiers per batch this destination wants (nil: the store's
    /// `batchSize`). A remote one whose per-batch cost is a process start and
    /// a connection asks for larger batches; each batch is still one
    /// transaction and one pair of queue fsyncs.
    var preferredBatchSize: Int? { get }
}

extension DeliveryDestination {
    public var preferredBatchSize: Int? { nil }
}

/// Which destination a URL names. The local core store is the default (no
/// URL). To add one: a `case` below for its URL scheme, building it from the
/// URL (see `PostgresDestination`, `HTTPSDestination`).
public enum Destinations {
    /// A destination for `url`, or nil for the local core store (`url` nil,
    /// empty, or "local"). Throws for a scheme nobody handles or a malformed URL.
    public static func make(url: String?, kioskID: String, settings: JSONValue? = nil) throws -> (any DeliveryDestination)? {
        guard let url = url?.trimmingCharacters(in: .whitespaces), !url.isEmpty, url != "local" else { return nil }
        switch scheme(of: url) {
        case "postgresql", "postgres":
            return try PostgresDestination(url: url)
        case "https", "http":
            return try makeHTTPS(url: url, kioskID: kioskID, settings: settings)
        default:
            throw StoreError.invalidArgument("no delivery destination for \"\(ConnInfo.redacted(url))\": use postgresql://…, https://… or nothing for the local core store")
        }
    }

    /// The URL's scheme, lower-cased ("" when there is none).
    public static func scheme(of url: String) -> String {
        guard let colon = url.firstIndex(of: ":") else { return "" }
        return url[..<colon].lowercased()
    }

    /// The delivery URL a command should use: `--to`, else `MOTCUA_DELIVER_TO`,
    /// else `deliverTo` in settings.json; nil = the local core store.
    public static func deliveryURL(option: String?, environment: [String: String], settings: JSONValue?) -> String? {
        option ?? environment["MOTCUA_DELIVER_TO"].flatMap { $0.isEmpty ? nil : $0 } ?? settings?["deliverTo"]?.stringValue
    }
}
