extension FieldPlan {
    /// Whether an answer given for this field, coerced to `value` and
    /// stored as given (`Coercion.Outcome.value`'s `asGiven`), passes every
    /// rule `Validator.check` applies that needs no other answer. Bounds
    /// (`min`, `max`) are left to the pass, which knows the other answers.
    ///
    /// `ReadAnswers` asks this as it reads each answer, where the answer is
    /// at hand; the pass then only consults the verdict. `check` copies an
    /// answer into its verdict, and each copy of a text is two atomic
    /// reference-count operations: they were half the time of a whole pass.
    /// This calls the same rules (`TextNormalizer`, `Formats`,
    /// `graphemeCount`, patterns, options) and keeps no copy. false means
    /// "let `check` decide", never "invalid": `check` then finds the problem
    /// and says it. `AcceptAsGivenTests` holds the two to the same verdict.
    @inline(__always)
    func acceptsAsGiven(_ value: Value, today: CalendarDate) -> Bool {
        guard mayBeAcceptedAsGiven else { return false }
        switch value {
        case .string(let s):
            switch type {
            case .text:
                if let format, !Formats.acceptsAsGiven(format, s, today: today) { return false }
                // No more characters than bytes: a short answer needs no counting for its maximum.
                if minLength != nil || (maxLength.map { s.utf8.count > $0 } ?? false) {
                    let n = TextNormalizer.graphemeCount(s)
                    if let m = minLength, n < m { return false }
                    if let m = maxLength, n > m { return false }
                }
                // Optional chaining reads the pattern in place (`if let` copied it, three references).
                return pattern?.matches(s) ?? true
            case .choice:
                return optionPosition(s) != nil
            default:
                return false
            }
        case .number: return type == .integer || type == .decimal
        case .date: return type == .date  // stored as given: only the canonical ISO form parses
        case .bool: return type == .boolean
        case .null, .list, .item: return false
        }
    }
}
