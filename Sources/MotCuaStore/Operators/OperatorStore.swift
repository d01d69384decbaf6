import Foundation
import MotCuaForms

/// What a sign-in attempt came to.
public enum SignInOutcome: Sendable, Equatable {
    case signedIn(Operator)
    /// A wrong PIN; `left` more before the operator is locked.
    case wrongPIN(left: Int)
    /// Locked until `until`; `justNow` when this attempt was the one that locked it.
    case lockedOut(until: Date, justNow: Bool)
    case disabled
    case unknown
}

/// The data directory's operators: `operators.json`, owner-only, replaced atomically
/// (temporary file, fsync, rename, fsync of the folder) under its own lock, so the
/// kiosk and `motcua operators` may run at once and a wrong-PIN count is never lost.
public final class OperatorStore {
    public static let fileName = "operators.json"
    public static let format = "motcua-operators/1"
    /// PBKDF2 iterations for new PINs (`motcua-bench signin` measures one sign-in).
    public static let iterations = 100_000
    public static let maxFailures = 5
    public static let lockSeconds: Double = 300
    /// At most this many operators (a desk has a handful); bounds the file read.
    static let maxOperators = 500

    public let path: String
    private let lock: FileLock
    private let iterations: Int

    /// `iterations` is lowered only by tests that add many operators.
    public init(dataDirectory: String, iterations: Int = OperatorStore.iterations) throws {
        try FileIO.ensureDirectory(dataDirectory)
        path = dataDirectory + "/" + OperatorStore.fileName
        lock = try FileLock(path: dataDirectory + "/.operators.lock")
        self.iterations = iterations
    }

    /// Every operator, in the order they were added.
    public func list() throws -> [Operator] { try lock.withLock { try read() } }

    /// Adds an operator. The first one is always an administrator (someone must be able to manage the rest).
    @discardableResult
    public func add(id: String, displayName: String?, admin: Bool, pin: String) throws -> Operator {
        guard Operator.validID(id) else {
            throw StoreError.invalidArgument("an operator name is 1 to 32 lower-case letters a-z, digits, '.', '-' or '_' (got \(id.debugDescription))")
        }
        guard Operator.validPIN(pin) else { throw StoreError.invalidArgument("a PIN is at least 6 digits (0-9), at most 32") }
        let name = (displayName ?? id).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.utf8.count <= 200, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw StoreError.invalidArgument("a display name is 1 to 200 bytes of printable text")
        }
        return try lock.withLock {
            var all = try read()
            guard !all.contains(where: { $0.id == id }) else { throw StoreError.conflict("operator \(id) already exists") }
            guard all.count < OperatorStore.maxOperators else { throw StoreError.conflict("at most \(OperatorStore.maxOperators) operators") }
            let salt = try SecureRandom.bytes(16)
            let op = Operator(id: id, displayName: name, isAdmin: admin || all.isEmpty, disabled: false, salt: salt,
                              hash: PBKDF2.sha256(password: Array(pin.utf8), salt: salt, iterations: iterations, length: 32),
                              iterations: iterations, failures: 0, lockedUntil: nil)
            all.append(op)
            try write(all)
            return op
        }
    }

    public func setDisabled(_ id: String, _ disabled: Bool) throws {
        try update(id) { op in
            if disabled, op.isAdmin {
                // Never disable the last administrator who could undo it.
                let admins = try read().filter { $0.isAdmin && !$0.disabled && $0.id != id }
                guard !admins.isEmpty else { throw StoreError.conflict("\(id) is the only active administrator") }
            }
            op.disabled = disabled
        }
    }

    /// A new PIN (new salt); also lifts a lock and clears the wrong-PIN count.
    public func resetPIN(_ id: String, pin: String) throws {
        guard Operator.validPIN(pin) else { throw StoreError.invalidArgument("a PIN is at least 6 digits (0-9), at most 32") }
        let salt = try SecureRandom.bytes(16)
        try update(id) { op in
            op.salt = salt
            op.iterations = iterations
            op.hash = PBKDF2.sha256(password: Array(pin.utf8), salt: salt, iterations: iterations, length: 32)
            op.failures = 0
            op.lockedUntil = nil
        }
    }

    /// Checks a PIN. The count of wrong PINs and the lock are written before the
    /// answer is given, so killing the program between guesses gains nothing.
    public func signIn(_ id: String, pin: String, now: Date = Date()) throws -> SignInOutcome {
        try lock.withLock {
            var all = try read()
            guard let i = all.firstIndex(where: { $0.id == id }) else { return .unknown }
            if all[i].disabled { return .disabled }
            if let until = all[i].lockedUntil(at: now) { return .lockedOut(until: until, justNow: false) }
            let op = all[i]
            let derived = PBKDF2.sha256(password: Array(pin.utf8), salt: op.salt, iterations: op.iterations, length: 32)
            if constantTimeEqual(derived, op.hash) {
                if all[i].failures != 0 || all[i].lockedUntil != nil {
                    all[i].failures = 0
                    all[i].lockedUntil = nil
                    try write(all)
                }
                return .signedIn(all[i])
            }
            all[i].failures += 1
            if all[i].failures >= OperatorStore.maxFailures {
                let until = now.addingTimeInterval(OperatorStore.lockSeconds)
                all[i].failures = 0
                all[i].lockedUntil = until.timeIntervalSince1970
                try write(all)
                return .lockedOut(until: until, justNow: true)
            }
            try write(all)
            return .wrongPIN(left: OperatorStore.maxFailures - all[i].failures)
        }
    }

    private func update(_ id: String, _ change: (inout Operator) throws -> Void) throws {
        try lock.withLock {
            var all = try read()
            guard let i = all.firstIndex(where: { $0.id == id }) else { throw StoreError.notFound("no operator \(id)") }
            try change(&all[i])
            try write(all)
        }
    }

    private func read() throws -> [Operator] {
        guard let bytes = try FileIO.readFile(path, limit: 1 << 20) else { return [] }
        return try OperatorStore.parse(bytes, path: path)
    }

    /// The operators in a file's bytes; a clear error, never a trap, for anything else (fuzz-operators).
    static func parse(_ bytes: [UInt8], path: String) throws -> [Operator] {
        let v: JSONValue
        do { v = try JSONParser.parse(Data(bytes)) } catch {
            throw StoreError.badDataDirectory("\(path) is not JSON: \(error)")
        }
        guard v["format"]?.stringValue == OperatorStore.format, let list = v["operators"]?.arrayValue,
              list.count <= OperatorStore.maxOperators else {
            throw StoreError.badDataDirectory("\(path) is not a \(OperatorStore.format) file")
        }
        var out: [Operator] = []
        for (n, entry) in list.enumerated() {
            guard let op = Operator(json: entry) else { throw StoreError.badDataDirectory("\(path): operator \(n + 1) is malformed") }
            out.append(op)
        }
        return out
    }

    private func write(_ all: [Operator]) throws {
        let doc = JSONValue.object(JSONObject([("format", .string(OperatorStore.format)), ("operators", .array(all.map(\.json)))]))
        try FileIO.writeAtomically(path, bytes: Array(doc.data(pretty: true)))
    }
}
