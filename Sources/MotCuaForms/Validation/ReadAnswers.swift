/// A JSON object of answers read once against its fields (the dossier's
/// top-level fields, or a repeat's for one item): each answer coerced, where
/// it sits in the object, and the keys no field has. Positions, not
/// `[JSONValue?]`: an array of optionals is destroyed element by element
/// through the runtime's generic witnesses.
struct ReadAnswers {
    let object: JSONObject
    /// Coerced answers by slot (null when missing, blank or of the wrong type).
    var values: [Value]
    /// Position in `object.pairs` by slot, -1 when not given.
    let positions: [Int]
    /// By slot: the answer passes every rule that needs no other answer and
    /// is stored as given (`FieldPlan.acceptsAsGiven`).
    let accepted: [Bool]
    let unknownKeys: [String]

    init(_ object: JSONObject, _ fields: FieldPositions, today: CalendarDate) {
        let n = fields.count
        var values = ReadAnswers.nulls(n)
        var positions = Array(repeating: -1, count: n)
        var accepted = Array(repeating: false, count: n)
        var unknown: [String] = []
        var next = 0
        let pairs = object.pairs
        for position in pairs.indices {
            guard let slot = fields.slot(of: pairs[position].key, hint: next) else { unknown.append(pairs[position].key); continue }
            next = slot + 1
            positions[slot] = position
            let answer = pairs[position].value
            fields.withPlan(slot) { field in
                if case .value(let v) = Coercion.coerce(answer, field) {
                    accepted[slot] = field.acceptsAsGiven(answer, coerced: v, today: today)
                    values[slot] = v
                }
            }
        }
        self.object = object; self.values = values; self.positions = positions; self.accepted = accepted; unknownKeys = unknown
    }

    /// The answer given for `slot`, nil when none was.
    func raw(_ slot: Int) -> JSONValue? {
        let i = positions[slot]
        return i >= 0 ? object.pairs[i].value : nil
    }

    /// `n` nulls. `Array(repeating:count:)` copies its element through an
    /// outlined copy per slot (≈ 45 instructions each).
    static func nulls(_ n: Int) -> [Value] {
        [Value](unsafeUninitializedCapacity: n) { buffer, count in
            buffer.initialize(repeating: .null)
            count = n
        }
    }
}
