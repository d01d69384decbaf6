import Foundation
import MotCuaText

extension Evaluator {
    static func call<S: ExpressionScope>(_ name: String, _ args: [Node], _ s: S, _ ctx: EvaluationContext) -> Value {
        // The checker refuses a call with the wrong number of arguments, so a loaded form
        // never has one; a tree built otherwise gives null rather than reading past the list.
        guard let sig = Builtins.table[name], args.count >= sig.minArgs, args.count <= sig.maxArgs else { return .null }
        return finite(callChecked(name, args, s, ctx))
    }

    /// A number that is not finite (an overflow, inf - inf) is null, as a division by zero
    /// is: infinity or NaN can never enter a dossier (its JSON has no spelling for them).
    @inline(__always)
    static func finite(_ v: Value) -> Value {
        if case .number(let d) = v, !d.isFinite { return .null }
        return v
    }

    private static func callChecked<S: ExpressionScope>(_ name: String, _ args: [Node], _ s: S, _ ctx: EvaluationContext) -> Value {
        // The functions that look at null themselves.
        switch name {
        case "if": return eval(args[0], s, ctx).truthy ? eval(args[1], s, ctx) : eval(args[2], s, ctx)
        case "coalesce":
            for a in args { let v = eval(a, s, ctx); if v != .null { return v } }
            return .null
        case "empty": return .bool(eval(args[0], s, ctx).isEmpty)
        case "count":
            if case .list(let l) = eval(args[0], s, ctx) { return .number(Double(l.count)) }
            return .number(0)
        case "today": return .date(ctx.today)
        case "label": return label(args[0], s, ctx)
        default: break
        }
        let v = args.map { eval($0, s, ctx) }
        if v.contains(where: { if case .null = $0 { return true } else { return false } }) { return .null }
        switch name {
        case "date": return asDate(v[0]).map(Value.date) ?? .null
        case "age":
            guard let d = asDate(v[0]) else { return .null }
            return .number(Double(d.wholeYears(until: ctx.today)))
        case "days":
            guard let a = asDate(v[0]), let b = asDate(v[1]) else { return .null }
            return .number(Double(b.dayNumber - a.dayNumber))
        case "months":
            guard let a = asDate(v[0]), let b = asDate(v[1]) else { return .null }
            return .number(Double(a.wholeMonths(until: b)))
        // Beyond about ten thousand years a date means nothing (and its arithmetic could overflow): null.
        case "add_days":
            guard let d = asDate(v[0]), case .number(let n) = v[1], let k = Int(exactly: n.rounded(.towardZero)), abs(k) <= 3_650_000 else { return .null }
            return .date(d.adding(days: k))
        case "add_months":
            guard let d = asDate(v[0]), case .number(let n) = v[1], let k = Int(exactly: n.rounded(.towardZero)), abs(k) <= 120_000 else { return .null }
            return .date(d.adding(months: k))
        case "year", "month", "day":
            guard let d = asDate(v[0]) else { return .null }
            return .number(Double(name == "year" ? d.year : name == "month" ? d.month : d.day))
        case "len":
            guard case .string(let t) = v[0] else { return .null }
            return .number(Double(t.count))
        case "selected":
            guard case .list(let l) = v[0] else { return .bool(false) }
            return .bool(l.contains(v[1]))
        case "matches":
            guard case .string(let t) = v[0], case .string(let p) = v[1], let pat = try? Pattern(p) else { return .null }
            return .bool(pat.matches(t))
        case "contains":
            switch (v[0], v[1]) {
            case (.string(let a), .string(let b)): return .bool(a.contains(b))
            case (.list(let l), let x): return .bool(l.contains(x))
            default: return .null
            }
        case "starts_with":
            guard case .string(let a) = v[0], case .string(let b) = v[1] else { return .null }
            return .bool(a.hasPrefix(b))
        case "upper", "lower", "trim":
            guard case .string(let t) = v[0] else { return .null }
            if name == "upper" { return .string(VietText.upper(t)) }
            if name == "lower" { return .string(t.lowercased()) }
            return .string(t.trimmingCharacters(in: .whitespacesAndNewlines))
        case "concat": return .string(v.map(\.displayText).joined())
        case "round":
            guard case .number(let x) = v[0] else { return .null }
            var digits = 0.0
            if v.count > 1 { guard case .number(let d) = v[1] else { return .null }; digits = d }
            let f = pow(10, digits.rounded())
            return .number((x * f).rounded(.toNearestOrAwayFromZero) / f)
        case "floor":
            guard case .number(let x) = v[0] else { return .null }
            return .number(x.rounded(.down))
        case "sum":
            guard case .list(let l) = v[0] else { return .null }
            var t = 0.0
            for x in l { if case .number(let d) = x { t += d } }
            return .number(t)
        case "min", "max":
            let items: [Value]
            if v.count == 1, case .list(let l) = v[0] { items = l.filter { !$0.isEmpty } } else { items = v }
            guard var best = items.first else { return .null }
            for x in items.dropFirst() {
                let better = compare(name == "min" ? .lt : .gt, x, best)
                if better.truthy { best = x }
            }
            return best
        case "period_gaps", "period_overlaps", "period_first_gap": return periods(name, v)
        case "same_name":
            guard case .string(let a) = v[0], case .string(let b) = v[1] else { return .null }
            return .bool(VietText.sameName(a, b))
        case "cccd_year", "cccd_sex":
            guard case .string(let t) = v[0], let id = PersonalID(t) else { return .null }
            return name == "cccd_year" ? .number(Double(id.birthYear)) : .string(id.isFemale ? "nu" : "nam")
        default: return .null
        }
    }

