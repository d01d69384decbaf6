import Foundation

/// Finds the program's data folders (`Forms/`, `Locales/`): `MOTCUA_HOME`,
/// else the folder holding the executable or one of its parents (a build in
/// the repository), else the installed share folder.
public enum Resources {
    public static func root(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let home = environment["MOTCUA_HOME"], !home.isEmpty { return home }
        // Plain string paths, not NSString: the kiosk calls this before its first screen,
        // and NSString's path methods bring in a large part of Foundation for it.
        var dir = executablePath()
        for _ in 0..<6 {
            dir = parent(of: dir)
            let base = dir.hasSuffix("/") ? dir : dir + "/"
            if FileManager.default.fileExists(atPath: base + "Locales/vi.json") { return dir }
            if FileManager.default.fileExists(atPath: base + "share/motcua/Locales/vi.json") {
                return base + "share/motcua"
            }
        }
        for candidate in ["/usr/local/share/motcua", "/usr/share/motcua"] where FileManager.default.fileExists(atPath: candidate + "/Locales/vi.json") {
            return candidate
        }
        let cwd = FileManager.default.currentDirectoryPath
        return FileManager.default.fileExists(atPath: cwd + "/Locales/vi.json") ? cwd : nil
    }

    /// The running executable's own path: `/proc/self/exe` where there is one,
    /// since `argv[0]` is only what the caller typed ("motcua" found on PATH,
    /// "-motcua" when the kiosk is a login shell); else `argv[0]` resolved.
    static func executablePath() -> String {
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"), exe.hasPrefix("/") {
            return exe
        }
        return CommandLine.arguments.first.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } ?? ""
    }

    /// The folder holding `path` ("/a/b/c" → "/a/b", "/a" → "/", "c" → ""), as
    /// NSString's `deletingLastPathComponent` gives it for these absolute paths.
    static func parent(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        if slash == p.startIndex { return "/" }
        return String(p[..<slash])
    }

    public static var formsDirectory: String? { root().map { $0 + "/Forms" } }

    /// Messages in `language` with Vietnamese as fallback; never fails (keys show if files are missing).
    public static func messages(_ language: String, root: String? = Resources.root()) -> Messages {
        func table(_ lang: String) -> [String: String] {
            // Only a plain tag names a file: "../x" or "a/b" never reaches a path (F15).
            let plain = (2...8).contains(lang.utf8.count) && lang.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || $0 == 45 }
                && lang.first != "-"
            guard plain, let root, let data = FileManager.default.contents(atPath: "\(root)/Locales/\(lang).json") else { return [:] }
            return (try? Messages.parseTable(data)) ?? [:]
        }
        let vi = table("vi")
        return Messages(language: language, table: language == "vi" ? vi : table(language), fallback: vi)
    }
}
