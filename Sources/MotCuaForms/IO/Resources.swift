import Foundation

/// Finds the program's data folders (`Forms/`, `Locales/`): `MOTCUA_HOME`,
/// else the folder holding the executable or one of its parents (a build in
/// the repository), else the installed share folder.
public enum Resources {
    public static func root(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let home = environment["MOTCUA_HOME"], !home.isEmpty { return home }
        var dir = (CommandLine.arguments.first.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } ?? "") as NSString
        for _ in 0..<6 {
            dir = dir.deletingLastPathComponent as NSString
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Locales/vi.json")) { return dir as String }
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("share/motcua/Locales/vi.json")) {
                return dir.appendingPathComponent("share/motcua")
            }
        }
        for candidate in ["/usr/local/share/motcua", "/usr/share/motcua"] where FileManager.default.fileExists(atPath: candidate + "/Locales/vi.json") {
            return candidate
        }
        let cwd = FileManager.default.currentDirectoryPath
        return FileManager.default.fileExists(atPath: cwd + "/Locales/vi.json") ? cwd : nil
    }

    public static var formsDirectory: String? { root().map { $0 + "/Forms" } }

    /// Messages in `language` with Vietnamese as fallback; never fails (keys show if files are missing).
    public static func messages(_ language: String, root: String? = Resources.root()) -> Messages {
        func table(_ lang: String) -> [String: String] {
            guard let root, let data = FileManager.default.contents(atPath: "\(root)/Locales/\(lang).json") else { return [:] }
            return (try? Messages.parseTable(data)) ?? [:]
        }
        let vi = table("vi")
        return Messages(language: language, table: language == "vi" ? vi : table(language), fallback: vi)
    }
}
