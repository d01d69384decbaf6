import MotCuaForms

/// What happened to an answer.
public enum AnswerOutcome: Sendable, Equatable {
    /// Stored; the interview moved on. A warning does not block.
    case accepted(warning: ValidationIssue?)
    /// A `confirm` field: type it again.
    case confirmAgain
    /// Not stored; the message says why and the same question stays.
    case rejected(ValidationIssue)
}

extension Interview {
    /// Answers the question under the cursor with a value (JSON, as stored).
    /// Valid answers are stored and the cursor moves on; invalid ones leave
    /// everything as it was.
    public mutating func answer(_ raw: JSONValue) -> AnswerOutcome {
        guard let f = currentField, f.type.isAsked, f.type != .repeat else {
            advance()
            return .accepted(warning: nil)
        }
        let path = pathOfCursor
        var check = validator.checkAnswer(f, path: path, raw: raw, scope: currentScope)
        if let e = check.error { return .rejected(e) }
        if f.confirm, check.stored != nil {
            guard let first = pendingConfirm else {
                pendingConfirm = check.stored
                return .confirmAgain
            }
            pendingConfirm = nil
            if first != check.stored {
                return .rejected(ValidationIssue(field: path, code: .constraint, message: validator.messages.text("interview.confirm.mismatch")))
            }
        }
        if check.stored == nil { check.warning = nil }
        // An optional question left empty is stored as null: answered, so a
        // resumed draft does not ask it again; `clearAnswer` removes it.
        store(check.stored ?? .null)
        // A choice that depended on this answer (the commune of a province) and no longer
        // fits is cleared and asked again next, even when the change was made from the review.
        if let first = clearChoicesThatNoLongerFit().first(where: isStep), case .field = cursor {
            pendingConfirm = nil
            cursor = .field(first)  // returnToReview stays: after it, back to the review
            return .accepted(warning: check.warning)
        }
        advance()
        return .accepted(warning: check.warning)
    }

    /// Clears top-level choices whose stored option the field's `filter` no longer lets
    /// through; returns their ids in document order.
    mutating func clearChoicesThatNoLongerFit() -> [String] {
        var cleared: [String] = []
        for (_, id) in order {
            guard let f = form.field(id), f.type == .choice, f.filter != nil,
                  let value = answers[id]?.stringValue else { continue }
            if !validator.optionAllowed(f, value, Scope(values: values)) {
                answers[id] = nil
                cache(id, nil)
                refresh()
                cleared.append(id)
            }
        }
        return cleared
    }

    /// Clears the answer under the cursor (`!` in plain mode); a required
    /// field will ask again.
    public mutating func clearAnswer() {
        pendingConfirm = nil
        store(nil)
    }

    /// The validation path of the cursor: `id` or `repeat[i].id`.
    public var pathOfCursor: String {
        switch cursor {
        case .field(let id): return id
        case .item(let rid, let i, let id): return "\(rid)[\(i)].\(id)"
        case .review: return ""
        }
    }

    mutating func store(_ value: JSONValue?) {
        switch cursor {
        case .field(let id):
            answers[id] = value
            cache(id, value)
        case .item(let rid, let i, let id):
            // In place: the cost of an answer must not grow with the number of items.
            var obj: JSONObject?
            answers.modifyArray(rid) { items in
                guard i < items.count else { return }
                var o = items[i].objectValue ?? JSONObject()
                items[i] = .null
                o[id] = value
                items[i] = .object(o)
                obj = o
            }
            if let obj, let f = form.field(rid), i < itemValues[rid]?.count ?? 0 {
                let item = Value.item(coerceItem(obj, f))
                itemValues[rid]?[i] = item
            }
        case .review: return
        }
        refresh()
    }
}
