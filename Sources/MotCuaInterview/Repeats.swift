import MotCuaForms

extension Interview {
    /// Adds an item to the repeat under the cursor and moves to its first question.
    /// Refused (false) at `maxCount`.
    @discardableResult
    public mutating func addItem() -> Bool {
        guard case .field(let rid) = cursor, let f = form.field(rid), f.type == .repeat else { return false }
        let n = itemCount(rid)
        if let m = f.maxCount, n >= m { return false }
        var items = answers[rid]?.arrayValue ?? []
        items.append(.object(JSONObject()))
        answers[rid] = .array(items)
        itemValues[rid, default: []].append(.item([:]))
        finishedRepeats.remove(rid)
        refresh()
        cursor = innerStep(rid, n, after: nil) ?? .field(rid)
        return true
    }

    /// Removes item `index` of the repeat under the cursor.
    public mutating func removeItem(_ index: Int) {
        guard case .field(let rid) = cursor, var items = answers[rid]?.arrayValue, index >= 0, index < items.count else { return }
        items.remove(at: index)
        answers[rid] = .array(items)
        itemValues[rid]?.remove(at: index)
        refresh()
    }

    /// Opens item `index` of the repeat under the cursor at its first question.
    public mutating func editItem(_ index: Int) {
        guard case .field(let rid) = cursor, index >= 0, index < itemCount(rid) else { return }
        cursor = innerStep(rid, index, after: nil) ?? .field(rid)
    }

    /// Says the repeat under the cursor is complete and moves on, or says why not.
    public mutating func finishRepeat() -> AnswerOutcome {
        guard case .field(let rid) = cursor, let f = form.field(rid) else { return .accepted(warning: nil) }
        let check = validator.checkAnswer(f, path: rid, raw: answers[rid] ?? .array([]), scope: currentScope)
        if let e = check.error { return .rejected(e) }
        finishedRepeats.insert(rid)
        advance()
        return .accepted(warning: check.warning)
    }
}
