/// Commands contributed by other files of this module (store, interview, kiosk),
/// by name; "" is what runs with no arguments.
let extensionCommands: [String: @Sendable ([String]) -> Int32] = [
    "submit": runSubmitCommand,
    "queue": runQueueCommand,
    "dossiers": runDossiersCommand,
    "speak": runSpeakCommand,
    "core": runCoreCommand,
    "report": runReportCommand,
    "operators": runOperatorsCommand,
]
