import Foundation

/// Entry point of the `motcua` command: parses the sub-command and hands off.
public enum MotCuaCLI {
    public static func run(_ args: [String]) -> Int32 {
        FileHandle.standardError.write(Data("motcua: no command yet\n".utf8))
        return 2
    }
}
