import MotCuaForms

/// What an officer did at the desk that is not a dossier's state change: signing in
/// and out, a wrong PIN, a lockout, a draft started, an answer changed after the
/// review, a receipt printed or exported. Each is a `desk` record of queue.log, so it lands in
/// audit.log's chain like every other record (issue 16): operator id, event, and the
/// dossier or draft id when there is one; never a name, a PIN or an answer.
public enum DeskEvent: String, Sendable, CaseIterable {
    case signedIn = "signed-in"
    case wrongPIN = "wrong-pin"
    case lockedOut = "locked-out"
    case signedOut = "signed-out"
    case signedOutIdle = "signed-out-idle"
    case draftStarted = "draft-started"
    /// An answer changed after the interview had shown its review (the officer went back).
    case answerChanged = "answer-changed"
    case printed
    case exported
}

extension DossierStore {
    /// Appends a desk event (one write, one fsync; its audit entry chained after it).
    /// `dossierID` may be a receipt code: the record names the dossier's id. One
    /// only in the core store (not in this queue) is recorded as given. Draft ids
    /// are recorded as given (a draft is not in the journal until it is submitted).
    public func recordDeskEvent(_ event: DeskEvent, operatorID: String, dossierID: String? = nil, draftID: String? = nil,
                                now: Timestamp? = nil) throws {
        try lock.withLock {
            try refresh(.queue)
            var members: [(String, JSONValue)] = [("event", .string(event.rawValue))]
            if let dossierID {
                members.append(("id", .string(try queue.item(dossierID)?.id ?? dossierID)))
            }
            if let draftID { members.append(("draft", .string(draftID))) }
            try appendJournal([(journalHeader(.desk, seq: queue.lastSeq + 1, at: now ?? .now, operatorID: operatorID, members), nil)])
        }
    }
}
