/// The built-in functions: arity and argument types for the checker.
struct FunctionSignature: Sendable {
    let minArgs: Int
    let maxArgs: Int
    /// Expected type per argument; the last one repeats for variadic functions.
    let params: [StaticType]
    let result: @Sendable ([StaticType]) -> StaticType
}

enum Builtins {
    static let variadic = Int.max

    static let table: [String: FunctionSignature] = [
        "today": .init(minArgs: 0, maxArgs: 0, params: [], result: { _ in .date }),
        "date": .init(minArgs: 1, maxArgs: 1, params: [.any], result: { _ in .date }),
        "age": .init(minArgs: 1, maxArgs: 1, params: [.date], result: { _ in .number }),
        "days": .init(minArgs: 2, maxArgs: 2, params: [.date, .date], result: { _ in .number }),
        "months": .init(minArgs: 2, maxArgs: 2, params: [.date, .date], result: { _ in .number }),
        "add_days": .init(minArgs: 2, maxArgs: 2, params: [.date, .number], result: { _ in .date }),
        "add_months": .init(minArgs: 2, maxArgs: 2, params: [.date, .number], result: { _ in .date }),
        "year": .init(minArgs: 1, maxArgs: 1, params: [.date], result: { _ in .number }),
        "month": .init(minArgs: 1, maxArgs: 1, params: [.date], result: { _ in .number }),
        "day": .init(minArgs: 1, maxArgs: 1, params: [.date], result: { _ in .number }),
        "len": .init(minArgs: 1, maxArgs: 1, params: [.string], result: { _ in .number }),
        "count": .init(minArgs: 1, maxArgs: 1, params: [.list(.any)], result: { _ in .number }),
        "selected": .init(minArgs: 2, maxArgs: 2, params: [.list(.string), .string], result: { _ in .boolean }),
        "label": .init(minArgs: 1, maxArgs: 1, params: [.any], result: { _ in .string }),
        "matches": .init(minArgs: 2, maxArgs: 2, params: [.string, .string], result: { _ in .boolean }),
        "contains": .init(minArgs: 2, maxArgs: 2, params: [.any, .any], result: { _ in .boolean }),
        "starts_with": .init(minArgs: 2, maxArgs: 2, params: [.string, .string], result: { _ in .boolean }),
        "empty": .init(minArgs: 1, maxArgs: 1, params: [.any], result: { _ in .boolean }),
        "if": .init(minArgs: 3, maxArgs: 3, params: [.boolean, .any, .any], result: { t in
            t[1] == t[2] ? t[1] : (t[1] == .null ? t[2] : (t[2] == .null ? t[1] : .any)) }),
        "coalesce": .init(minArgs: 1, maxArgs: variadic, params: [.any], result: { t in
            let known = t.filter { $0 != .null }
            return known.allSatisfy { $0 == known.first } ? (known.first ?? .null) : .any }),
        "upper": .init(minArgs: 1, maxArgs: 1, params: [.string], result: { _ in .string }),
        "lower": .init(minArgs: 1, maxArgs: 1, params: [.string], result: { _ in .string }),
        "trim": .init(minArgs: 1, maxArgs: 1, params: [.string], result: { _ in .string }),
        "concat": .init(minArgs: 1, maxArgs: variadic, params: [.any], result: { _ in .string }),
        "round": .init(minArgs: 1, maxArgs: 2, params: [.number, .number], result: { _ in .number }),
        "floor": .init(minArgs: 1, maxArgs: 1, params: [.number], result: { _ in .number }),
        "sum": .init(minArgs: 1, maxArgs: 1, params: [.list(.number)], result: { _ in .number }),
        "min": .init(minArgs: 1, maxArgs: variadic, params: [.any], result: { t in elementType(t) }),
        "max": .init(minArgs: 1, maxArgs: variadic, params: [.any], result: { t in elementType(t) }),
        // Extension (see Forms/README.md): periods given by two lists of start
        // and end dates must cover [from, to] without gap or overlap.
        "period_gaps": .init(minArgs: 4, maxArgs: 4, params: [.list(.date), .list(.date), .date, .date], result: { _ in .number }),
        "period_overlaps": .init(minArgs: 2, maxArgs: 2, params: [.list(.date), .list(.date)], result: { _ in .number }),
        // Extension: the first month (day, year) of [from, to] the periods leave uncovered.
        "period_first_gap": .init(minArgs: 4, maxArgs: 4, params: [.list(.date), .list(.date), .date, .date], result: { _ in .date }),
        // Extension: what a 12-digit personal ID says of its holder (its 4th digit gives
        // century and sex, the 5th and 6th the year): null unless it reads as one.
        "cccd_year": .init(minArgs: 1, maxArgs: 1, params: [.string], result: { _ in .number }),
        "cccd_sex": .init(minArgs: 1, maxArgs: 1, params: [.string], result: { _ in .string }),
        // Extension: two names are the same name as people write it (case, spaces and
        // tone placement aside: "Nguyễn Thị Hòa" = "NGUYỄN THỊ HOÀ"; "Hoa" is another).
        "same_name": .init(minArgs: 2, maxArgs: 2, params: [.string, .string], result: { _ in .boolean }),
    ]

    private static func elementType(_ t: [StaticType]) -> StaticType {
        if t.count == 1, case .list(let e) = t[0] { return e }
        return t.count > 1 ? t[0] : .any
    }
}
