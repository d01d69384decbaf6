import Foundation
import MotCuaForms

/// What one `deliver` run did.
public struct DeliveryReport: Sendable {
    public struct Failure: Sendable {
        public var id: String
        public var receipt: String
        public var reason: String
        /// When the next attempt is due (nil when set aside).
        public var nextRetry: Timestamp?
    }
    /// Newly stored in the core store.
    public var delivered: [String] = []
    /// Already in the core store with the same content (a retry after a crash): now marked delivered.
    public var alreadyStored: [String] = []
    public var failed: [Failure] = []
    public var setAside: [Failure] = []
    /// Failed earlier and not yet due for another attempt.
    public var waiting = 0
}

extension DossierStore {
    /// Delivers every due dossier (queued, failed and due, or left
    /// `delivering` by a crash) to the core store, in batches. For each batch:
    /// mark all `delivering` (fsync), re-validate each against its own form
    /// copy, store the valid ones (one write + fsync; idempotent by id), then
    /// record the outcomes (fsync). A crash anywhere leaves items retryable
    /// and the retry cannot duplicate them.
    public func deliver(operatorID: String, now: Timestamp? = nil, limit: Int? = nil) throws -> DeliveryReport {
        var report = DeliveryReport()
        var seen = Set<String>()
        var remaining = limit ?? Int.max
        while remaining > 0 {
            let done = try lock.withLock {
                try deliverBatch(max: min(options.batchSize, remaining), operatorID: operatorID, now: now ?? .now, seen: &seen, report: &report)
            }
            if done == 0 { break }
            remaining -= done
        }
        report.waiting = try lock.withLock {
            try refresh(.queue)
            let at = now ?? .now
            return queue.items.filter { $0.state == .failed && ($0.nextRetry ?? at) > at }.count
        }
        return report
    }

    private enum Verdict {
        case deliver(Delivery)
        case setAside(reason: String, codes: String)
    }

    private func deliverBatch(max: Int, operatorID: String, now: Timestamp, seen: inout Set<String>, report: inout DeliveryReport) throws -> Int {
        try refresh(.queue)
        // An unreachable core store (full disk, missing mount) fails the
        // attempts, with backoff, like a failed append; it is not an error of the run.
        var storeError: StoreError?
        do { try refresh(.core) } catch let e as StoreError { storeError = e }
        let skip = seen
        let due = queue.items.lazy.filter { item in
            guard !skip.contains(item.id) else { return false }
            switch item.state {
            case .queued, .delivering: return true
            case .failed: return (item.nextRetry ?? now) <= now
            case .delivered, .setAside: return false
            }
        }.prefix(max)
        let batch = Array(due)
        guard !batch.isEmpty else { return 0 }
        for item in batch { seen.insert(item.id) }
        var seq = queue.lastSeq

        // A dossier left `delivering` maxAttempts times was interrupted every
        // time (perhaps it crashes the process): set it aside, do not loop.
        var records: [(header: JSONObject, body: [UInt8]?)] = []
        var attempt: [String: Int] = [:]
        var tryNow: [QueueItem] = []
        for item in batch {
            seq += 1
            if item.state == .delivering, item.attempts >= options.maxAttempts {
                records.append((setAsideHeader(item, seq: seq, at: now, operatorID: operatorID,
                                               reason: "delivery was interrupted \(item.attempts) times", codes: "interrupted"), nil))
                report.setAside.append(.init(id: item.id, receipt: item.receipt, reason: "delivery was interrupted \(item.attempts) times"))
                continue
            }
            attempt[item.id] = item.attempts + 1
            tryNow.append(item)
            records.append((journalHeader(.delivering, seq: seq, at: now, operatorID: operatorID,
                                          [("id", .string(item.id)), ("attempt", .int(item.attempts + 1))]), nil))
        }
        try appendJournal(records, deferAudit: true)

        // Re-validate each against the exact form it was made with.
        var verdicts: [String: Verdict] = [:]
        var deliveries: [Delivery] = []
        for item in tryNow {
            let verdict = revalidate(item)
            verdicts[item.id] = verdict
            if case .deliver(let d) = verdict { deliveries.append(d) }
        }
        var stored: [String: AcceptOutcome] = [:]
        if storeError == nil {
            do {
                let outcomes = try core.accept(deliveries, at: now)
                for (d, o) in zip(deliveries, outcomes) { stored[d.id] = o }
            } catch let e as StoreError {
                storeError = e
            }
        }

        records = []
        seq = queue.lastSeq
        for item in tryNow {
            seq += 1
            switch verdicts[item.id]! {
            case .setAside(let reason, let codes):
                records.append((setAsideHeader(item, seq: seq, at: now, operatorID: operatorID, reason: reason, codes: codes), nil))
                report.setAside.append(.init(id: item.id, receipt: item.receipt, reason: reason))
            case .deliver:
                if let storeError {
                    let n = attempt[item.id]!
                    if n >= options.maxAttempts {
                        let reason = "gave up after \(n) attempts: \(storeError)"
                        records.append((setAsideHeader(item, seq: seq, at: now, operatorID: operatorID, reason: reason, codes: "gave-up"), nil))
                        report.setAside.append(.init(id: item.id, receipt: item.receipt, reason: reason))
                    } else {
                        let next = now.adding(seconds: options.backoff(afterAttempt: n))
                        records.append((journalHeader(.failed, seq: seq, at: now, operatorID: operatorID,
                                                      [("id", .string(item.id)), ("attempt", .int(n)), ("error", .string(storeError.description)),
                                                       ("next", .int(Int(next.milliseconds)))]), nil))
                        report.failed.append(.init(id: item.id, receipt: item.receipt, reason: storeError.description, nextRetry: next))
                    }
                } else if case .receiptTaken(let holder)? = stored[item.id] {
                    let reason = DossierStore.receiptConflictReason(item.receipt, holder: holder)
                    records.append((setAsideHeader(item, seq: seq, at: now, operatorID: operatorID, reason: reason, codes: "conflict"), nil))
                    report.setAside.append(.init(id: item.id, receipt: item.receipt, reason: reason))
                } else if case .conflict(let existing)? = stored[item.id] {
                    let reason = "conflict: the core store already holds other content under this dossier id (sha256 \(existing.hex.prefix(12))…); this one is kept aside"
                    records.append((setAsideHeader(item, seq: seq, at: now, operatorID: operatorID, reason: reason, codes: "conflict"), nil))
                    report.setAside.append(.init(id: item.id, receipt: item.receipt, reason: reason))
                } else {
                    let outcome = stored[item.id] == .alreadyStored ? "already-stored" : "stored"
                    records.append((journalHeader(.delivered, seq: seq, at: now, operatorID: operatorID,
                                                  [("id", .string(item.id)), ("outcome", .string(outcome))]), nil))
                    if outcome == "stored" { report.delivered.append(item.id) } else { report.alreadyStored.append(item.id) }
                }
            }
        }
        try appendJournal(records)
        return batch.count
    }

