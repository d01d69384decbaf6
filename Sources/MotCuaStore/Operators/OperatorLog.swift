import Foundation
import MotCuaForms

/// Desk events the dossier journal could not take (the kiosk records them as `desk`
/// records of queue.log, in audit.log's chain; this file is the fallback when that
/// write fails, e.g. a full disk, so a sign-in is never blocked), and the PIN checks
/// of `motcua operators sign-in`, which opens no dossier store (the data directory
/// may hold nothing but operators.json). One JSON line per event in
/// `operators.log` (owner-only, appended with O_APPEND and fsynced), holding the
/// operator id, the kiosk, the time and for drafts the draft id, never a name,
/// PIN or answer. Submitted, delivered and exported dossiers are in audit.log,
/// whose entries name the operator the kiosk passes (the signed-in one).
public enum OperatorLog {
    public static let fileName = "operators.log"

    public static func record(_ event: String, operatorID: String, kiosk: String?, draft: String? = nil,
                              dataDirectory: String, at: Date = Date()) throws {
        var o = JSONObject()
        o["at"] = .string(ISO8601DateFormatter().string(from: at))
        o["event"] = .string(event)
        o["operator"] = .string(operatorID)
        if let kiosk { o["kiosk"] = .string(kiosk) }
        if let draft { o["draft"] = .string(draft) }
        var bytes = Array(JSONValue.object(o).data(pretty: false))
        bytes.append(10)
        let path = dataDirectory + "/" + fileName
        let fd = try FileIO.open(path, flags: O_WRONLY | O_APPEND, create: true)
        defer { FileIO.close(fd) }
        let size = try FileIO.size(fd, path: path)
        try bytes.withUnsafeBytes { try FileIO.pwriteAll(fd, $0, at: size, path: path) }
        try FileIO.fsync(fd, path: path)
    }

    /// Every event, oldest first (malformed lines are skipped: the log is advisory).
    public static func read(dataDirectory: String) -> [JSONObject] {
        guard let bytes = try? FileIO.readFile(dataDirectory + "/" + fileName, limit: 64 << 20) else { return [] }
        return bytes.split(separator: 10).compactMap { try? JSONParser.parse(Data($0)).objectValue }
    }
}
