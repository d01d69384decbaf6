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
    let unknownKeys: [String]

    init(_ object: JSONObject, _ fields: FieldPositions) {
        let n = fields.fields.count
        var values = ReadAnswers.nulls(n)
        var positions = Array(repeating: -1, count: n)
        var unknown: [String] = []
        var next = 0
        for (position, (key, answer)) in object.pairs.enumerated() {
            guard let slot = fields.slot(of: key, hint: next) else { unknown.append(key); continue }
            next = slot + 1
            positions[slot] = position
            if case .value(let v) = Coercion.coerce(answer, fields.fields[slot]) { values[slot] = v }
        }
        self.object = object; self.values = values; self.positions = positions; unknownKeys = unknown
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