    private static func label<S: ExpressionScope>(_ arg: Node, _ s: S, _ ctx: EvaluationContext) -> Value {
        let v = eval(arg, s, ctx)
        guard case .ref(let r, _) = arg, let form = ctx.form else { return v }
        let id: String
        switch r {
        case .field(let f, _), .sibling(let f, _): id = f
        default: return v
        }
        guard let field = form.field(id) else { return v }
        func name(_ x: Value) -> Value {
            guard case .string(let val) = x, let o = field.option(val) else { return x }
            return .string(o.label.resolve(ctx.language, fallback: form.defaultLanguage))
        }
        if case .list(let l) = v { return .string(l.map { name($0).displayText }.joined(separator: ", ")) }
        return name(v)
    }

    /// Periods [start_i, end_i] against [from, to], in the coarsest precision
    /// given (a residence history by month compares months): a gap is a unit
    /// not covered; an overlap is a period starting before the previous one ends
    /// (sharing the boundary unit is allowed, as people write "2010–2015, 2015–nay").
    private static func periods(_ name: String, _ v: [Value]) -> Value {
        guard case .list(let starts) = v[0], case .list(let ends) = v[1], starts.count == ends.count else { return .null }
        var dates: [CalendarDate] = []
        var pairs: [(CalendarDate, CalendarDate)] = []
        for (a, b) in zip(starts, ends) {
            guard let x = asDate(a), let y = asDate(b) else { return .null }
            pairs.append((x, y)); dates += [x, y]
        }
        var bounds: (CalendarDate, CalendarDate)?
        if name != "period_overlaps" {
            guard let from = asDate(v[2]), let to = asDate(v[3]) else { return .null }
            bounds = (from, to); dates += [from, to]
        }
        let coarse: CalendarDate.Precision = dates.contains { $0.precision == .year } ? .year
            : dates.contains { $0.precision == .month } ? .month : .day
        func unit(_ d: CalendarDate) -> Int {
            switch coarse {
            case .day: return d.dayNumber
            case .month: return d.year * 12 + d.month - 1
            case .year: return d.year
            }
        }
        let sorted = pairs.map { (unit($0.0), unit($0.1)) }.sorted { $0.0 < $1.0 }
        var count = 0
        if name == "period_overlaps" {
            for k in sorted.indices.dropFirst() where sorted[k].0 < sorted[k - 1].1 { count += 1 }
            return .number(Double(count))
        }
        guard let (from, to) = bounds else { return .null }
        var covered = unit(from) - 1
        var first: Int?
        for (a, b) in sorted {
            if a > covered + 1 { count += 1; first = first ?? covered + 1 }
            covered = max(covered, b)
        }
        if covered < unit(to) { count += 1; first = first ?? covered + 1 }
        guard name == "period_first_gap" else { return .number(Double(count)) }
        // The first unit uncovered, as a date of that precision (03/2014 for months).
        guard let u = first else { return .null }
        switch coarse {
        case .day: return .date(CalendarDate(dayNumber: u))
        case .month: return CalendarDate(year: u / 12, month: u % 12 + 1, precision: .month).map(Value.date) ?? .null
        case .year: return CalendarDate(year: u, precision: .year).map(Value.date) ?? .null
        }
    }
}
