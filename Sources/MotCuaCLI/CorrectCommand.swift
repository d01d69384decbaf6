import Foundation
import MotCuaDesk
import MotCuaForms
import MotCuaStore

/// `motcua dossiers correct ID-OR-RECEIPT --reason TEXT [--core URL]`: the plain interview over a new
/// dossier prefilled with the earlier one's answers (Enter keeps each); submitting it
/// queues the new version, which names the earlier one and the reason (issue 16). The
/// logic is `DossierFinder.openCorrection`; this only parses and runs the plain front end.
func runCorrectCommand(_ args: [String]) -> Int32 {
    guard let line = StoreCommandLine(args, command: "dossiers correct", valued: ["--reason", "--lang", "--today", "--core"],
                                      switches: ["--telex", "--vni"]),
          line.positional.count == 1 else {
        Console.err(usageLine(dossiersUsage))
        return 2
    }
    guard let reason = line.values["--reason"] else {
        Console.err("motcua dossiers correct: --reason TEXT is required (why the dossier is corrected or supplemented)")
        return 2
    }
    if let lang = line.values["--lang"], !["vi", "en"].contains(lang) {
        Console.err("motcua dossiers correct: --lang takes vi or en")
        return 2
    }
    do {
        let today = line.values["--today"].flatMap { CalendarDate.parseISO($0, precision: .day) }
        let desk = try Desk(installation: try Installation(), dataDirFlag: line.dataDir, kiosk: line.kiosk,
                            operatorID: line.operatorID, today: today)
        // With a shared core (`--core`, MOTCUA_CORE, settings `core`) a dossier filed at another desk is corrected too.
        let finder = DossierFinder(desk: desk, coreURL: sharedCoreURL(line, environment: ProcessInfo.processInfo.environment,
                                                                       settings: desk.settingsJSON))
        let session = try finder.openCorrection(of: line.positional[0], reason: reason, language: line.values["--lang"])
        return FillSetup(desk: desk, session: session, line: line).runPlain()
    } catch {
        Console.err(Console.safe("motcua dossiers correct: \(error)"))
        return 1
    }
}
