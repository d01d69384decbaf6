import Foundation
import MotCuaForms

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
    /// data directory's settings.json, else "MC01".
    public static func kioskID(flag: String?, directory: String,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let flag, !flag.isEmpty { return try KioskID.normalize(flag) }
        if let env = environment["MOTCUA_KIOSK_ID"], !env.isEmpty { return try KioskID.normalize(env) }
        let path = directory + "/" + settingsName
        if let bytes = try FileIO.readFile(path) {
            let value: JSONValue
            do { value = try JSONParser.parse(Data(bytes)) } catch {
                throw StoreError.badDataDirectory("\(path) is not JSON: \(error)")
            }
            if let id = value["kioskId"]?.stringValue { return try KioskID.normalize(id) }
        }
        return KioskID.defaultID
    }

    /// The operator id: `--operator`, else `MOTCUA_OPERATOR`, else the login name.
    public static func operatorID(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let env = environment["MOTCUA_OPERATOR"], !env.isEmpty { return env }
        return environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
    }
}
