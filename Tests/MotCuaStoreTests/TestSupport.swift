import Foundation
import MotCuaForms
@testable import MotCuaStore

/// A small but real checker for store tests, independent of the form engine:
/// the "form" is JSON naming field types, required fields, and which fields
/// hold names and ID numbers. Answers are trimmed and put in NFC, unknown
/// fields are errors, ID numbers must be 12 digits.
///
///     {"id": "...", "version": "...", "fields": {"name": "text", "cccd": "id", "age": "integer"},
///      "required": ["name"], "names": ["name"], "ids": ["cccd"]}
enum TestChecker {
    static let checker = DossierChecker { data in
        let form = try JSONParser.parse(data)
        guard let id = form["id"]?.stringValue, let version = form["version"]?.stringValue,
              let fields = form["fields"]?.objectValue else {
            throw StoreError.unusableForm("test form lacks id, version or fields")
        }
        let required = (form["required"]?.arrayValue ?? []).compactMap(\.stringValue)
        let nameFields = (form["names"]?.arrayValue ?? []).compactMap(\.stringValue)
        let idFields = (form["ids"]?.arrayValue ?? []).compactMap(\.stringValue)
        return PreparedForm(formID: id, formVersion: version) { answers, _, _ in
            guard let given = answers.objectValue else { return .invalid([CheckIssue(field: "", code: "type", message: "answers must be an object")]) }
            var issues: [CheckIssue] = []
            var out = JSONObject()
            for (key, value) in given.pairs {
                guard let type = fields[key]?.stringValue else {
                    issues.append(CheckIssue(field: key, code: "unknown_field", message: "the form has no field \(key)"))
                    continue
                }
                switch (type, value) {
                case ("text", .string(let s)), ("id", .string(let s)):
                    let t = s.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
                    if type == "id", !(t.count == 12 && t.allSatisfy(\.isASCII) && t.allSatisfy(\.isNumber)) {
                        issues.append(CheckIssue(field: key, code: "format", message: "an ID number has 12 digits"))
                    }
                    out[key] = .string(t)
                case ("integer", .int):
                    out[key] = value
                default:
                    issues.append(CheckIssue(field: key, code: "type", message: "wrong type for \(key)"))
                }
            }
            for r in required where out[r] == nil && !issues.contains(where: { $0.field == r }) {
                issues.append(CheckIssue(field: r, code: "required", message: "\(r) is required"))
            }
            if !issues.isEmpty { return .invalid(issues) }
            return .valid(CheckedAnswers(answers: .object(out),
                                         personalNames: nameFields.compactMap { out[$0]?.stringValue },
                                         personalIDs: idFields.compactMap { out[$0]?.stringValue }))
        }
    }

    static func form(id: String = "test-form", version: String = "1", required: [String] = ["name"]) -> Data {
        let v: JSONValue = [
            "id": .string(id), "version": .string(version),
            "fields": ["name": "text", "cccd": "id", "age": "integer", "note": "text"],
            "required": .array(required.map { .string($0) }), "names": ["name"], "ids": ["cccd"],
        ]
        return v.data(pretty: true)
    }

    /// A checker that refuses everything: what delivery meets when the rules changed.
    static let refuseAll = DossierChecker { data in
        let base = try checker.prepare(data)
        return PreparedForm(formID: base.formID, formVersion: base.formVersion) { _, _, _ in
            .invalid([CheckIssue(field: "name", code: "constraint", message: "refused by the test")])
        }
    }
}

/// A fresh temporary directory, removed when the value is dropped... by the
/// test calling `remove()` (Swift Testing has no teardown for plain functions).
struct TempDir {
    let path: String

    init() {
        let base = FileManager.default.temporaryDirectory.path + "/motcua-store-test-" + UUID().uuidString.prefix(8)
        try! FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = base
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
    func sub(_ name: String) -> String { path + "/" + name }
}

/// A small tmpfs mounted for a test (needs root); nil when it cannot be mounted.
struct SmallDisk {
    let path: String

    init?(at path: String, bytes: Int) {
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard geteuid() == 0, SmallDisk.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(bytes)", "tmpfs", path]) == 0 else { return nil }
        self.path = path
    }

    func unmount() { _ = SmallDisk.run("/bin/umount", ["-l", path]) }

    /// Fills the disk with a file of zeros until writing fails, leaving it full.
    func fill() {
        let fd = open(path + "/filler", O_WRONLY | O_CREAT, 0o600)
        let chunk = [UInt8](repeating: 0, count: 1024)
        while chunk.withUnsafeBytes({ write(fd, $0.baseAddress!, $0.count) }) > 0 {}
        let one: [UInt8] = [0]
        while one.withUnsafeBytes({ write(fd, $0.baseAddress!, 1) }) > 0 {}
        close(fd)
    }

    func freeSpace() { unlink(path + "/filler") }

    static func run(_ tool: String, _ args: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}

extension DossierStore {
    /// Opens a store with the test checker.
    static func test(_ dir: String, kiosk: String = "HD01", checker: DossierChecker = TestChecker.checker,
                     options: StoreOptions = StoreOptions()) throws -> DossierStore {
        try DossierStore(directory: dir, kioskID: kiosk, checker: checker, options: options)
    }

    /// The core store, loaded (tests reach past the public API to simulate crashes).
    func loadedCore() throws -> CoreStore {
        try lock.withLock { try refresh(.all) }
        return core
    }

    /// Submits and expects success; returns the receipt. On the fixed day `testMorning` unless told.
    func submitOK(_ answers: JSONValue, form: Data = TestChecker.form(), id: String? = nil, at: Timestamp? = testMorning) throws -> Submission {
        switch try submit(SubmitRequest(form: FormFile(form), answers: answers, dossierID: id, operatorID: "op1", now: at)) {
        case .submitted(let r): return r
        case .alreadySubmitted(let r): return r
        case .invalid(let issues): throw StoreError.invalidArgument("unexpectedly invalid: \(issues)")
        }
    }
}

/// 2026-11-27 10:00 in Viet Nam (03:00 UTC).
let testMorning = Timestamp(milliseconds: 1_795_748_400_000)
/// 2026-11-27 00:30 in Viet Nam, still 26 November in UTC.
let testJustAfterMidnight = Timestamp(milliseconds: 1_795_714_200_000)