    func setAsideHeader(_ item: QueueItem, seq: Int, at: Timestamp, operatorID: String, reason: String, codes: String) -> JSONObject {
        journalHeader(.setAside, seq: seq, at: at, operatorID: operatorID,
                      [("id", .string(item.id)), ("reason", .string(reason)), ("codes", .string(codes))])
    }

    /// Checks a queued dossier again, against the stored copy of its form, as of its submit date.
    private func revalidate(_ item: QueueItem) -> Verdict {
        let dossier: Dossier
        let bytes: [UInt8]
        do {
            bytes = try body(of: item)
            dossier = try Dossier(bytes: bytes)
        } catch {
            return .setAside(reason: "the dossier's record cannot be read: \(error)", codes: "unreadable")
        }
        let form: PreparedForm
        do {
            form = try prepared(dossier.formHash) { try forms.load(dossier.formHash) }
        } catch {
            return .setAside(reason: "its form cannot be used: \(error)", codes: "form")
        }
        switch form.check(dossier.answers, dossier.language, dossier.submittedAt) {
        case .invalid(let issues):
            let codes = issues.map { "\($0.field):\($0.code)" }.joined(separator: ",")
            return .setAside(reason: "not valid against form \(form.formID) \(form.formVersion): " + issues.map(\.description).joined(separator: "; "),
                             codes: "invalid " + codes)
        case .valid(let checked):
            return .deliver(Delivery(id: item.id, receipt: item.receipt, formID: dossier.formID, formVersion: dossier.formVersion,
                                     formHash: dossier.formHash, contentHash: item.contentHash, body: bytes,
                                     names: checked.personalNames, personalIDs: checked.personalIDs))
        }
    }

    /// Puts a failed or set-aside dossier back in the queue (attempts reset).
    @discardableResult
    public func retry(_ idOrReceipt: String, operatorID: String, now: Timestamp? = nil) throws -> QueueItem {
        try lock.withLock {
            try refresh(.queue)
            guard let item = try queue.item(idOrReceipt) else { throw StoreError.notFound("no dossier \(idOrReceipt) in the queue") }
            guard item.state == .failed || item.state == .setAside || item.state == .delivering else {
                throw StoreError.conflict("dossier \(item.id) (receipt \(item.receipt)) is \(item.state.rawValue): nothing to retry")
            }
            try appendJournal([(journalHeader(.retry, seq: queue.lastSeq + 1, at: now ?? .now, operatorID: operatorID,
                                              [("id", .string(item.id))]), nil)])
            return queue.item(id: item.id) ?? item
        }
    }
}
