/// The answers as they go into the dossier, copied only from where they
/// differ from the answers as given. A clean dossier (keys in the form's
/// order, nothing to normalise, nothing left out) is stored as the very
/// object it came in: no member is copied, retained or released.
struct DossierOutput {
    let given: JSONObject
    /// The members so far, once they differ from a prefix of `given`.
    private var built: [(key: String, value: JSONValue)]?
    /// While `built` is nil: the output so far is `given.pairs[..<matched]`.
    private var matched = 0

    init(given: JSONObject) { self.given = given }

    /// Appends `key: value`; `position` is where the field's answer sits in
    /// `given` (-1 when it was not given); `isGiven`: `value` is known to be
    /// that answer as given, no need to compare.
    mutating func append(_ key: String, _ value: JSONValue, position: Int, isGiven: Bool = false) {
        if built == nil {
            if position == matched, isGiven || given.pairs[position].value.sameInOrder(value) {
                matched += 1
                return
            }
            var prefix = Array(given.pairs[..<matched])
            prefix.reserveCapacity(given.count + 4)
            built = prefix
        }
        built!.append((key, value))
    }

    /// Appends the answer given at `position` in `given`, as it is.
    mutating func appendGiven(_ key: String, position: Int) {
        if built == nil && position == matched { matched += 1; return }
        append(key, given.pairs[position].value, position: position, isGiven: true)
    }

    var object: JSONObject {
        if let built { return JSONObject(uniqueKeysInOrder: built) }
        if matched == given.count { return given }
        return JSONObject(uniqueKeysInOrder: Array(given.pairs[..<matched]))
    }
}
