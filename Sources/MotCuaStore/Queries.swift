import Foundation
import MotCuaForms

/// A dossier in the core store, as listed (no answers read).
public struct StoredDossier: Sendable {
    public var id: String
    public var receipt: String
    public var formID: String
    public var formVersion: String
    public var deliveredAt: Timestamp
    public var names: [String]
    public var personalIDs: [String]
    /// Phone numbers as digits (+84 written as 0).
    public var phones: [String] = []
    /// When the citizen submitted (what a desk asks about).
    public var submittedAt: Timestamp
    /// `.delivered` for the core store; the queue's state for a dossier not delivered yet.
    public var state: QueueItemState = .delivered
    /// The id of the version this one replaces (a correction or supplement); nil for a first version.
    public var supersedes: String? = nil
}

/// One change in a dossier's life, as `dossiers show` prints it.
public struct DossierEvent: Sendable {
    public var at: Timestamp
    /// "submit", "import", "delivering", "delivered", "failed", "set-aside", "retry",
    /// "superseded" (the submit of the version that replaced it).
    public var event: String
    public var operatorID: String
    public var kiosk: String
    /// Attempt number, error or reason, when the event has one.
    public var detail: String?
}

/// Everything known about one dossier.
public struct DossierDetails: Sendable {
    public var dossier: Dossier
    /// The queue's view; nil when the dossier is only in the core store.
    public var state: QueueItemState?
    public var attempts: Int
    public var lastError: String?
    public var nextRetry: Timestamp?
    /// Set when the core store holds it.
    public var deliveredAt: Timestamp?
    public var history: [DossierEvent]
    /// The version this one replaces, and the one that replaced it (issue 16), when stored here.
    public var predecessor: Dossier?
    public var successor: Dossier?
}

/// Counts for `queue status`.
public struct QueueSummary: Sendable {
    public var counts: [QueueItemState: Int]
    public var items: [QueueItem]
    public var storedDossiers: Int
    public var storeConflicts: Int
}

extension DossierStore {
    /// The whole outbox, oldest first.
    public func queueSummary() throws -> QueueSummary {
        try lock.withLock {
            try refresh(.all)
            var counts: [QueueItemState: Int] = [:]
            for s in QueueItemState.allCases { counts[s] = 0 }
            for item in queue.items { counts[item.state, default: 0] += 1 }
            return QueueSummary(counts: counts, items: queue.items, storedDossiers: core.index.entries.count,
                                storeConflicts: core.index.conflictCount)
        }
    }

    /// Dossiers in the core store, oldest first, then those still in the
    /// outbox (queued, delivering, failed, set aside), so a desk finds a
    /// citizen whose dossier has not been delivered yet. With `search`, those
    /// whose names (diacritics and case ignored), ID numbers, phones (digits,
    /// +84 as 0), receipt code or id start with every word of it. `personal`:
    /// outbox dossiers carry their names, IDs and phones even with no search
    /// (a desk's own ranking, `DossierFinder`, reads them all).
    public func listedDossiers(search: String? = nil, personal: Bool = false) throws -> [StoredDossier] {
        try lock.withLock {
            try refresh(.all)
            let picked = search.map { core.search($0) } ?? Array(core.index.entries.indices)
            let index = core.index
            var found = picked.map { index.entries[$0].listed }
            var (pending, items) = outbox(personal: search != nil || personal)
            for i in search.map({ pending.search($0) }) ?? Array(pending.entries.indices) {
                var d = pending.entries[i].listed
                d.state = items[i].state
                found.append(d)
            }
            return found
        }
    }

    /// The dossiers a ranked search of `query` should rank (the desk's returning-citizen
    /// search, issue 16): at most `limit` of the outbox's and at most `limit` of the core
    /// store's, those matching every word best (whole words, then word starts, then inside
    /// a word: `StoreIndex.candidates`), newest first among equals, outbox first. Found
    /// through the store's word indexes: no listing of every dossier.
    public func searchCandidates(_ query: String, limit: Int) throws -> [StoredDossier] {
        try lock.withLock {
            try refresh(.all)
            var (pending, items) = outbox(personal: true)
            var found: [StoredDossier] = pending.candidates(query, limit: limit).map { i in
                var d = pending.entries[i].listed
                d.state = items[i].state
                return d
            }
            let index = core.index
            found += core.candidates(query, limit: limit).map { index.entries[$0].listed }
            return found
        }
    }

    /// A query as the store searches it: digit groups of a phone joined, +84 written as 0.
    public static func searchQuery(_ query: String) -> String { StoreIndex.normalizedQuery(query) }

    /// The outbox (queued, delivering, failed, set aside: what has not reached the core
    /// yet) as a small index, its items in step. It is small, so its dossiers are checked
    /// against their forms, as delivery does, for their names and phones (`personal`).
    private func outbox(personal: Bool) -> (StoreIndex, [QueueItem]) {
        var pending = StoreIndex()
        var formBytes: [Digest: [UInt8]] = [:]
        var items: [QueueItem] = []
        let index = core.index
        // Read in place: copying each of 100,000 delivered items cost more than the search.
        let all = queue.items
        for i in all.indices where all[i].state != .delivered && index.entry(id: all[i].id) == nil {
            let item = all[i]
            var e = StoreIndex.Entry(id: item.id, receipt: item.receipt, formID: item.formID, formVersion: item.formVersion,
                                     contentHash: item.contentHash, offset: 0, deliveredAt: 0, names: [], personalIDs: [],
                                     submittedAt: item.submittedAt.milliseconds)
            if personal, case .deliver(let d) = revalidate(item, formBytes: &formBytes) {
                e.names = d.names; e.personalIDs = d.personalIDs; e.phones = d.phones
                e.supersedes = d.link?.supersedes
            }
            pending.add(e)
            items.append(item)
        }
        return (pending, items)
    }

