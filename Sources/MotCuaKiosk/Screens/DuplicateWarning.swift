// Before submitting: "this citizen filed the same procedure N days ago". The officer sees
// the earlier dossiers (receipt code, day received, state) and decides: Enter submits
// anyway, Esc goes back to the review. A warning, never a block (issue 16).
import MotCuaDesk
import MotCuaForms
import MotCuaText

extension InterviewScreen {
    mutating func updateDuplicates(_ key: Key) -> InterviewOutcome {
        switch key {
        case .enter:
            duplicates = nil
            return submitNow()
        case .escape:
            duplicates = nil
            review?.confirming = false
            return .stay
        default:
            if KioskKey.leave.matches(key) { duplicates = nil; review?.confirming = false }
            return .stay
        }
    }

    func duplicateView(_ earlier: [EarlierDossier], size: Size) -> Screen {
        let hints = [CommonHints.enter(m, "kiosk.duplicate.submit"), CommonHints.escape(m, "kiosk.esc.back")]
        var (screen, body) = KioskFrame.render(FrameContent(title: m.text("kiosk.duplicate.title"), hints: hints), size: size)
        let inner = body.inset(top: 1, left: 2, bottom: 0, right: 2)
        var y = inner.y
        for line in TextWrap.lines(m.text("kiosk.duplicate.intro", ["days": String(DeskSession.duplicateWindowDays)]), width: inner.width) {
            guard y < inner.maxY else { break }
            screen.write(line, at: Point(x: inner.x, y: y), style: Style(.warning, bold: true), clip: inner); y += 1
        }
        y += 1
        for d in earlier where y < inner.maxY - 2 {
            let line = m.text(d.sameID ? "kiosk.duplicate.sameID" : "kiosk.duplicate.sameName",
                              ["code": d.receipt, "date": d.received.display, "state": d.state.words(m)])
            screen.write("• " + TextWrap.fit(VietText.neutralizeControls(line), width: inner.width - 2), at: Point(x: inner.x, y: y), style: .plain, clip: inner)
            y += 1
        }
        y += 1
        for line in TextWrap.lines(m.text("kiosk.duplicate.ask"), width: inner.width) where y < inner.maxY {
            screen.write(line, at: Point(x: inner.x, y: y), style: .role(.hint), clip: inner); y += 1
        }
        screen.cursor = nil
        return screen
    }
}
