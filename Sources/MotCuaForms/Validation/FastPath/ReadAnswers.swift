/// A JSON object of answers read once against its fields (the dossier's
/// top-level fields, or a repeat's for one item): each answer coerced, where
/// it sits in the object, and the keys no field has. Positions, not
/// `[JSONValue?]`: an array of optionals is destroyed element by element
/// through the runtime's generic witnesses.
struct ReadAnswers {
    let object: JSONObject
    /// Coerced answers by slot (null when missing, blank or of the wrong type).
    var values: [Value]
    /// Where each slot's answer is, and what was found of it.
    let given: [Given]
    let unknownKeys: [String]

    /// One slot's answer: its position in `object.pairs` (-1 when not
    /// given), and whether it passes every rule that needs no other answer
    /// and is stored as given (`FieldPlan.acceptsAsGiven`). One array of a
    /// type of our own: `[Int]` and `[Bool]`, prespecialised in the standard
    /// library, cost a runtime metadata lookup each time one is made.
    struct Given {
        var position = -1
        var accepted = false
    }

    init(_ object: JSONObject, _ fields: FieldPositions, today: CalendarDate) {
        let n = fields.count
        var values = ReadAnswers.nulls(n)
        var given = [Given].filled(Given(), count: n)
        var unknown: [String] = []
        var next = 0
        let pairs = object.pairs
        // Written through buffers: each write to an array checks that its
        // storage is not shared, a call into the runtime per answer.
        values.withUnsafeMutableBufferPointer { values in
            given.withUnsafeMutableBufferPointer { given in
                for position in pairs.indices {
                    guard let slot = fields.slot(of: pairs[position].key, hint: next) else { unknown.append(pairs[position].key); continue }
                    next = slot + 1
                    given[slot].position = position
                    fields.withPlan(slot) { field in
                        if case .value(let v, let asGiven) = Coercion.coerce(pairs[position].value, field) {
                            given[slot].accepted = asGiven && field.acceptsAsGiven(v, today: today)
                            values[slot] = v
                        }
                    }
                }
            }
        }
        self.object = object; self.values = values; self.given = given; unknownKeys = unknown
    }

    /// The answer given for `slot`, nil when none was.
    func raw(_ slot: Int) -> JSONValue? {
        let i = given[slot].position
        return i >= 0 ? object.pairs[i].value : nil
    }

    /// `n` nulls.
    static func nulls(_ n: Int) -> [Value] { .filled(.null, count: n) }
}
