// The real `motcua` in tmux for the command line's kiosk tests (TmuxSession lives in
// MotCuaTestSupport, shared with the kiosk's own tests).
import MotCuaTestSupport

let kioskTmuxAvailable = tmuxAvailable

/// Starts `motcua ARGS` in a `width`×`height` tmux window, with the repository's forms
/// and a colour terminal; the test closes it (`defer { t.close() }`).
func kioskSession(_ args: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:]) -> TmuxSession {
    let env = environment.merging(["MOTCUA_HOME": Motcua.repoRoot, "TERM": "xterm-256color"]) { given, _ in given }
    return TmuxSession([Motcua.path] + args, width: width, height: height, environment: env)
}
