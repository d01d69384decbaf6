// "Tra cứu hồ sơ": a citizen who comes back. The officer types a name without diacritics,
// a national id, a phone or a receipt code (Telex/VNI as in every field); the desk's
// dossiers are listed best first (the one search's ranking) with procedure, day received,
// state and appointment. Enter shows the dossier's receipt again, where I prints it and
// S starts a correction or supplement with a reason. Nothing is listed before a word is
// typed, and the idle reset leaves this screen (for sign-in when operators exist).
import MotCuaDesk
import MotCuaForms
import MotCuaInterview
import MotCuaText

enum ReturningAction { case none, back, correct(FormSession) }

struct ReturningScreen {
    let m: Messages
    /// The search line; the keys as typed (before Telex/VNI) are searched too.
    var search: SearchLine
    var found: [FoundDossier] = []
    var highlight = 0
    var notice: Notice?
    /// The dossier opened: its receipt, and the reason line once S was pressed.
    var opened: (id: String, receipt: ReceiptScreen)?
    var reason: TextEditor?
    let canCorrect: Bool
    private let typingEngine: () -> VietTypingEngine?

    init(messages: Messages, services: KioskServices, typing: InputMethod) {
        m = messages
        let style = services.toneStyle
        typingEngine = { typing == .off ? nil : VietTypingEngine(method: typing, style: style) }
        search = SearchLine(typing: typingEngine())
        canCorrect = services.correctDossier != nil
        // An empty query: nothing listed, and the store read afresh at the first word.
        _ = try? services.findDossiers("", messages.language)
    }

    mutating func update(_ key: Key, services: KioskServices) -> ReturningAction {
        if reason != nil { return updateReason(key, services: services) }
        if var shown = opened {
            if canCorrect, key == .character("s") || key == .character("S") {
                reason = TextEditor(typing: typingEngine())
                notice = nil
                return .none
            }
            let action = shown.receipt.update(key)
            if action == .print { shown.receipt.printed(services.printReceipt) }
            opened = shown
            if action == .done { opened = nil }
            return .none
        }
        notice = nil
        if KioskKey.leave.matches(key) || KioskKey.returning.matches(key) { return .back }
        if let moved = ListHighlight.moved(key, highlight, count: found.count) { highlight = moved; return .none }
        switch key {
        case .enter:
            guard found.indices.contains(highlight) else { return .none }
            open(found[highlight].id, services: services)
        case .escape:
            if search.isEmpty { return .back }
            search.clear(); refresh(services)
        default:
            if search.update(key) { refresh(services) }
        }
        return .none
    }

    private mutating func refresh(_ services: KioskServices) {
        do {
            found = try services.findDossiers(search.text, m.language)
            // Also as keyed, where Telex changed the letters; the first search's order leads.
            if let keyed = search.asKeyed {
                let seen = Set(found.map(\.id))
                found += try services.findDossiers(keyed, m.language).filter { !seen.contains($0.id) }
            }
        } catch {
            found = []
            notice = Notice(text: m.text("kiosk.returning.failed", ["reason": VietText.neutralizeControls("\(error)")]), isError: true)
        }
        highlight = 0
    }

    private mutating func open(_ id: String, services: KioskServices) {
        do {
            var screen = ReceiptScreen(receipt: try services.dossierReceipt(id, m.language), messages: m)
            if canCorrect { screen.extraHints = [KeyHint("S", m.text("kiosk.returning.correct"))] }
            opened = (id, screen)
        } catch {
            notice = Notice(text: m.text("kiosk.returning.failed", ["reason": VietText.neutralizeControls("\(error)")]), isError: true)
        }
    }

    private mutating func updateReason(_ key: Key, services: KioskServices) -> ReturningAction {
        guard var editor = reason, let shown = opened else { reason = nil; return .none }
        notice = nil
        switch key {
        case .escape:
            reason = nil
            return .none
        case .enter:
            let text = VietText.nfc(editor.text).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else {
                notice = Notice(text: m.text("kiosk.returning.reasonNeeded"), isError: true)
                return .none
            }
            guard let correct = services.correctDossier else { return .none }
            do { return .correct(try correct(shown.id, text, m.language)) } catch {
                notice = Notice(text: m.text("kiosk.returning.failed", ["reason": VietText.neutralizeControls("\(error)")]), isError: true)
                return .none
            }
        default:
            _ = editor.update(key)
            reason = editor
            return .none
        }
    }
}
