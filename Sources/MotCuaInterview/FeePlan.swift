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
    /// The slice's fields by position, in document order, for `Interview.settle`.
    let positions: [(page: Int, fields: [Int])]
    /// The slice's answers to read: a top-level field's id, type, and the field itself for a repeat (its items' fields).
    let inputs: [(id: String, type: FieldType, repeatField: Field?)]
    /// The answers `fee` reads (their top-level ids; none for a fee that needs
    /// no answers): all a reader of a stored dossier need take from its body.
    public let answerIDs: Set<String>

    public init(form: Form) {
        self.form = form
        guard case .expression(let e, _)? = form.procedure?.fee else { slice = nil; positions = []; inputs = []; answerIDs = []; return }
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
        positions = form.pages.indices.compactMap { p -> (page: Int, fields: [Int])? in
            let fields = form.pages[p].fields.indices.filter { needed.contains(form.pages[p].fields[$0].id) }
            return fields.isEmpty ? nil : (p, fields)
        }
        inputs = positions.flatMap { p, fields in
            fields.map { i in
                let f = form.pages[p].fields[i]
                return (f.id, f.type, f.type == .repeat ? f : nil)
            }
        }
        answerIDs = Set(inputs.map(\.id))
    }

    /// The fee in đồng (nil when the form states none or the expression gives
    /// no number), as `Receipt.fee` computes it for an Interview of `answers`
    /// (stored, normalised answers) with `context`, the validator's.
    public func fee(answers: @autoclosure () -> JSONObject?, context: @autoclosure () -> EvaluationContext) -> Int? {
        Receipt.fee(form: form) { () -> (values: [String: Value], context: EvaluationContext)? in
            guard slice != nil, let answers = answers() else { return nil }
            var start: [String: Value] = [:]
            for (id, type, rep) in inputs {
                guard let v = answers[id] else { continue }
                if let rep {
                    start[id] = .list((v.arrayValue ?? []).map { .item(Interview.coerceItem($0.objectValue ?? JSONObject(), rep)) })
                } else if let x = Value(stored: v, type: type) {
                    start[id] = x
                }
            }
            let ctx = context()
            return (Interview.settle(form, start, ctx, only: positions).values, ctx)
        }
    }
}
