extension FieldPlan {
    /// Whether `raw`, the answer given for this field, coerced to `value`,
    /// passes every rule `Validator.check` applies that needs no other
    /// answer, and goes into the dossier exactly as given. Bounds (`min`,
    /// `max`) are left to the pass, which knows the other answers.
    ///
    /// `ReadAnswers` asks this as it reads each answer, where the answer is
    /// at hand; the pass then only consults the verdict. `check` copies an
    /// answer into its verdict, and each copy of a text is two atomic
    /// reference-count operations: they were half the time of a whole pass.
    /// This calls the same rules (`TextNormalizer`, `Formats`,
    /// `graphemeCount`, patterns, options) and keeps no copy. false means
    /// "let `check` decide", never "invalid": `check` then finds the problem
    /// and says it. `FastPathTests` holds the two to the same verdict.
    @inline(__always)
    func acceptsAsGiven(_ raw: JSONValue, coerced value: Value, today: CalendarDate) -> Bool {
        guard mayBeAcceptedAsGiven else { return false }
        switch value {
        case .string(let s):
            // Normalising left it as given: the same storage (== compares that first).
            guard case .string(let r) = raw, s == r else { return false }
            switch type {
            case .text:
                if let format, !Formats.acceptsAsGiven(format, s, today: today) { return false }
                if minLength != nil || maxLength != nil {
                    let n = TextNormalizer.graphemeCount(s)
                    if let m = minLength, n < m { return false }
                    if let m = maxLength, n > m { return false }
                }
                if let pattern, !pattern.matches(s) { return false }
                return true
            case .choice:
                return optionPosition(s) != nil
            default:
                return false
            }
        case .number:
            switch (type, raw) {
            case (.integer, .int), (.decimal, .int), (.decimal, .double): return true
            default: return false
            }
        case .date: return type == .date  // stored as given: only the canonical ISO form parses
        case .bool: return type == .boolean
        case .null, .list, .item: return false
        }
    }
}
