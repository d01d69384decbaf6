import Foundation
import MotCuaStore
#if canImport(Glibc)
import Glibc
#endif

let operatorsUsage = """
usage: motcua operators add NAME [--admin] [--name "DISPLAY NAME"] | list | disable NAME | enable NAME
                        | reset-pin NAME | sign-in NAME    [--pin-stdin] [--data-dir DIR] [--kiosk ID]
  NAME is the operator's id (a-z, 0-9, '.', '-', '_'; at most 32), written in the audit log;
  --name is what the sign-in screen and receipts show (default: NAME).
  The first operator added is an administrator; later ones are officers unless --admin.
  add and reset-pin ask for a PIN (at least 6 digits) twice without echo on a terminal; with
  --pin-stdin, or when standard input is not a terminal, they read the two lines from it.
  sign-in checks one PIN (exit 0 right, 1 wrong, disabled or locked); five wrong PINs lock the
  operator for five minutes, also across restarts; reset-pin lifts the lock.
  With operators configured, the kiosk opens on a sign-in screen.
"""

/// `motcua operators ...`: who may use the kiosk.
func runOperatorsCommand(_ args: [String]) -> Int32 {
    guard let line = StoreCommandLine(args, command: "operators", valued: ["--name"], switches: ["--admin", "--pin-stdin"]),
          let sub = line.positional.first else {
        Console.err(operatorsUsage)
        return 2
    }
    let rest = Array(line.positional.dropFirst())
    let needsName = ["add", "disable", "enable", "reset-pin", "sign-in"].contains(sub)
    guard needsName ? rest.count == 1 : (sub == "list" && rest.isEmpty) else {
        Console.err(operatorsUsage)
        return 2
    }
    do {
        let dir = try DataDirectory.resolve(flag: line.dataDir)
        let ops = try OperatorStore(dataDirectory: dir, iterations: testIterations() ?? OperatorStore.iterations)
        let pinStdin = line.flags.contains("--pin-stdin") || isatty(0) == 0
        switch sub {
        case "list":
            let now = Date()
            for o in try ops.list() {
                let state = o.disabled ? "disabled" : o.lockedUntil(at: now).map { "locked until \(Timestamp($0).vietnamDisplay)" } ?? "active"
                // One operator a line: id, role, state, then the display name (which may hold spaces).
                Console.out(Console.safe("\(o.id)  \(o.role)  \(state)  \(o.displayName)"))
            }
        case "add":
            guard let pin = askNewPIN(stdin: pinStdin) else { return 2 }
            let o = try ops.add(id: rest[0], displayName: line.values["--name"], admin: line.flags.contains("--admin"), pin: pin)
            Console.out(Console.safe("added \(o.id) (\(o.role))"))
        case "disable", "enable":
            try ops.setDisabled(rest[0], sub == "disable")
            Console.out(Console.safe("\(rest[0]) \(sub)d"))
        case "reset-pin":
            guard try ops.list().contains(where: { $0.id == rest[0] }) else { throw StoreError.notFound("no operator \(rest[0])") }
            guard let pin = askNewPIN(stdin: pinStdin) else { return 2 }
            try ops.resetPIN(rest[0], pin: pin)
            Console.out(Console.safe("new PIN set for \(rest[0])"))
        default:
            guard let pin = readPIN(prompt: "PIN: ", stdin: pinStdin) else { Console.err("motcua operators: no PIN given"); return 2 }
            let kiosk = try? DataDirectory.kioskID(flag: line.kiosk, directory: dir)
            return signInResult(try ops.signIn(rest[0], pin: pin), id: rest[0], kiosk: kiosk, dir: dir)
        }
        return 0
    } catch {
        Console.err(Console.safe("motcua operators: \(error)"))
        return 2
    }
}

private func signInResult(_ r: SignInOutcome, id: String, kiosk: String?, dir: String) -> Int32 {
    switch r {
    case .signedIn(let o):
        try? OperatorLog.record("signed-in", operatorID: o.id, kiosk: kiosk, dataDirectory: dir)
        Console.out(Console.safe("signed in: \(o.id) (\(o.role))"))
        return 0
    case .wrongPIN(let left):
        try? OperatorLog.record("wrong-pin", operatorID: id, kiosk: kiosk, dataDirectory: dir)
        Console.err("motcua operators: wrong PIN (\(left) tries left before a five-minute lock)")
    case .lockedOut(let until, let justNow):
        if justNow { try? OperatorLog.record("locked-out", operatorID: id, kiosk: kiosk, dataDirectory: dir) }
        Console.err("motcua operators: \(Console.safe(id)) is locked until \(Timestamp(until).vietnamDisplay)")
    case .disabled: Console.err("motcua operators: \(Console.safe(id)) is disabled")
    case .unknown: Console.err("motcua operators: no operator \(Console.safe(id))")
    }
    return 1
}

/// Tests set MOTCUA_PBKDF2_ITERATIONS to add many operators quickly; never below 1,000,
/// and ignored unless MOTCUA_TEST is set, so a desk cannot weaken its PINs by accident.
private func testIterations() -> Int? {
    let env = ProcessInfo.processInfo.environment
    guard env["MOTCUA_TEST"] != nil, let n = env["MOTCUA_PBKDF2_ITERATIONS"].flatMap(Int.init), n >= 1000 else { return nil }
    return n
}

/// A new PIN typed twice; nil (after saying why) when missing, short or different.
private func askNewPIN(stdin: Bool) -> String? {
    guard let a = readPIN(prompt: "PIN (at least 6 digits): ", stdin: stdin),
          let b = readPIN(prompt: "PIN again: ", stdin: stdin) else {
        Console.err("motcua operators: the PIN is read twice (two lines on standard input with --pin-stdin)")
        return nil
    }
    guard a == b else { Console.err("motcua operators: the two PINs differ"); return nil }
    guard Operator.validPIN(a) else { Console.err("motcua operators: a PIN is at least 6 digits (0-9), at most 32"); return nil }
    return a
}

/// One PIN: a line from standard input, or typed on the terminal with echo off
/// (termios), the terminal restored whatever happens.
func readPIN(prompt: String, stdin: Bool) -> String? {
    if stdin { return readLine(strippingNewline: true).map { $0.trimmingCharacters(in: .whitespaces) } }
    FileHandle.standardError.write(Data(prompt.utf8))
    var saved = termios()
    let haveTerm = tcgetattr(0, &saved) == 0
    if haveTerm {
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        quiet.c_lflag |= tcflag_t(ECHONL)
        _ = tcsetattr(0, TCSAFLUSH, &quiet)
    }
    defer { if haveTerm { _ = tcsetattr(0, TCSAFLUSH, &saved) } }
    return readLine(strippingNewline: true).map { $0.trimmingCharacters(in: .whitespaces) }
}
