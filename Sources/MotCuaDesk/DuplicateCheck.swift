// The same citizen filing the same procedure twice within 30 days is usually a mistake
// (a second visit for a dossier already received): before submitting, the desk looks for
// an earlier dossier of the same form with the same national id, or the same name and
// date of birth, and both front ends warn the officer. It never blocks: a citizen may
// well file again (another child's birth, a refused dossier).
import Foundation
import MotCuaForms
import MotCuaInterview
import MotCuaStore
import MotCuaText

/// An earlier dossier like the one about to be submitted.
public struct EarlierDossier: Hashable, Sendable {
    public var id: String
    public var receipt: String
    public var received: CalendarDate
    public var state: QueueItemState
    /// The national id matched (else the name and date of birth did).
    public var sameID: Bool
}

extension DeskSession {
    /// How far back a dossier counts as the same one filed again, in Việt Nam days.
    public static let duplicateWindowDays = 30

    /// Dossiers of the same form received in the last 30 days (today included, days in
    /// Asia/Ho_Chi_Minh) holding one of the interview's national ids (answers of `cccd` /
    /// `cmnd` format, as the store indexes them), or one of its names (`name` format,
    /// diacritics and case ignored) with the same date of birth; oldest first. Never
    /// throws: a store it cannot read finds nothing, and the submit says why.
    public func possibleDuplicates(_ i: Interview) -> [EarlierDossier] {
        let form = i.form
        func answers(_ formats: Set<TextFormat>) -> [String] {
            form.allFields.filter { $0.format.map(formats.contains) ?? false }
                .compactMap { i.answers[$0.id]?.stringValue }.filter { !$0.isEmpty }
        }
        let ids = Set(answers([.cccd, .cmnd]))
        let names = Set(answers([.name]).map(VietText.fold))
        let birthField = DeskSession.birthField(form)
        let birth = birthField.flatMap { i.answers[$0]?.stringValue }
        let today = desk.today ?? vietnamTime(.now).date
        let since = today.adding(days: -DeskSession.duplicateWindowDays)
        var found: [String: EarlierDossier] = [:]
        // A correction's own chain (its versions share the receipt code) is what it replaces,
        // not a dossier filed twice.
        let chainCode = correction.flatMap { try? desk.store.details($0.of)?.dossier.receipt }
        func recent(_ query: String) -> [StoredDossier] {
            ((try? desk.store.listedDossiers(search: query)) ?? []).filter {
                $0.formID == form.id && $0.id != draft.id && $0.receipt != chainCode && vietnamTime($0.submittedAt).date >= since
            }
        }
        for id in ids {
            for d in recent(id) where d.personalIDs.contains(id) {
                found[d.id] = EarlierDossier(id: d.id, receipt: d.receipt, received: vietnamTime(d.submittedAt).date, state: d.state, sameID: true)
            }
        }
        if let birthField, let birth {
            for name in names {
                for d in recent(name) where found[d.id] == nil && d.names.contains(where: { VietText.fold($0) == name }) {
                    // The earlier answers are read only for the few dossiers with the same name.
                    guard let x = try? desk.store.details(d.id)?.dossier, x.answers[birthField]?.stringValue == birth else { continue }
                    found[d.id] = EarlierDossier(id: d.id, receipt: d.receipt, received: vietnamTime(d.submittedAt).date, state: d.state, sameID: false)
                }
            }
        }
        return found.values.sorted { ($0.received, $0.receipt) < ($1.received, $1.receipt) }
    }

    /// The applicant's date of birth: the form's first date field named `ngay_sinh`
    /// or `…_ngay_sinh` (the forms' convention; no field kind says "birth").
    static func birthField(_ form: Form) -> String? {
        form.allFields.first { $0.type == .date && ($0.id == "ngay_sinh" || $0.id.hasSuffix("_ngay_sinh")) }?.id
    }
}

extension DeskSession {
    /// The warning as plain mode prints it: the intro, then one line per earlier dossier.
    public func duplicateLines(_ earlier: [EarlierDossier]) -> [String] {
        guard !earlier.isEmpty else { return [] }
        return [messages.text("kiosk.duplicate.intro", ["days": String(DeskSession.duplicateWindowDays)])] + earlier.map {
            "  " + messages.text($0.sameID ? "kiosk.duplicate.sameID" : "kiosk.duplicate.sameName",
                                 ["code": $0.receipt, "date": $0.received.display, "state": $0.state.words(messages)])
        }
    }
}
