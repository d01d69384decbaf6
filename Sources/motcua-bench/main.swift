import Foundation

// `swift run -c release motcua-bench [SUITE ...]`: each suite lives in its own
// file of this folder and prints its numbers; with no argument every suite runs.
let suites: [(name: String, run: () throws -> Void)] = [
    ("forms", benchForms),
    ("sheets", benchSheets),
    ("json", benchJSON),
    ("text", benchText),
    ("store", benchStore),
    ("report", benchReport),
    ("interview", benchInterview),
    ("qr", benchQR),
    ("kiosk", benchKiosk),
    ("speech", benchSpeech),
    ("hostile", benchHostile),
    ("postgres", benchPostgres),
    ("signin", benchSignIn),
    ("returning", benchReturning),
]

let wanted = Set(CommandLine.arguments.dropFirst())
for suite in suites where wanted.isEmpty || wanted.contains(suite.name) {
    print("== \(suite.name)")
    do { try suite.run() } catch { print("suite \(suite.name) failed: \(error)") }
}
