import MotCuaForms
import MotCuaInterview
import MotCuaText

/// Lines in, lines out: standard input and output in the binary, strings in tests.
public protocol PlainIO {
    mutating func readLine() -> String?
    mutating func write(_ line: String)
}

/// How a plain session ended.
public enum PlainExit: Equatable, Sendable {
    case submitted
    case saved
    /// Standard input ended mid-interview; the draft is saved.
    case endOfInput
    case failed(String)
}

/// What the session needs from the outside: saving the draft after every
/// confirmed answer, and submitting the finished dossier.
public struct PlainHooks {
    public var save: (Interview) throws -> Void
    public var submit: (Interview) throws -> [String]
    /// Lines warning of earlier dossiers like this one (same procedure and citizen in the
    /// last 30 days), asked before submitting; empty: none. A warning: the officer decides.
    public var duplicates: ((Interview) -> [String])? = nil

    public init(save: @escaping (Interview) throws -> Void, submit: @escaping (Interview) throws -> [String]) {
        self.save = save; self.submit = submit
    }
}

/// The interview as lines, for screen readers, dumb terminals, serial
/// consoles and scripts: no colour, no cursor movement. Each prompt says the
/// step, the label, the hint, the example and the default; a number or the
/// text answers a choice; commands stand alone on a line.
public struct PlainSession<IO: PlainIO> {
    public var interview: Interview
    var io: IO
    let hooks: PlainHooks
    var m: Messages { interview.validator.messages }
    /// The options last listed for a choice, so a number picks among them.
    var shown: [Option] = []
    /// `--telex` / `--vni`: a line typed in that method is converted where the kiosk would
    /// convert it (names, addresses), so "Nguyeenx Thij Hoaf" is stored "Nguyễn Thị Hòa".
    public var typing: InputMethod = .off
    public var toneStyle: TonePlacementStyle = .traditional
    /// The interview as it was when `:review` was typed, so `<` there returns to that question.
    var beforeReview: Interview?

    public init(interview: Interview, io: IO, hooks: PlainHooks) {
        self.interview = interview; self.io = io; self.hooks = hooks
    }

    public mutating func run() -> PlainExit {
        while true {
            if interview.cursor == .review {
                switch reviewLoop() {
                case .some(let exit): return exit
                case .none: continue
                }
            }
            for line in PlainText.prompt(interview, shown: &shown) { io.write(line) }
            guard let raw = io.readLine() else { return saveAndLeave(.endOfInput) }
            let line = raw.trimmingCharacters(in: .whitespaces)
            switch line {
            case "<":
                if !interview.back() { io.write(m.text("plain.back.first")) }
                shown = []
                continue
            case "?":
                io.write(m.text("plain.help.commands"))
                let help = interview.text(interview.currentField?.help)
                io.write(help.isEmpty ? m.text("plain.help.none") : help)
                continue
            case "!":
                interview.clearAnswer()
                persist()
                io.write(m.text("plain.cleared"))
                continue
            case ":review":
                beforeReview = interview
                interview.openReview()
                continue
            case ":save":
                return saveAndLeave(.saved)
            default: break
            }
            handle(raw)
        }
    }

