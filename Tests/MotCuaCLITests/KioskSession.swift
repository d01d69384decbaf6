// The real `motcua` in tmux for the command line's kiosk tests (TmuxSession lives in
// MotCuaTestSupport, shared with the kiosk's own tests).
import Foundation
import MotCuaTestSupport
import Testing

let kioskTmuxAvailable = tmuxAvailable

/// Starts `motcua ARGS` in a `width`×`height` tmux window, with the repository's forms
/// and a colour terminal; the test closes it (`defer { t.close() }`).
func kioskSession(_ args: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:]) -> TmuxSession {
    let env = environment.merging(["MOTCUA_HOME": Motcua.repoRoot, "TERM": "xterm-256color"]) { given, _ in given }
    return TmuxSession([Motcua.path] + args, width: width, height: height, environment: env)
}

/// A khai-sinh dossier answered through plain mode (every answer, then the kiosk resumes
/// the draft at its review), submitted in the kiosk: the session left on the receipt screen
/// and the receipt code it shows. The test closes the session.
func kioskSubmitsKhaiSinh(_ dir: String, today: String = "2026-11-27") throws -> (TmuxSession, String) {
    let plain = try Motcua.run(["fill", "khai-sinh", "--plain", "--data-dir", dir, "--today", today],
                               stdin: PlainModeTests.khaiSinh.joined(separator: "\n") + "\n")
    try #require(plain.status == 3, "plain mode stops at the confirmation: \(plain.stderr)")
    let draft = try #require(plain.stdout.range(of: #"[0-9a-f-]{36}"#, options: .regularExpression).map { String(plain.stdout[$0]) },
                             "\(plain.stdout) \(plain.stderr)")
    let t = kioskSession(["fill", "--draft", draft, "--data-dir", dir, "--today", today])
    try #require(t.wait(for: "Xem lại hồ sơ: "), "\(t.text)")
    t.press("Enter")
    try #require(t.wait(for: "Nộp hồ sơ này vào hàng đợi?"), "\(t.text)")
    t.press("Enter")
    try #require(t.wait(for: "GIẤY TIẾP NHẬN HỒ SƠ"), "\(t.text)")
    let screen = t.text
    let code = try #require(screen.range(of: #"[A-Z0-9]+-\d{6}-\d{4}"#, options: .regularExpression).map { String(screen[$0]) }, "\(screen)")
    return (t, code)
}
