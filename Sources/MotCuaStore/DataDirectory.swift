import Foundation
import MotCuaForms
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where MotCua keeps its data, and the settings read from there.
///
/// Layout (docs/STORE.md): `lock`, `settings.json` (optional), `queue.log`,
/// `queue.snapshot`, `audit.log`, `store.log`, `store.index`, `forms/`.
public enum DataDirectory {
    /// `--data-dir`, else `MOTCUA_DATA_DIR`, else `$XDG_DATA_HOME/motcua`,
    /// else `~/.local/share/motcua`. Relative paths are made absolute against
    /// the current directory (XDG_DATA_HOME must be absolute: a relative one
    /// is ignored, as the XDG specification says).
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        func absolute(_ p: String) -> String {
            p.hasPrefix("/") ? p : FileManager.default.currentDirectoryPath + "/" + p
        }
        if let flag, !flag.isEmpty { return absolute(flag) }
        if let env = environment["MOTCUA_DATA_DIR"], !env.isEmpty { return absolute(env) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/motcua" }
        guard let home = environment["HOME"], home.hasPrefix("/") else {
            throw StoreError.badDataDirectory("no data directory: give --data-dir, or set MOTCUA_DATA_DIR or HOME")
        }
        return home + "/.local/share/motcua"
    }

    public static let settingsName = "settings.json"

    /// The kiosk id: `--kiosk`, else `MOTCUA_KIOSK_ID`, else `kioskId` in the
    /// data directory's settings.json. A data directory without one gets its
    /// own at first use: a random id (`KioskID.random`) written into
    /// settings.json, so two kiosks never share the default and hand out the
    /// same receipt codes (issue 12, F6). An officer may set a readable one.
    /// `settings`: the file as the caller already read it (`readSettings`), so a start
    /// parses it once; its error is thrown only where a key of it is needed, as before.
    public static func kioskID(flag: String?, directory: String, settings given: Result<JSONObject, any Error>? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let flag, !flag.isEmpty { return try KioskID.normalize(flag) }
        if let env = environment["MOTCUA_KIOSK_ID"], !env.isEmpty { return try KioskID.normalize(env) }
        if let id = try (given.map { try $0.get() } ?? settings(directory))["kioskId"]?.stringValue { return try KioskID.normalize(id) }
        // First use: choose one under the data directory's lock, so two
        // processes starting together agree on it.
        try FileIO.ensureDirectory(directory)
        let lock = try FileLock(path: directory + "/lock")
        return try lock.withLock {
            var current = try settings(directory)
            if let id = current["kioskId"]?.stringValue { return try KioskID.normalize(id) }
            let id = KioskID.random()
            current["kioskId"] = .string(id)
            try FileIO.writeAtomically(directory + "/" + settingsName, bytes: Array(JSONValue.object(current).data(pretty: true)))
            return id
        }
    }

    /// The agency code receipt codes begin with (QCVN 102:2016, e.g.
    /// "000.00.15.H12"): `MOTCUA_AGENCY_CODE`, else `agencyCode` in
    /// settings.json, else none (receipts begin with the kiosk id alone).
    public static func agencyCode(directory: String, settings given: Result<JSONObject, any Error>? = nil,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        if let env = environment["MOTCUA_AGENCY_CODE"], !env.isEmpty { return try AgencyCode.normalize(env) }
        if let code = try (given.map { try $0.get() } ?? settings(directory))["agencyCode"]?.stringValue, !code.isEmpty {
            return try AgencyCode.normalize(code)
        }
        return nil
    }

    /// settings.json as an object (empty when the file does not exist).
    /// Bounded: a settings file is a few lines.
    public static func settings(_ directory: String) throws -> JSONObject {
        let path = directory + "/" + settingsName
        guard let bytes = try FileIO.readFile(path, limit: 1 << 20) else { return JSONObject() }
        let value: JSONValue
        do { value = try JSONParser.parse(Data(bytes)) } catch {
            throw StoreError.badDataDirectory("\(path) is not JSON: \(error)")
        }
        guard let object = value.objectValue else { throw StoreError.badDataDirectory("\(path) must hold a JSON object") }
        return object
    }

    /// Tightens settings.json and the draft files to 0600 (and the drafts
    /// folder to 0700) where an editor or a copy left them wider (F14):
    /// drafts hold personal data, and settings live beside it. Returns one
    /// line per change, for `repaired:`. Files of another owner are left for
    /// verify to report.
    public static func tightenModes(_ directory: String) -> [String] {
        var changed: [String] = []
        func tighten(_ path: String, _ mode: mode_t, kind: mode_t) {
            var st = stat()
            guard lstat(path, &st) == 0, st.st_mode & S_IFMT == kind, st.st_uid == geteuid(), st.st_mode & 0o777 != mode else { return }
            if chmod(path, mode) == 0 {
                changed.append("\(path) had permissions \(String(st.st_mode & 0o777, radix: 8)); set to \(String(mode, radix: 8))")
            }
        }
        tighten(directory + "/" + settingsName, FileIO.fileMode, kind: S_IFREG)
        let drafts = directory + "/drafts"
        tighten(drafts, FileIO.directoryMode, kind: S_IFDIR)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: drafts)) ?? [] {
            tighten(drafts + "/" + name, FileIO.fileMode, kind: S_IFREG)
        }
        return changed
    }

    /// The operator id: `--operator`, else `MOTCUA_OPERATOR`, else the login name.
    public static func operatorID(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let env = environment["MOTCUA_OPERATOR"], !env.isEmpty { return env }
        return environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
    }
}
