import Foundation
import Synchronization

/// A destination whose `deliver` may run on its own thread while the store
/// prepares the next batch (queue fsync, reading bodies, re-validating) and
/// records the last one: a remote one whose batch time is mostly a child
/// process and a server working (PostgreSQL). Still one batch in flight at a
/// time, so the server sees what it saw before, only without gaps. It must
/// be `Sendable`: its `deliver` runs on another thread than its creator's.
public protocol OverlappingDeliveryDestination: DeliveryDestination, Sendable {}

/// One batch being sent on a thread of its own; `wait` returns its answers.
final class BatchInFlight: Sendable {
    private let answers = Mutex<Result<[DestinationOutcome], any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ batch: [OutgoingDossier], to destination: any OverlappingDeliveryDestination) {
        Thread { [self] in
            let result = Result { try destination.deliver(batch) }
            answers.withLock { $0 = result }
            done.signal()
        }.start()
    }

    /// Blocks until the destination answered (psql has its own timeout). Call once.
    func wait() -> Result<[DestinationOutcome], any Error> {
        done.wait()
        return answers.withLock { $0 } ?? .failure(DestinationError.unavailable("the batch gave no answer", retryAfter: nil))
    }
}

extension DossierStore {
    /// `deliver` for an overlapping destination, holding `deliver.lock` for
    /// the whole run (two batches are `delivering` at once, and a second
    /// deliverer must not take the second for one a crash left): batch N+1
    /// is prepared (marked `delivering`, fsync) while batch N is being sent,
    /// and batch N+1 is sent while batch N's outcomes are recorded. Each
    /// batch is still one transaction whose outcomes are recorded only from
    /// its own answer, so a crash anywhere leaves both batches retryable and
    /// idempotent exactly as before. When a batch says the run must stop,
    /// the next (prepared, never sent) is recorded failed with the same reason.
    func deliverOverlapped(batchSize: Int, limit: Int, operatorID: String, now: Timestamp?,
                           to destination: any OverlappingDeliveryDestination,
                           seen: inout Set<String>, report: inout DeliveryReport) throws {
        let remote = destination.label
        var remaining = limit
        var inFlight: (plan: Plan, at: Timestamp, batch: BatchInFlight?)?
        func send(_ plan: Plan, _ at: Timestamp) -> (plan: Plan, at: Timestamp, batch: BatchInFlight?) {
            (plan, at, plan.outgoing.isEmpty ? nil : BatchInFlight(plan.outgoing, to: destination))
        }
        do {
            while true {
                var next: (plan: Plan, at: Timestamp)?
                if remaining > 0 {
                    let at = now ?? .now
                    let plan = try lock.withLock {
                        try prepareBatch(max: min(batchSize, remaining), operatorID: operatorID, now: at, seen: &seen, report: &report)
                    }
                    if plan.count > 0 { next = (plan, at); remaining -= plan.count } else { remaining = 0 }
                }
                guard let current = inFlight else {
                    guard let next else { return }
                    inFlight = send(next.plan, next.at)
                    continue
                }
                inFlight = nil
                let (outcomes, stop) = DossierStore.outcomes(of: current.plan.outgoing, current.batch?.wait(), label: remote)
                if stop == nil, let next { inFlight = send(next.plan, next.at) }
                try lock.withLock {
                    try recordOutcomes(current.plan, outcomes, remote: remote, operatorID: operatorID, now: current.at, report: &report)
                }
                if let stop {
                    if let next {
                        let (unsent, _) = DossierStore.outcomes(of: next.plan.outgoing, .failure(stop), label: remote)
                        try lock.withLock {
                            try recordOutcomes(next.plan, unsent, remote: remote, operatorID: operatorID, now: next.at, report: &report)
                        }
                    }
                    throw stop
                }
                if inFlight == nil && next == nil { return }
            }
        } catch {
            // Never leave a batch being sent behind: its dossiers stay
            // `delivering`, retried (idempotently) by the next run.
            _ = inFlight?.batch?.wait()
            throw error
        }
    }
}