    mutating func handle(_ raw: String) {
        guard let f = interview.currentField else { return }
        switch f.type {
        case .note:
            interview.advance()
        case .repeat:
            handleRepeat(raw.trimmingCharacters(in: .whitespaces))
        default:
            var typed = raw
            if typing != .off, TypedInput.vietnameseTypingApplies(f) {
                typed = VietTypingEngine.type(raw, method: typing, style: toneStyle)
            }
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                // Enter keeps the current answer or accepts the default (the shared policy: a
                // confirmed answer, typed twice before, is kept without asking twice again).
                switch interview.step(for: interview.answerToKeep ?? .null) {
                case .goOn: interview.advance()
                case .answer(let keep): report(interview.answer(keep, warnings: .beforeTheNextQuestion))
                }
                return
            }
            if f.type == .choice || f.type == .multichoice, !trimmed.isEmpty {
                switch PlainText.narrow(trimmed, field: f, interview: interview, shown: shown) {
                case .picked(let value): report(interview.answer(value, warnings: .beforeTheNextQuestion)); shown = []; return
                case .list(let options): shown = options; return
                case .none: io.write(m.text("plain.choice.none", ["text": VietText.neutralizeControls(trimmed)])); return
                }
            }
            switch TypedInput.parse(typed, for: f, language: m.language) {
            case .invalid(let key, let args): io.write(m.text("plain.error", ["text": m.text(key, args)]))
            case .empty: report(interview.answer(.null, warnings: .beforeTheNextQuestion))
            case .value(let v): report(interview.answer(v, warnings: .beforeTheNextQuestion))
            }
        }
    }

    mutating func handleRepeat(_ line: String) {
        guard case .field(let rid) = interview.cursor else { return }
        if line == "+" {
            if !interview.addItem() { io.write(m.text("plain.repeat.full")) }
            persist()
            return
        }
        if let first = line.first, first == "s" || first == "x" || first == "e" || first == "d", let n = Int(line.dropFirst()), n >= 1, n <= interview.itemCount(rid) {
            if first == "s" || first == "e" { interview.editItem(n - 1) } else { interview.removeItem(n - 1); persist() }
            return
        }
        if line.isEmpty { report(interview.finishRepeat()); return }
        io.write(m.text("plain.repeat.actions"))
    }

    mutating func report(_ outcome: AnswerOutcome) {
        switch outcome {
        case .accepted(let warning):
            if let w = warning { io.write(m.text("plain.warning", ["text": VietText.neutralizeControls(w.message)])) }
            persist()
        case .confirmAgain: io.write(m.text("plain.confirm.again"))
        case .rejected(let e): io.write(m.text("plain.error", ["text": VietText.neutralizeControls(e.message)]))
        }
    }

    /// Saves the draft before the next question appears; a failure is said, never hidden.
    mutating func persist() {
        do { try hooks.save(interview) } catch { io.write(m.text("plain.save.failed", ["reason": "\(error)"])) }
    }

    mutating func saveAndLeave(_ exit: PlainExit) -> PlainExit {
        do { try hooks.save(interview) } catch { return .failed("\(error)") }
        return exit
    }

    /// The review and the confirmation; nil to go back to the questions.
    mutating func reviewLoop() -> PlainExit? {
        let review = interview.review()
        let (lines, targets) = PlainText.review(review, title: interview.text(interview.form.title), messages: m)
        for l in lines { io.write(l) }
        io.write(m.text("plain.review.ask"))
        guard let raw = io.readLine() else { return saveAndLeave(.endOfInput) }
        let line = VietText.fold(raw)
        if let n = Int(line), n >= 1, n <= targets.count { beforeReview = nil; interview.edit(targets[n - 1]); return nil }
        switch line {
        case "<":
            // Back to the question the person was on when they asked for the review.
            if let previous = beforeReview { interview = previous } else { interview.back() }
            beforeReview = nil
            return nil
        case ":save": return saveAndLeave(.saved)
        case "co", "c", "y", "yes":
            guard review.isValid else { io.write(m.text("plain.review.errors", ["count": String(review.report.errors.count)])); return nil }
            if let warning = hooks.duplicates?(interview), !warning.isEmpty {
                for l in warning { io.write(VietText.neutralizeControls(l)) }
                io.write(m.text("plain.duplicate.ask"))
                guard let answer = io.readLine() else { return saveAndLeave(.endOfInput) }
                // Anything but yes goes back to the review: nothing is lost either way.
                guard ["co", "c", "y", "yes"].contains(VietText.fold(answer).trimmingCharacters(in: .whitespaces)) else { return nil }
            }
            do {
                for l in try hooks.submit(interview) { io.write(l) }
                return .submitted
            } catch {
                io.write(m.text("plain.submit.failed", ["reason": VietText.neutralizeControls("\(error)")]))
                return saveAndLeave(.failed("\(error)"))
            }
        default:
            return nil
        }
    }
}

import Foundation
