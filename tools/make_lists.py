#!/usr/bin/env python3
"""Converts the reference data in ../shared/data into MotCua's own option
lists and holiday file under Forms/lists/, then validates what it wrote.

    python3 tools/make_lists.py [DATA_DIR] [--out DIR] [--years 2025-2035] [--force]
    python3 tools/make_lists.py --check [--out DIR]

DATA_DIR defaults to ../shared/data next to the repository; --out to the
repository's Forms/lists. Nothing at run time reads DATA_DIR: the kiosk only
sees Forms/lists. Python 3 standard library only. Every count the data must
have (34 provinces, 3,321 units, 54 ethnic groups) is asserted, so a changed
source fails the run instead of shipping a silently different list.
"""

import argparse
import json
import os
import sys
import tempfile
import unicodedata
from pathlib import Path

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
import lists_check  # noqa: E402
import static_lists  # noqa: E402
import vn_holidays  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "Forms" / "lists"
DEFAULT_YEARS = (2025, 2035)

EXPECTED_PROVINCES = 34
EXPECTED_UNITS = 3321
EXPECTED_ETHNIC_GROUPS = 54
UNIT_PREFIX = {"xã": "Xã", "phường": "Phường", "đặc khu": "Đặc khu"}


class DataError(Exception):
    """The source data is not what this converter was written for."""


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s).strip()


def load(data_dir: Path, name: str):
    path = data_dir / name
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise DataError(f"missing source file {path}") from None
    except json.JSONDecodeError as e:
        raise DataError(f"{path}: not valid JSON ({e})") from None


def option_list(name: str, vi: str, en: str, source: str, options: list) -> dict:
    return {"format": "motcua-list/1", "name": name, "title": {"vi": vi, "en": en},
            "source": source, "options": options}


def fix_unit_name(name: str, kind: str, notes: list) -> str:
    """Full unit name with its type word capitalised ('xã Bắc Sơn' occurs)."""
    prefix = UNIT_PREFIX.get(kind)
    if prefix is None:
        raise DataError(f"unit {name!r}: unknown type {kind!r}")
    if name.startswith(prefix + " "):
        return name
    if name.lower().startswith(prefix.lower() + " "):
        fixed = prefix + name[len(prefix):]
        notes.append(f"corrected unit name {name!r} -> {fixed!r}")
        return fixed
    raise DataError(f"unit {name!r} does not start with its type {prefix!r}")


def tuyen_quang_formerly(tq: dict, units_08: dict) -> dict[str, str]:
    """5-digit code -> '; '-joined pre-2025 units, checked against the main file."""
    out = {}
    for u in tq["units"]:
        code = f"{int(u['code']):05d}"
        main = units_08.get(code)
        if main is None:
            raise DataError(f"tuyen-quang-communes-2025.json: unit {code} {u['name']} "
                            "is not a Tuyên Quang unit in administrative-units-2025.json")
        if nfc(u["name"]).lower() != main["label"].lower() or u["type"] != main["type"]:
            raise DataError(f"unit {code}: {u['name']!r}/{u['type']} here, "
                            f"{main['label']!r}/{main['type']} in the main file")
        parts = []
        for old in u["old_units"]:
            part = nfc(old["name"]) + (" (một phần)" if old.get("partly") else "")
            parts.append(f"{part}, {nfc(old['district'])}, {nfc(old['province'])}")
        if not parts:
            raise DataError(f"unit {code} {u['name']}: no former units listed")
        out[code] = "; ".join(parts)
    if set(out) != set(units_08):
        raise DataError(f"tuyen-quang-communes-2025.json covers {len(out)} units, "
                        f"the main file has {len(units_08)} in province 08")
    return out


