import Foundation

/// Finds the program's data folders (`Forms/`, `Locales/`): `MOTCUA_HOME`,
/// else the folder holding the executable or one of its parents (a build in
/// the repository), else the installed share folder.
public enum Resources {
    public static func root(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let home = environment["MOTCUA_HOME"], !home.isEmpty { return home }
        return places().first { FileManager.default.fileExists(atPath: $0 + "/Locales/vi.json") }
    }

    /// Where `root` looks when MOTCUA_HOME is not set, in order: the executable's folder's
    /// parents (a build in the repository) and their share/motcua (an install prefix), the
    /// installed share folders, the current folder. Also what the "cannot find" message lists.
    public static func places() -> [String] {
        // Plain string paths, not NSString: the kiosk calls this before its first screen,
        // and NSString's path methods bring in a large part of Foundation for it.
        var dir = executablePath()
        var out: [String] = []
        for _ in 0..<6 {
            dir = parent(of: dir)
            let base = dir.hasSuffix("/") ? dir : dir + "/"
            out += [dir, base + "share/motcua"]
        }
        out += ["/usr/local/share/motcua", "/usr/share/motcua", FileManager.default.currentDirectoryPath]
        var seen = Set<String>()
        return out.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Why the data folders cannot be used, in whole sentences (English and Vietnamese,
    /// since the Locales folder with the wording may be what is missing); nil when they can.
    public static func problem(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let fm = FileManager.default
        func usable(_ root: String) -> Bool {
            fm.fileExists(atPath: root + "/Locales/vi.json") && fm.fileExists(atPath: root + "/Forms/lists")
        }
        let fix = """
            To fix it, either tell motcua where they are, for example
              export MOTCUA_HOME=/opt/motcua      (the folder that holds Forms/ and Locales/)
            or install them with the program: copy the Forms/ and Locales/ folders of the MotCua
            source into /usr/local/share/motcua (or into share/motcua under the folder above the bin/
            folder that holds motcua).
            Tiếng Việt: không tìm thấy thư mục Forms/ và Locales/ của MotCua. Hãy đặt biến
            MOTCUA_HOME là thư mục chứa Forms/ và Locales/, hoặc chép hai thư mục đó vào
            /usr/local/share/motcua.
            """
        if let home = environment["MOTCUA_HOME"], !home.isEmpty {
            if usable(home) { return nil }
            return "motcua: MOTCUA_HOME is set to \(home), but that folder does not hold Forms/ (with Forms/lists/) "
                + "and Locales/ (with Locales/vi.json), which motcua needs for its forms and wording.\n" + fix
        }
        if let root = root(environment: environment), usable(root) { return nil }
        let looked = places().map { "  - " + $0 }.joined(separator: "\n")
        return "motcua: cannot find the folders Forms/ and Locales/, which hold the forms and the wording. "
            + "MOTCUA_HOME is not set, so it looked in these folders, in this order:\n" + looked + "\n" + fix
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
