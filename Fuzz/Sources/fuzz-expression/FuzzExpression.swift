// Expressions as a form author writes them: parsed, checked against a small
// form's names (top level and inside a repeat), and when they check,
// evaluated over empty and extreme answers. Errors are fine; a trap is not.
import Foundation
import FuzzSupport
@testable import MotCuaForms

private let table: FieldTable = {
    var t = FieldTable()
    let top: [(String, FieldType, StaticType)] = [
        ("a", .integer, .number), ("b", .decimal, .number), ("t", .text, .string), ("c", .choice, .string),
        ("d", .date, .date), ("m", .multichoice, .list(.string)), ("flag", .boolean, .boolean), ("r", .repeat, .list(.item)),
    ]
    for (slot, f) in top.enumerated() { t.entries[f.0] = .init(type: f.1, repeatID: nil, valueType: f.2, slot: slot) }
    t.entries["x"] = .init(type: .integer, repeatID: "r", valueType: .number, slot: 0)
    t.entries["y"] = .init(type: .text, repeatID: "r", valueType: .string, slot: 1)
    return t
}()

private let sites = [
    ExpressionSite(dotType: .string, allowsOption: true),
    ExpressionSite(repeatID: "r", dotType: .number),
]

private let ctx = EvaluationContext(today: CalendarDate(year: 2026, month: 12, day: 6)!)

private let full: Scope = {
    let item: [String: Value] = ["x": .number(-1e308), "y": .string("Nguyễn Thị Ánh")]
    let values: [String: Value] = [
        "a": .number(1e308), "b": .number(-0.0), "t": .string("e\u{301}\u{20E3}1"), "c": .string("kinh"),
        "d": .date(CalendarDate(year: 9999, month: 12, day: 31)!), "m": .list([.string("a"), .null]),
        "flag": .bool(true), "r": .list([.item(item), .item([:]), .null]),
    ]
    return Scope(values: values, item: item, dot: .number(Double.greatestFiniteMagnitude),
                 option: Option(value: "01", label: LocalizedText("Một")))
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let source = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    guard let root = try? ExpressionParser.parse(source) else { return 0 }
    for site in sites {
        let (resolved, _, problems) = ExpressionChecker.check(root, table: table, site: site)
        guard problems.isEmpty else { continue }
        let e = Expression(source: source, jsonPath: "fuzz", root: resolved)
        _ = Evaluator.evaluate(e, Scope(values: [:]), ctx)
        _ = Evaluator.evaluate(e, full, ctx)
    }
    return 0
}

@_cdecl("fuzz_expression_main")
public func fuzz_expression_main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    _ = (table.entries.count, full.values.count)
    return Fuzz.runDriver(argc, argv, fuzzExpression)
}
