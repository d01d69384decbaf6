import Foundation

/// The versions of one dossier (a correction chain, `DossierLink`) share its
/// receipt code: holders of a code are in conflict only when they belong to
/// different chains; a lookup by code finds the chain's latest version.
enum ReceiptChains {
    static func latest<T>(_ holders: [T], receipt: String, id: (T) -> String, chain: (T) -> String, version: (T) -> Int) throws -> T? {
        guard let first = holders.first else { return nil }
        if holders.contains(where: { chain($0) != chain(first) }) {
            throw StoreError.conflict(ReceiptCode.ambiguity(receipt, ids: holders.map(id)))
        }
        return holders.max { version($0) < version($1) }
    }
}

/// A receipt code names one dossier chain (F6; issue 16). Submit never issues a code the
/// queue holds; import and delivery keep aside a dossier whose receipt code
/// already belongs to another dossier id, with the reason; lookups by receipt
/// never pick one of several; verify reports codes held twice.
extension DossierStore {
    /// The reason recorded when a dossier is kept aside because `holder` has its receipt.
    public static func receiptConflictReason(_ receipt: String, holder: String) -> String {
        "conflict: " + receiptConflictDetail(receipt, holder: holder)
    }

    /// The same without its "conflict: " (a destination's conflict answer, which delivery prefixes).
    static func receiptConflictDetail(_ receipt: String, holder: String) -> String {
        "receipt \(receipt) already belongs to dossier \(holder); this one is kept aside (the two kiosks likely share a kiosk id)"
    }

    /// The id of a dossier other than `id` holding `receipt` here (queue or
    /// core store), or nil. For delivery code that needs to know before it
    /// hands a dossier on (takes the lock; call outside other operations).
    /// `chain`: the id of the dossier's chain's first version (its own id for a first version).
    public func receiptHolder(_ receipt: String, other id: String, chain: String? = nil) throws -> String? {
        try lock.withLock {
            try refresh(.all)
            return receiptHolderLocked(receipt, other: id, chain: chain ?? id)
        }
    }

    /// As `receiptHolder`, under the lock already held, queue and core loaded.
    func receiptHolderLocked(_ receipt: String, other id: String, chain: String) -> String? {
        queue.receiptHolder(receipt, other: id, chain: chain) ?? core.receiptHolder(receipt, other: id, chain: chain)
    }

    /// Verify's findings about receipt codes: held by two stored dossiers, or
    /// by two dossiers of the queue neither of which is set aside (problems);
    /// and the kept-aside receipt conflicts (notes).
    func receiptFindings(queue q: QueueState, index: StoreIndex) -> (problems: [String], notes: [String]) {
        var problems: [String] = []
        var notes: [String] = []
        for (receipt, holders) in index.sharedReceipts.sorted(by: { $0.key < $1.key })
        where Set(holders.map { index.entries[$0].chain }).count > 1 {
            problems.append("receipt \(receipt) is held by \(holders.count) stored dossiers: "
                + holders.map { index.entries[$0].id }.joined(separator: ", "))
        }
        var seen = Set<String>()
        for item in q.items where !seen.contains(item.receipt) {
            seen.insert(item.receipt)
            let holders = q.items(receipt: item.receipt)
            guard Set(holders.map(\.chain)).count > 1 else { continue }
            let live = holders.filter { $0.state != .setAside }
            if Set(live.map(\.chain)).count > 1 {
                problems.append("receipt \(item.receipt) is held by \(live.count) dossiers in the queue: " + live.map(\.id).joined(separator: ", "))
            } else {
                notes.append("receipt \(item.receipt): \(holders.count - live.count) dossier(s) kept aside because another holds it")
            }
        }
        return (problems, notes)
    }
}
