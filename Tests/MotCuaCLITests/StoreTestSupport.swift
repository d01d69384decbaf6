import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A shell script running the real `motcua` in its own process group, so a
/// test can SIGKILL the script and whatever `motcua` it is running at once,
/// at any moment, as a power cut or the OOM killer would.
final class StoreChild {
    let pid: pid_t
    private let readFD: Int32

    init(script: String, environment: [String: String] = [:]) throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw POSIXError(.EMFILE) }
        // CLOEXEC: no other test's child may inherit our pipe and hold it open
        // (dup2 below gives our child a plain copy as its stdout).
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attr, 0)
        var env = ProcessInfo.processInfo.environment
        env["MOTCUA_HOME"] = Motcua.repoRoot
        for (k, v) in environment { env[k] = v }
        let argv = ["/bin/sh", "-c", script]
        let envp = env.map { "\($0.key)=\($0.value)" }
        var child: pid_t = 0
        let rc = withCStrings(argv) { a in withCStrings(envp) { e in posix_spawn(&child, "/bin/sh", &actions, &attr, a, e) } }
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attr)
        close(fds[1])
        guard rc == 0 else {
            close(fds[0])
            throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL)
        }
        pid = child
        readFD = fds[0]
    }

    /// SIGKILL to the whole group.
    func kill() { _ = Glibc.kill(-pid, SIGKILL) }

    /// Waits for the script; its exit status (or 128 + signal).
    @discardableResult
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let sig = status & 0x7F
        return sig == 0 ? (status >> 8) & 0xFF : 128 + sig
    }

    /// Everything the script wrote to stdout (call after it ended or was killed).
    func output() -> String {
        var data = [UInt8]()
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBytes { read(readFD, $0.baseAddress!, $0.count) }
            if n > 0 { data += buf[0..<n]; continue }
            if n < 0 && errno == EINTR { continue }
            break
        }
        close(readFD)
        return String(decoding: data, as: UTF8.self)
    }
}

private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for p in pointers { free(p) } }
    return body(pointers)
}

/// A small form in the project's format, with a shared list (so its stored
/// copy has the list inlined), a name field (indexed, letters only) and a
/// free-text alias field (which may hold anything, escape sequences included).
enum StoreFixture {
    static let form = """
    {
      "format": "motcua-form/1",
      "id": "dang-ky-thu",
      "version": "2026.1",
      "title": {"vi": "Đăng ký thử", "en": "Test registration"},
      "lists": {"gioi_tinh": "@genders"},
      "pages": [
        {"id": "p1", "title": "Người nộp", "fields": [
          {"id": "ho_ten", "type": "text", "label": "Họ và tên", "format": "name", "required": true, "maxLength": 100},
          {"id": "ten_khac", "type": "text", "label": "Tên gọi khác"},
          {"id": "cccd", "type": "text", "label": "Số CCCD", "format": "cccd"},
          {"id": "gioi_tinh", "type": "choice", "label": "Giới tính", "options": "gioi_tinh"},
          {"id": "ghi_chu", "type": "text", "label": "Ghi chú", "multiline": true}
        ]}
      ]
    }
    """

    static let names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em",
                        "Đỗ Thị Giang", "Vũ Văn Hải", "Bùi Thị Hoa", "Đặng Văn Khoa", "Ngô Thị Lan"]

    /// A folder with the form (and its list) and `count` answers files; returns the paths.
    static func make(in dir: String, count: Int, note: Int = 0) throws -> (form: String, answers: [String]) {
        try FileManager.default.createDirectory(atPath: dir + "/lists", withIntermediateDirectories: true)
        try form.write(toFile: dir + "/form.json", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: Motcua.repoRoot + "/Forms/lists/genders.json", toPath: dir + "/lists/genders.json")
        var files: [String] = []
        for i in 0..<count {
            let cccd = String(format: "0012%08d", i)
            let noteText = String(repeating: "Ghi chú dài. ", count: note)
            let json = #"{"ho_ten": "\#(names[i % names.count])", "cccd": "\#(cccd)", "gioi_tinh": "\#(i % 2 == 0 ? "nam" : "nu")", "ghi_chu": "\#(noteText)số \#(i)"}"#
            let path = dir + "/answers-\(i).json"
            try json.write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
        }
        return (dir + "/form.json", files)
    }

    /// `RECEIPT ID` lines printed by `motcua submit`: the ids whose submit returned.
    static func submittedIDs(_ output: String) -> [String] {
        output.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 2, parts[0].split(separator: "-").count == 3, parts[1].count == 36 else { return nil }
            return String(parts[1])
        }
    }

    /// Items of `motcua queue status --all`: id → state.
    static func queueItems(_ output: String) -> [(id: String, state: String)] {
        output.split(separator: "\n").dropFirst().map { line in
            let parts = line.split(separator: " ")
            return (String(parts[1]), String(parts[2]))
        }
    }

    static func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
