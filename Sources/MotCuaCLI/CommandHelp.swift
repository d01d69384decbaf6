// Each command's usage, in one place: printed by `motcua COMMAND --help` (exit 0) and,
// on standard error, when a command is used wrongly (exit 2).

let formsUsage = """
usage: motcua forms check [PATH ...] | compile SRC [-o FORM.json] | decompile FORM.json DIR
  check      lints form files (no PATH: every form under Forms/); one problem a line,
             FILE: JSON-PATH: message. Exit 0 no problems, 1 problems found.
  compile    a form written as spreadsheet sheets (survey, choices, settings saved as
             UTF-8 TSV or CSV in the folder SRC) into motcua-form/1 JSON; every mistake
             as FILE:ROW:COLUMN: message (see Forms/README.md).
  decompile  a form back into those sheets, in the folder DIR.
"""

let validateUsage = """
usage: motcua validate FORM ANSWERS.json [--json] [--lang vi|en] [--today YYYY-MM-DD]
  FORM is a form file or the id of a form under Forms/ (e.g. khai-sinh).
  Exit 0 valid, 1 invalid (each problem on a line), 2 unusable input.
"""

let draftsUsage = """
usage: motcua drafts list | show ID | discard ID  [--data-dir DIR]
  Drafts are interviews not yet submitted; resume one with 'motcua fill --draft ID'.
"""

let submitUsage = """
usage: motcua submit FORM ANSWERS.json... [--lang vi|en] [--id DOSSIER-ID] [--today YYYY-MM-DD] [--data-dir DIR] [--kiosk ID] [--operator NAME]
  FORM is a form file or the id of a form under Forms/ (e.g. khai-sinh).
  Queues finished dossiers; prints each one's receipt code and id.
"""

let queueUsage = """
usage: motcua queue status [--all] | deliver [--limit N] [--to URL] | retry ID | export FILE | import FILE  [--data-dir DIR] [--kiosk ID] [--operator NAME]
  deliver   hands queued dossiers to the destination: --to URL, else MOTCUA_DELIVER_TO,
            else settings deliverTo (postgresql://… a shared core, https://… a receiver),
            else the local core store in the data folder.
"""

let dossiersUsage = """
usage: motcua dossiers list [--search TEXT] | show ID-OR-RECEIPT [--json] [--qr] [--lang vi|en] | receipt ID-OR-RECEIPT [--pdf FILE|--text] [--width 48] | verify | export --format dvc FILE [--day YYYY-MM-DD] | correct ID-OR-RECEIPT --reason TEXT [--lang vi|en] [--telex|--vni]  [--data-dir DIR] [--core postgresql://...]
  --search finds a name, an ID number or a receipt code, without diacritics.
  --core reads the shared core store (PostgreSQL) instead of this data folder's.
  export --format dvc writes the records a provincial one-stop system syncs to the national portal.
  receipt prints the receipt again (Mẫu số 01, Circular 01/2018/TT-VPCP): text 80 columns wide
          (--width 48 for a thermal printer), or --pdf FILE an A5 page (- for standard output;
          needs fonts-dejavu-core).
  correct corrects a dossier not yet delivered, or supplements (bổ sung) a delivered one: the
          plain interview prefilled with its answers (Enter keeps each); submitting makes a new
          version with the same receipt code that names the earlier one and the reason; a
          queued earlier version is then never delivered. Both are kept; show prints the chain.
          With --core (or a core in settings) a dossier filed at another desk is supplemented
          from the shared core's copy: the next version of its chain, delivered as usual.
"""

let coreUsage = """
usage: motcua core init [--to postgresql://USER@HOST/DB?sslmode=...]  [--data-dir DIR]
  Creates or migrates the shared core store's schema in PostgreSQL (idempotent; a
  schema-version table). Without --to: MOTCUA_DELIVER_TO, else settings core or deliverTo.
  Passwords never go in the URL: psql reads ~/.pgpass, PGPASSFILE or a service file.
"""

/// The usage line alone, for a command used wrongly (one line on standard error).
func usageLine(_ usage: String) -> String {
    String(usage.split(separator: "\n").first ?? "")
}

/// The help of `command`, for `motcua COMMAND --help` (and `motcua COMMAND SUB --help`).
func commandHelp(_ command: String) -> String? {
    switch command {
    case "forms": formsUsage
    case "validate": validateUsage
    case "fill": fillUsage
    case "drafts": draftsUsage
    case "submit": submitUsage
    case "queue": queueUsage
    case "dossiers": dossiersUsage
    case "qr": QRCommandOptions.usage
    case "core": coreUsage
    case "report": reportUsage
    case "operators": operatorsUsage
    default: nil
    }
}
