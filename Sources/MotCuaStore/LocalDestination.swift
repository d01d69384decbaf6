import Foundation
import MotCuaForms

/// The embedded default: the data directory's own core store (store.log).
/// Each batch takes the data directory lock, reads what others appended, and
/// stores the batch with one write and one fsync (idempotent by id).
final class LocalCoreDestination: DeliveryDestination {
    private unowned let store: DossierStore
    let now: Timestamp

    init(store: DossierStore, now: Timestamp) {
        self.store = store
        self.now = now
    }

    var label: String { "the local core store" }

    func deliver(_ batch: [OutgoingDossier]) throws -> [DestinationOutcome] {
        try store.lock.withLock {
            // An unreachable core store (full disk, missing mount) fails the
            // attempts with backoff, like a failed append; not an error of the run.
            do {
                // The `delivering` marks' audit entries wait for the outcome
                // frames, which write the whole trail behind them with one flush.
                try store.refresh(.core, completeAudit: false)
                return zip(batch, try store.core.accept(batch, at: now)).map { dossier, outcome in
                    switch outcome {
                    case .stored: return .stored
                    case .alreadyStored: return .alreadyStored
                    case .conflict(let existing):
                        return .conflict("the core store already holds other content under this dossier id (sha256 \(existing.hex.prefix(12))…); this one is kept aside")
                    case .receiptTaken(let holder):
                        return .conflict(DossierStore.receiptConflictDetail(dossier.receipt, holder: holder))
                    }
                }
            } catch let e as StoreError {
                throw DestinationError.unavailable(e.description, retryAfter: nil)
            }
        }
    }
}
