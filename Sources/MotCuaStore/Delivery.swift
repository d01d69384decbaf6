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
    /// `delivering` by a crash) to `destination` (nil: the local core store),
    /// in batches. For each batch, holding `deliver.lock`: under the data lock,
    /// mark all `delivering` (fsync) and re-validate each against its own form
    /// copy; without it, hand the valid ones to the destination (idempotent
    /// by id); under the data lock again, record the outcomes (fsync). A crash
    /// anywhere leaves items retryable and the retry cannot duplicate them.
    /// Throws `DestinationError.stop` (after recording the batch as failed)
    /// when the destination says the run must stop.
    public func deliver(operatorID: String, now: Timestamp? = nil, limit: Int? = nil,
                        to destination: (any DeliveryDestination)? = nil) throws -> DeliveryReport {
        var report = DeliveryReport()
        var seen = Set<String>()
        var remaining = limit ?? Int.max
        if deliveryLock == nil { deliveryLock = try FileLock(path: directory + "/" + DossierStore.deliveryLockName) }
        let batchLock = deliveryLock!
        let batchSize = max(1, destination?.preferredBatchSize ?? options.batchSize)
        while remaining > 0 {
            let at = now ?? .now
            let target = destination ?? LocalCoreDestination(store: self, now: at)
            let done = try batchLock.withLock {
                try deliverBatch(max: min(batchSize, remaining), operatorID: operatorID, now: at, to: target,
                                 seen: &seen, report: &report)
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

    enum Verdict {
        case deliver(OutgoingDossier)
        case setAside(reason: String, codes: String)
    }

    /// What the first phase of a batch decided, for the last.
    private struct Plan {
        var tryNow: [QueueItem] = []
        var attempt: [String: Int] = [:]
        var verdicts: [String: Verdict] = [:]
        var outgoing: [OutgoingDossier] = []
        var count = 0
    }

    private func deliverBatch(max: Int, operatorID: String, now: Timestamp, to destination: any DeliveryDestination,
                              seen: inout Set<String>, report: inout DeliveryReport) throws -> Int {
        var plan = try lock.withLock { try prepareBatch(max: max, operatorID: operatorID, now: now, seen: &seen, report: &report) }
        guard plan.count > 0 else { return 0 }
        var outcomes: [String: DestinationOutcome] = [:]
        var stop: DestinationError?
        if !plan.outgoing.isEmpty {
            do {
                let answers = try destination.deliver(plan.outgoing)
                for (i, d) in plan.outgoing.enumerated() {
                    outcomes[d.id] = i < answers.count ? answers[i] : .unavailable("\(destination.label) gave no answer for it", retryAfter: nil)
                }
            } catch let e as DestinationError {
                if case .stop = e { stop = e }
                let retry: Double? = if case .unavailable(_, let r) = e { r } else { nil }
                for d in plan.outgoing { outcomes[d.id] = .unavailable(e.description, retryAfter: retry) }
            } catch {
                for d in plan.outgoing { outcomes[d.id] = .unavailable("\(error)", retryAfter: nil) }
            }
        }
        plan.outgoing = []
        // A remote destination is named in each `delivered` record (and its
        // audit entry): verify then knows the dossier lives there, not in store.log.
        let remote = destination is LocalCoreDestination ? nil : destination.label
        try lock.withLock { try recordOutcomes(plan, outcomes, remote: remote, operatorID: operatorID, now: now, report: &report) }
        if let stop { throw stop }
        return plan.count
    }

    /// Phase one, under the data lock: pick the due dossiers, mark them
    /// `delivering` (fsync), and re-validate each.
    private func prepareBatch(max: Int, operatorID: String, now: Timestamp, seen: inout Set<String>,
                              report: inout DeliveryReport) throws -> Plan {
        try refresh(.queue)
        let skip = seen
        let due = queue.items.lazy.filter { item in
            guard !skip.contains(item.id) else { return false }
            switch item.state {
            case .queued, .delivering: return true
            case .failed: return (item.nextRetry ?? now) <= now
            case .delivered, .setAside, .superseded: return false
            }
        }.prefix(max)
        let batch = Array(due)
        var plan = Plan()
        plan.count = batch.count
        guard !batch.isEmpty else { return plan }
        for item in batch { seen.insert(item.id) }
        var seq = queue.lastSeq

        // A dossier left `delivering` maxAttempts times was interrupted every
        // time (perhaps it crashes the process): set it aside, do not loop.
        var records: [(header: JSONObject, body: [UInt8]?)] = []
        for item in batch {
            seq += 1
            if item.state == .delivering, item.attempts >= options.maxAttempts {
                records.append((setAsideHeader(item, seq: seq, at: now, operatorID: operatorID,
                                               reason: "delivery was interrupted \(item.attempts) times", codes: "interrupted"), nil))
                report.setAside.append(.init(id: item.id, receipt: item.receipt, reason: "delivery was interrupted \(item.attempts) times"))
                continue
            }
            plan.attempt[item.id] = item.attempts + 1
            plan.tryNow.append(item)
            records.append((journalHeader(.delivering, seq: seq, at: now, operatorID: operatorID,
                                          [("id", .string(item.id)), ("attempt", .int(item.attempts + 1))]), nil))
        }
        try appendJournal(records, deferAudit: true)

        // Re-validate each against the exact form it was made with.
        var formBytes: [Digest: [UInt8]] = [:]
        for item in plan.tryNow {
            let verdict = revalidate(item, formBytes: &formBytes)
            plan.verdicts[item.id] = verdict
            if case .deliver(let d) = verdict { plan.outgoing.append(d) }
        }
        return plan
    }

    /// Phase three, under the data lock: one journal record per dossier. A
    /// dossier no longer `delivering` with this attempt was retried by the
    /// officer meanwhile: its new life is left alone.
    private func recordOutcomes(_ plan: Plan, _ outcomes: [String: DestinationOutcome], remote: String?, operatorID: String, now: Timestamp,
                                report: inout DeliveryReport) throws {
        // The `delivering` marks' audit entries are written with the outcomes' (one flush).
        try refresh(.queue, completeAudit: false)
        var records: [(header: JSONObject, body: [UInt8]?)] = []
        var seq = queue.lastSeq
        for planned in plan.tryNow {
            guard let item = queue.item(id: planned.id), item.state == .delivering, item.attempts == plan.attempt[item.id] else { continue }
            seq += 1
            func setAside(_ reason: String, _ codes: String) {
                records.append((setAsideHeader(item, seq: seq, at: now, operatorID: operatorID, reason: reason, codes: codes), nil))
                report.setAside.append(.init(id: item.id, receipt: item.receipt, reason: reason))
            }
            guard case .deliver? = plan.verdicts[item.id] else {
                if case .setAside(let reason, let codes)? = plan.verdicts[item.id] { setAside(reason, codes) }
                continue
            }
            switch outcomes[item.id] ?? .unavailable("no answer", retryAfter: nil) {
            case .stored, .alreadyStored:
                let stored = outcomes[item.id] == .stored
                var fields: [(String, JSONValue)] = [("id", .string(item.id)), ("outcome", .string(stored ? "stored" : "already-stored"))]
                if let remote { fields.append(("to", .string(remote))) }
                records.append((journalHeader(.delivered, seq: seq, at: now, operatorID: operatorID, fields), nil))
                if stored { report.delivered.append(item.id) } else { report.alreadyStored.append(item.id) }
            case .conflict(let reason):
                setAside("conflict: " + reason, "conflict")
            case .rejected(let reason):
                setAside("rejected: " + reason, "rejected")
            case .unavailable(let error, let retryAfter):
                let n = plan.attempt[item.id] ?? item.attempts
                if n >= options.maxAttempts {
                    setAside("gave up after \(n) attempts: \(error)", "gave-up")
                } else {
                    let wait = retryAfter.map { min(options.backoffCap, Swift.max(1, $0)) } ?? options.backoff(afterAttempt: n)
                    let next = now.adding(seconds: wait)
                    records.append((journalHeader(.failed, seq: seq, at: now, operatorID: operatorID,
                                                  [("id", .string(item.id)), ("attempt", .int(n)), ("error", .string(error)),
                                                   ("next", .int(Int(next.milliseconds)))]), nil))
                    report.failed.append(.init(id: item.id, receipt: item.receipt, reason: error, nextRetry: next))
                }
            }
        }
        try appendJournal(records)
    }

    func setAsideHeader(_ item: QueueItem, seq: Int, at: Timestamp, operatorID: String, reason: String, codes: String) -> JSONObject {
        journalHeader(.setAside, seq: seq, at: at, operatorID: operatorID,
                      [("id", .string(item.id)), ("reason", .string(reason)), ("codes", .string(codes))])
    }

    /// Checks a queued dossier again, against the stored copy of its form, as of its submit date.
    func revalidate(_ item: QueueItem, formBytes: inout [Digest: [UInt8]]) -> Verdict {
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
            form = try prepared(dossier.formHash) {
                let data = try forms.load(dossier.formHash)
                formBytes[dossier.formHash] = [UInt8](data)
                return data
            }
            if formBytes[dossier.formHash] == nil { formBytes[dossier.formHash] = [UInt8](try forms.load(dossier.formHash)) }
        } catch {
            return .setAside(reason: "its form cannot be used: \(error)", codes: "form")
        }
        switch form.check(dossier.answers, dossier.language, dossier.submittedAt) {
        case .invalid(let issues):
            let codes = issues.map { "\($0.field):\($0.code)" }.joined(separator: ",")
            return .setAside(reason: "not valid against form \(form.formID) \(form.formVersion): " + issues.map(\.description).joined(separator: "; "),
                             codes: "invalid " + codes)
        case .valid(let checked):
            return .deliver(OutgoingDossier(id: item.id, receipt: item.receipt, formID: dossier.formID, formVersion: dossier.formVersion,
                                            formHash: dossier.formHash, contentHash: item.contentHash, body: bytes,
                                            names: checked.personalNames, personalIDs: checked.personalIDs, phones: checked.phones,
                                            kioskID: dossier.kiosk, operatorID: dossier.operatorID, submittedAt: dossier.submittedAt,
                                            procedureCode: form.procedureCode, form: formBytes[dossier.formHash] ?? [], link: dossier.link))
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
