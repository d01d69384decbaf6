/// A JSON document as a value: objects keep their key order (so that error
/// reports, written files and checksums are stable) and integers stay apart
/// from fractions (a form's `maxLength: 2.5` is an error, not a 2).
public enum JSONValue: Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// A short name of the value's kind, for error messages ("expected a string, found a number").
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int, .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 9e15: return Int(d)
        default: return nil
        }
    }
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// Equal with objects' members in the same order too (`==` ignores
    /// member order, as JSON does): whether storing `self` would write the
    /// same bytes as `other`.
    func sameInOrder(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            if a.withUnsafeBufferPointer({ x in b.withUnsafeBufferPointer { x.baseAddress == $0.baseAddress } }) { return true }
            return zip(a, b).allSatisfy { $0.sameInOrder($1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            if a.sharesStorage(with: b) { return true }
            return zip(a.pairs, b.pairs).allSatisfy { $0.key == $1.key && $0.value.sameInOrder($1.value) }
        default: return self == other
        }
    }

    /// Member access on objects; nil for anything else or a missing key.
    public subscript(key: String) -> JSONValue? { objectValue?[key] }
}

/// An ordered JSON object: its members in document order, so that error
/// reports, written files and checksums are stable.
///
/// Most objects are built once and read a few times by key (a field of a
/// form, an answer file, a dossier as validated and stored), so small ones
/// keep no hashed index: building one costs about one hashed lookup per member
/// (≈ 33 ns each here), while scanning 48 members for a key costs ≈ 70–130 ns.
/// From `indexThreshold` members on, lookups go through an index.
/// `motcua-bench json` prints these costs by size.
public struct JSONObject: Sendable, Equatable, Hashable {
    public private(set) var pairs: [(key: String, value: JSONValue)] = []
    /// Key → position in `pairs`, kept only for large objects.
    private var index: [String: Int]?

    /// From this many members on, lookups go through a hashed index (a scan
    /// stays under ≈ 3 hashed lookups up to here: `motcua-bench json`).
    public static let indexThreshold = 48

    public init() {}

    public init(_ pairs: [(String, JSONValue)]) {
        for (k, v) in pairs { self[k] = v }
    }

    /// Members whose keys the caller knows to be distinct (the validator's
    /// output, built in the form's order): no lookups while building.
    public init(uniqueKeysInOrder pairs: [(key: String, value: JSONValue)]) {
        self.pairs = pairs
        if pairs.count >= Self.indexThreshold { rebuildIndex() }
    }

    public var count: Int { pairs.count }
    public var isEmpty: Bool { pairs.isEmpty }
    /// Keys in document order.
    public var keys: [String] { pairs.map(\.key) }

    /// The position of `key` in `pairs`.
    public func position(of key: String) -> Int? {
        if let index { return index[key] }
        return pairs.firstIndex { $0.key == key }
    }

    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { pairs[$0].value } }
        set {
            if let i = position(of: key) {
                if let newValue { pairs[i].value = newValue } else {
                    pairs.remove(at: i)
                    if index != nil { rebuildIndex() }
                }
            } else if let newValue {
                pairs.append((key, newValue))
                if index != nil { index![key] = pairs.count - 1 } else if pairs.count >= Self.indexThreshold { rebuildIndex() }
            }
        }
    }

    private mutating func rebuildIndex() {
        var m = [String: Int](minimumCapacity: pairs.count)
        for (i, p) in pairs.enumerated() where m[p.key] == nil { m[p.key] = i }
        index = m
    }

    /// Changes the array under `key` in place (no copy of its items), keeping
    /// the key's place; does nothing when the value is not an array.
    public mutating func modifyArray(_ key: String, _ body: (inout [JSONValue]) -> Void) {
        guard let i = position(of: key), case .array(var items) = pairs[i].value else { return }
        pairs[i].value = .null  // drop the second reference so `items` is changed in place
        body(&items)
        pairs[i].value = .array(items)
    }

    /// Equal when they hold the same members, in any order (as JSON says).
    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        guard a.count == b.count else { return false }
        if a.sharesStorage(with: b) { return true }
        return a.pairs.allSatisfy { b[$0.key] == $0.value }
    }

    /// Whether both are the same members in memory (a copy of one object).
    func sharesStorage(with other: JSONObject) -> Bool {
        pairs.withUnsafeBufferPointer { a in other.pairs.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
    }

    public func hash(into h: inout Hasher) {
        // Order-independent, like `==`: a sum of the members' own hashes.
        var sum = 0
        for p in pairs {
            var m = Hasher()
            m.combine(p.key); m.combine(p.value)
            sum &+= m.finalize()
        }
        h.combine(count); h.combine(sum)
    }
}

// No ExpressibleByNilLiteral: with it, `cond ? json : nil` typed as `JSONValue?`
// silently became `.some(.null)` (an answer given as null, not a missing one).
// Write `.null` for JSON's null.
extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral s: String) { self = .string(s) }
    public init(integerLiteral i: Int) { self = .int(i) }
    public init(booleanLiteral b: Bool) { self = .bool(b) }
    public init(floatLiteral d: Double) { self = .double(d) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}