def admin_lists(data_dir: Path, notes: list) -> tuple[dict, dict]:
    units = load(data_dir, "administrative-units-2025.json")
    meta = load(data_dir, "provinces-2025.json")
    tq = load(data_dir, "tuyen-quang-communes-2025.json")
    meta_by_code = {p["code"]: p for p in meta["provinces"]}
    provinces, communes = [], []
    for p in units["provinces"]:
        code = p["code"]
        m = meta_by_code.get(code)
        if m is None:
            raise DataError(f"province {code} {p['name']} missing from provinces-2025.json")
        if nfc(m["name"]) != nfc(p["name"]) or m["division_type"] != p["type"]:
            raise DataError(f"province {code}: name/type differ between the two files")
        by_type: dict[str, int] = {}
        for u in p["units"]:
            by_type[u["type"]] = by_type.get(u["type"], 0) + 1
            communes.append({"value": u["code"], "label": fix_unit_name(nfc(u["name"]), u["type"], notes),
                             "province": code, "type": u["type"]})
        if by_type != m["commune_level_by_type"] or len(p["units"]) != m["commune_level_units"]:
            raise DataError(f"province {code}: unit counts {by_type} differ from "
                            f"provinces-2025.json {m['commune_level_by_type']}")
        provinces.append({"value": code, "label": nfc(p["name"]), "short": nfc(m["short_name"]),
                          "type": p["type"], "phone_area": f"0{int(m['phone_area_code'])}",
                          "merged_from": "; ".join(nfc(x) for x in m["merged_from_official"]),
                          "aliases": nfc(static_lists.PROVINCE_ALIASES.get(code, ""))})
    if len(provinces) != EXPECTED_PROVINCES or len(communes) != EXPECTED_UNITS:
        raise DataError(f"expected {EXPECTED_PROVINCES} provinces and {EXPECTED_UNITS} units, "
                        f"found {len(provinces)} and {len(communes)}")
    totals = meta.get("totals", {})
    if (totals.get("provinces"), totals.get("commune_level_units")) != (EXPECTED_PROVINCES, EXPECTED_UNITS):
        raise DataError(f"provinces-2025.json totals {totals} disagree with the expected counts")

    units_08 = {c["value"]: c for c in communes if c["province"] == "08"}
    formerly = tuyen_quang_formerly(tq, units_08)
    for c in communes:
        if c["value"] in formerly:
            c["formerly"] = formerly[c["value"]]

    src = "Cục Thống kê unit codes after the 2025-07-01 reform (NQ 202/2025/QH15), via vietnam-provinces 2026.9.0"
    return (option_list("provinces", "Tỉnh, thành phố", "Provinces and cities", src, provinces),
            option_list("communes", "Xã, phường, đặc khu", "Communes, wards and special zones",
                        src + "; Tuyên Quang former units from the NSO conversion table", communes))


def ethnic_list(data_dir: Path) -> dict:
    d = load(data_dir, "ethnic-groups.json")
    groups = d["groups"]
    if len(groups) != EXPECTED_ETHNIC_GROUPS or d.get("count") != EXPECTED_ETHNIC_GROUPS:
        raise DataError(f"expected {EXPECTED_ETHNIC_GROUPS} ethnic groups, found {len(groups)}")
    options = [{"value": g["code"], "label": nfc(g["name"]),
                "aliases": "; ".join(nfc(a) for a in g["aliases"])} for g in groups]
    if [o["value"] for o in options] != [f"{i:02d}" for i in range(1, 55)]:
        raise DataError("ethnic group codes are not exactly 01..54 in order")
    return option_list("ethnic-groups", "Dân tộc", "Ethnic groups",
                       "Danh mục các dân tộc Việt Nam, QĐ 1019/QĐ-TCTK 2008 (codes 21-54 medium confidence)",
                       options)


def static_option_lists() -> list[dict]:
    hand = "written by hand in tools/static_lists.py"
    nat = [{"value": v, "label": {"vi": vi, "en": en}, "aliases": al}
           for v, vi, en, al in static_lists.NATIONALITIES]
    rel = [{"value": v, "label": {"vi": vi, "en": en}, "kind": k}
           for v, vi, en, k in static_lists.RELATIONSHIPS]
    gen = [{"value": v, "label": {"vi": vi, "en": en}} for v, vi, en in static_lists.GENDERS]
    mar = [{"value": v, "label": {"vi": vi, "en": en}} for v, vi, en in static_lists.MARITAL_STATUSES]
    return [
        option_list("nationalities", "Quốc tịch", "Nationality",
                    "ISO 3166-1 alpha-2 codes, Vietnamese names as on civil-status papers; " + hand, nat),
        option_list("relationships", "Quan hệ với người được khai", "Relationship to the person", hand, rel),
        option_list("genders", "Giới tính", "Sex", hand, gen),
        option_list("marital-statuses", "Tình trạng hôn nhân", "Marital status", hand, mar),
    ]


