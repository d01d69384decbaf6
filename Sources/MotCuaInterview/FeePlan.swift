import MotCuaForms

/// The fee of many dossiers of one form without an Interview each, for
/// `motcua report`: `Receipt.fee` still decides, over the values of only the
/// fields the fee can depend on. Made once per form (what does not depend on
/// the answers): the fields the fee expression reads, closed under what their
/// relevance (the field's and its page's) and calculations read. Those fields
/// are settled by `Interview.settle`, the interview's own code, so the values
/// the expression sees are the ones a whole Interview would give it.
public struct FeePlan: Sendable {
    public let form: Form
    /// Nil when the fee needs no answers (a fixed amount or none).
    let slice: Set<String>?

    public init(form: Form) {
        self.form = form
        guard case .expression(let e, _)? = form.procedure?.fee else { slice = nil; return }
        var pageOf: [String: Page] = [:]
        for page in form.pages { for f in page.fields { pageOf[f.id] = page } }
        var needed: Set<String> = []
        var pending = Array(e.topLevelReads)
        while let id = pending.popLast() {
            guard needed.insert(id).inserted, let f = form.field(id), let page = pageOf[id] else { continue }
            for dep in [f.relevant, page.relevant, f.type == .calculate ? f.expression : nil] {
                if let dep { pending.append(contentsOf: dep.topLevelReads.subtracting(needed)) }
            }
        }
        slice = needed
    }

    /// The fee in đồng (nil when the form states none or the expression gives
    /// no number), as `Receipt.fee` computes it for an Interview of `answers`
    /// (stored, normalised answers) with `context`, the validator's.
    public func fee(answers: @autoclosure () -> JSONObject?, context: @autoclosure () -> EvaluationContext) -> Int? {
        Receipt.fee(form: form) { () -> (values: [String: Value], context: EvaluationContext)? in
            guard let slice, let answers = answers() else { return nil }
            var start: [String: Value] = [:]
            for id in slice {
                guard let f = form.field(id), form.fieldIndex[id] != nil else { continue }
                if f.type == .repeat {
                    guard let v = answers[id] else { continue }
                    start[id] = .list((v.arrayValue ?? []).map { .item(Interview.coerceItem($0.objectValue ?? JSONObject(), f)) })
                } else if let v = answers[id], let x = Value(stored: v, type: f.type) {
                    start[id] = x
                }
            }
            let ctx = context()
            return (Interview.settle(form, start, ctx, only: slice).values, ctx)
        }
    }
}
