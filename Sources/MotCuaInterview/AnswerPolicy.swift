// The answer policy both front ends share, decided once here: what Enter keeps, when an
// answer is given to the engine again, what a warning does, and which options a choice
// offers now. The kiosk and plain mode differ only in how they show the result.
import MotCuaForms

/// What Enter (or moving away) does with the answer a front end read.
public enum AnswerStep: Equatable, Sendable {
    /// Nothing new for the engine: go on to the next question (or stay, when not moving).
    case goOn
    /// Give this value to `Interview.answer(_:warnings:)`.
    case answer(JSONValue)
}

/// Where a front end shows an accepted answer's warning. A warning never blocks (the answer
/// is stored, and saved), but the person sees it before going on.
public enum WarningDisplay: Sendable {
    /// Under the answer (the kiosk): the interview returns to the question just answered,
    /// and Enter on the same answer (`warningSeen`) goes on.
    case underTheAnswer
    /// Above the next prompt (plain mode): the line stays on screen, so the interview moves on.
    case beforeTheNextQuestion
}

extension Interview {
    /// The answer a question starts from, which Enter keeps: the stored answer, or the form's
    /// default when there is none. An optional question answered empty starts empty.
    public var answerToKeep: JSONValue? {
        currentAnswer.flatMap { $0.isNull ? nil : $0 } ?? suggestedAnswer
    }

    /// What to do with `value`, read from the input when the person pressed Enter (`moving`)
    /// or left the field otherwise (fast mode's Shift-Tab). An unchanged answer is not given
    /// again when it is settled: a `confirm` field already typed twice, or an answer whose
    /// warning the person has seen (`warningSeen`). Anything else goes to the engine, which
    /// checks it (again) and words what is wrong.
    public func step(for value: JSONValue, moving: Bool = true, warningSeen: JSONValue? = nil) -> AnswerStep {
        let stored = currentAnswer
        let unchanged = stored.map { $0 == value } ?? value.isNull
        let settled = stored != nil && (currentField?.confirm == true || warningSeen == stored)
        if unchanged && pendingConfirm == nil && (!moving || settled) { return .goOn }
        return .answer(value)
    }

    /// Answers the question under the cursor (see `answer(_:)`), placing the cursor where
    /// `warnings` shows a warning: back on the question answered, or on the next one.
    public mutating func answer(_ value: JSONValue, warnings: WarningDisplay) -> AnswerOutcome {
        let before = cursor
        let outcome = answer(value)
        if case .accepted(_?) = outcome, warnings == .underTheAnswer {
            edit(before)
        }
        return outcome
    }

    /// The options of `f` that its `filter` lets through now (the communes of the chosen
    /// province), in the form's order.
    public func visibleOptions(_ f: Field) -> [Option] {
        guard f.filter != nil else { return f.options }
        let scope = currentScope
        return f.options.filter { validator.optionAllowed(f, $0.value, scope) }
    }
}