def holidays_file(data_dir: Path, first: int, last: int) -> tuple[dict, list]:
    data = load(data_dir, "holidays-vn.json")
    try:
        days_off, working, report = vn_holidays.build(data, first, last)
    except vn_holidays.HolidayError as e:
        raise DataError(str(e)) from None
    doc = {
        "format": "motcua-holidays/1",
        "source": "Bộ luật Lao động 2019 Điều 112; dates 2025-2030 as in holidays-vn.json "
                  "(python holidays 0.108 with yearly swaps); later years computed by "
                  "tools/make_lists.py (Vietnamese lunar calendar, UTC+7). Saturday and Sunday "
                  "are rest days unless listed in working_days.",
        "how_to_extend": "For a yearly notice (Tết block, swapped Saturday), edit days_off/working_days "
                         "here by hand and add the swap to NOTICES in tools/vn_holidays.py so a re-run "
                         "keeps it. For more years run: python3 tools/make_lists.py --years 2025-2040. "
                         "See Forms/lists/README.md.",
        "years": [first, last],
        "days_off": days_off,
        "working_days": working,
    }
    return doc, report


def render(doc: dict) -> str:
    """One key per line at the top, one option (or day) per line below it."""
    lines = ["{"]
    items = list(doc.items())
    for i, (k, v) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        if isinstance(v, list) and v and isinstance(v[0], dict):
            body = ",\n".join("  " + json.dumps(x, ensure_ascii=False) for x in v)
            lines.append(f"  {json.dumps(k)}: [\n{body}\n  ]{comma}")
        else:
            lines.append(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Temp file + fsync + rename + fsync of the directory."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    dfd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


def lost_holiday_entries(path: Path, new: dict) -> list[str]:
    """Entries of an existing holidays.json (perhaps hand-edited) that the
    new one would drop: a re-run must not erase a notice silently."""
    if not path.exists():
        return []
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        return [f"existing {path} unreadable ({e})"]
    lost = []
    for key in ("days_off", "working_days"):
        keep = {(e["date"], e["name"]) for e in new.get(key, [])}
        lost += [f"{key} {e.get('date')} {e.get('name')}" for e in old.get(key, [])
                 if (e.get("date"), e.get("name")) not in keep]
    return lost


def parse_years(s: str) -> tuple[int, int]:
    try:
        a, b = (int(x) for x in s.split("-"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"--years wants FIRST-LAST, e.g. 2025-2035, not {s!r}")
    if a > b:
        raise argparse.ArgumentTypeError(f"--years {s}: first year after last")
    return a, b


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA,
                    help=f"reference data folder (default {DEFAULT_DATA})")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default Forms/lists)")
    ap.add_argument("--years", type=parse_years, default=DEFAULT_YEARS,
                    help="holiday years FIRST-LAST (default 2025-2035)")
    ap.add_argument("--force", action="store_true",
                    help="overwrite holidays.json even if entries in it would be lost")
    ap.add_argument("--check", action="store_true", help="only validate the files in --out")
    args = ap.parse_args(argv)

    if args.check:
        return report_check(args.out)
    notes: list[str] = []
    try:
        provinces, communes = admin_lists(args.data, notes)
        docs = [provinces, communes, ethnic_list(args.data)] + static_option_lists()
        holidays, holiday_report = holidays_file(args.data, *args.years)
    except DataError as e:
        print(f"make_lists: {e}", file=sys.stderr)
        return 1
    except (KeyError, TypeError, ValueError) as e:
        print(f"make_lists: source data has an unexpected shape: {e!r}", file=sys.stderr)
        return 1

    args.out.mkdir(parents=True, exist_ok=True)
    hol_path = args.out / "holidays.json"
    lost = lost_holiday_entries(hol_path, holidays)
    if lost and not args.force:
        print("make_lists: holidays.json has entries this run would drop (hand edits?):", file=sys.stderr)
        for line in lost[:12]:
            print("  " + line, file=sys.stderr)
        if len(lost) > 12:
            print(f"  ... and {len(lost) - 12} more", file=sys.stderr)
        print("Add them to NOTICES in tools/vn_holidays.py, or re-run with --force.", file=sys.stderr)
        return 1
    for doc in docs:
        write_atomic(args.out / f"{doc['name']}.json", render(doc))
    write_atomic(hol_path, render(holidays))

    for n in notes:
        print("note: " + n)
    for line in holiday_report:
        print("holidays: " + line)
    for doc in docs:
        print(f"wrote {doc['name']}.json: {len(doc['options'])} options")
    print(f"wrote holidays.json: {len(holidays['days_off'])} days off, "
          f"{len(holidays['working_days'])} working Saturdays, {args.years[0]}-{args.years[1]}")
    return report_check(args.out)


def report_check(out: Path) -> int:
    problems, summary = lists_check.check_dir(out)
    for line in summary:
        print("check: " + line)
    for p in problems:
        print("check FAILED: " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