    /// Dossiers in the core store only, oldest first; `search` as for `listedDossiers`.
    public func storedDossiers(search: String? = nil) throws -> [StoredDossier] {
        try lock.withLock {
            try refresh(.core)
            return (search.map { core.search($0) } ?? Array(core.index.entries.indices)).map { core.index.entries[$0].listed }
        }
    }

    /// A stored dossier by id or receipt code, from the index alone (no disk read).
    public func storedDossier(_ idOrReceipt: String) throws -> StoredDossier? {
        try lock.withLock {
            try refresh(.core)
            return try core.index.entry(idOrReceipt)?.listed
        }
    }

    /// Stored dossiers holding personal ID number `number` (exact).
    public func storedDossiers(personalID number: String) throws -> [String] {
        try lock.withLock {
            try refresh(.core)
            return core.lookup(personalID: number).map { core.index.entries[$0].id }
        }
    }

    /// A dossier by id or receipt code, from the queue or the core store,
    /// with its history and its versions either side; nil when unknown.
    public func details(_ idOrReceipt: String) throws -> DossierDetails? {
        try lock.withLock {
            try refresh(.all)
            guard let (item, entry) = try locate(idOrReceipt) else { return nil }
            let dossier = try Dossier(bytes: try item.map { try body(of: $0) } ?? core.body(of: entry!))
            var history: [DossierEvent] = []
            for offset in item?.history ?? [] {
                let (h, _) = try RecordPayload.split(try queueLog.read(at: offset))
                // A desk record is shown as what the officer did ("printed", "signed-in").
                var event = (h["k"]?.stringValue == JournalKind.desk.rawValue ? h["event"]?.stringValue : h["k"]?.stringValue) ?? "?"
                var detail = h["reason"]?.stringValue ?? h["error"]?.stringValue ?? h["outcome"]?.stringValue
                    ?? h["attempt"]?.intValue.map { "attempt \($0)" } ?? h["bundle"]?.stringValue.map { "from bundle \($0.prefix(12))…" }
                if event == JournalKind.submit.rawValue || event == JournalKind.import.rawValue, h["id"]?.stringValue != dossier.id {
                    // The submit record of the version that replaced this one (QueueState.supersede).
                    event = "superseded"
                    detail = (h["id"]?.stringValue ?? "?") + ": " + (h["reason"]?.stringValue ?? "")
                } else if h["supersedes"] != nil {
                    detail = nil  // the link is shown beside the history
                }
                history.append(DossierEvent(at: Timestamp(milliseconds: Int64(h["at"]?.intValue ?? 0)), event: event,
                                            operatorID: h["op"]?.stringValue ?? "", kiosk: h["kiosk"]?.stringValue ?? "", detail: detail))
            }
            let successorID = successor(of: dossier.id)
            return DossierDetails(dossier: dossier, state: item?.state, attempts: item?.attempts ?? 0,
                                  lastError: item?.lastError, nextRetry: item?.nextRetry,
                                  deliveredAt: (entry ?? core.index.entry(id: dossier.id)).map { Timestamp(milliseconds: $0.deliveredAt) },
                                  history: history,
                                  predecessor: try dossier.link.flatMap { try dossierLocked(id: $0.supersedes) },
                                  successor: try successorID.flatMap { try dossierLocked(id: $0) })
        }
    }

    /// The dossier's exact JSON bytes (queue first, else core store).
    public func dossierBytes(_ idOrReceipt: String) throws -> [UInt8]? {
        try lock.withLock {
            try refresh(.all)
            guard let (item, entry) = try locate(idOrReceipt) else { return nil }
            if let item { return try body(of: item) }
            return try entry.map { try core.body(of: $0) }
        }
    }

    /// A dossier by id, or the latest version of the one chain holding a
    /// receipt code, in the queue and/or the core store (queue and core
    /// loaded, under the lock). Throws when several chains hold the code.
    func locate(_ idOrReceipt: String) throws -> (QueueItem?, StoreIndex.Entry?)? {
        var id = idOrReceipt
        if queue.item(id: id) == nil, core.index.entry(id: id) == nil {
            let holders = queue.items(receipt: idOrReceipt).map { ($0.id, $0.chain, $0.version) }
                + core.index.entries(receipt: idOrReceipt).map { ($0.id, $0.chain, $0.version) }
            guard let latest = try ReceiptChains.latest(holders, receipt: idOrReceipt, id: \.0, chain: \.1, version: \.2) else { return nil }
            id = latest.0
        }
        let item = queue.item(id: id), entry = core.index.entry(id: id)
        return item == nil && entry == nil ? nil : (item, entry)
    }

    /// One dossier by id from the queue or the core store (under the lock).
    func dossierLocked(id: String) throws -> Dossier? {
        if let item = queue.item(id: id) { return try Dossier(bytes: try body(of: item)) }
        if let entry = core.index.entry(id: id) { return try Dossier(bytes: try core.body(of: entry)) }
        return nil
    }
}

extension StoreIndex.Entry {
    var listed: StoredDossier {
        StoredDossier(id: id, receipt: receipt, formID: formID, formVersion: formVersion, deliveredAt: Timestamp(milliseconds: deliveredAt),
                      names: names, personalIDs: personalIDs, phones: phones, submittedAt: Timestamp(milliseconds: submittedAt),
                      supersedes: supersedes)
    }
}
