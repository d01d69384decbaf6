"""Validates Forms/lists/ as shipped: shapes, counts, uniqueness, text hygiene.

Reads only the output folder, so it also guards hand edits of holidays.json
(`python3 tools/make_lists.py --check`). Each problem is one line naming the
file and the entry; an empty problem list means the folder is good.
"""

import json
import re
import unicodedata
from datetime import date, timedelta
from pathlib import Path

VALUE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
MAX_BYTES = 1_000_000

# name -> (exact count or None, minimum count)
COUNTS = {"provinces": (34, 34), "communes": (3321, 3321), "ethnic-groups": (54, 54),
          "nationalities": (None, 40), "relationships": (None, 15), "genders": (2, 2),
          "marital-statuses": (None, 3)}
REQUIRED_ATTRS = {"provinces": ("short", "type", "phone_area"), "communes": ("province", "type"),
                  "ethnic-groups": ("aliases",), "nationalities": ("aliases",),
                  "relationships": ("kind",)}
REQUIRED_RELATIONSHIPS = ("cha", "me", "vo", "chong", "con", "anh", "chi", "em", "ong-noi",
                          "ba-noi", "ong-ngoai", "ba-ngoai", "co", "di", "chu", "bac", "cau",
                          "nguoi-giam-ho", "nguoi-duoc-uy-quyen", "khac")
UNIT_PREFIX = {"xã": "Xã ", "phường": "Phường ", "đặc khu": "Đặc khu "}


def _text_problems(where: str, s) -> list[str]:
    if not isinstance(s, str) or not s:
        return [f"{where}: not a non-empty string"]
    out = []
    if unicodedata.normalize("NFC", s) != s:
        out.append(f"{where}: not NFC")
    if CONTROL.search(s):
        out.append(f"{where}: control or bidi character")
    if s != s.strip() or "  " in s:
        out.append(f"{where}: stray whitespace")
    return out


def _label_problems(where: str, label) -> list[str]:
    if isinstance(label, dict):
        if set(label) - {"vi", "en"} or "vi" not in label:
            return [f"{where}: label object needs 'vi' (and only vi/en)"]
        return [p for k, v in label.items() for p in _text_problems(f"{where}.{k}", v)]
    return _text_problems(where, label)


def check_list(name: str, doc) -> list[str]:
    f = f"{name}.json"
    if not isinstance(doc, dict):
        return [f"{f}: not an object"]
    p = []
    if doc.get("format") != "motcua-list/1":
        p.append(f"{f}: format is not motcua-list/1")
    if doc.get("name") != name:
        p.append(f"{f}: name {doc.get('name')!r} does not match the file name")
    title = doc.get("title")
    if not isinstance(title, dict) or not {"vi", "en"} <= set(title):
        p.append(f"{f}: title needs vi and en")
    else:
        p += _label_problems(f"{f} title", title)
    p += _text_problems(f"{f} source", doc.get("source"))
    extra = set(doc) - {"format", "name", "title", "source", "options"}
    if extra:
        p.append(f"{f}: unknown keys {sorted(extra)}")
    options = doc.get("options")
    if not isinstance(options, list) or not options:
        return p + [f"{f}: options must be a non-empty list"]
    seen = set()
    for i, o in enumerate(options):
        w = f"{f} option {i}"
        if not isinstance(o, dict):
            p.append(f"{w}: not an object")
            continue
        v = o.get("value")
        if not isinstance(v, str) or not VALUE.match(v):
            p.append(f"{w}: bad value {v!r}")
        elif v in seen:
            p.append(f"{w}: duplicate value {v!r}")
        seen.add(v)
        p += _label_problems(f"{w} ({v}) label", o.get("label"))
        for k, a in o.items():
            if k in ("value", "label"):
                continue
            if not isinstance(a, str):
                p.append(f"{w} ({v}): attribute {k} is not a string")
            elif a:  # empty means "none" (e.g. no aliases)
                p += _text_problems(f"{w} ({v}).{k}", a)
        for k in REQUIRED_ATTRS.get(name, ()):
            if k not in o:
                p.append(f"{w} ({v}): missing attribute {k}")
    exact, minimum = COUNTS.get(name, (None, 1))
    if exact is not None and len(options) != exact:
        p.append(f"{f}: {len(options)} options, expected exactly {exact}")
    elif len(options) < minimum:
        p.append(f"{f}: {len(options)} options, expected at least {minimum}")
    return p


def check_cross(lists: dict) -> list[str]:
    """Relations between lists and list-specific rules."""
    p = []
    prov = lists.get("provinces", {}).get("options", [])
    com = lists.get("communes", {}).get("options", [])
    codes = {o.get("value") for o in prov}
    for o in prov:
        if not re.fullmatch(r"\d{2}", o.get("value", "")):
            p.append(f"provinces.json {o.get('value')}: code is not 2 digits")
        if o.get("type") not in ("tỉnh", "thành phố trung ương"):
            p.append(f"provinces.json {o.get('value')}: type {o.get('type')!r}")
        if not re.fullmatch(r"0\d{2,3}", o.get("phone_area", "")):
            p.append(f"provinces.json {o.get('value')}: phone_area {o.get('phone_area')!r}")
    per_province = {c: 0 for c in codes}
    for o in com:
        v = o.get("value", "")
        if not re.fullmatch(r"\d{5}", v):
            p.append(f"communes.json {v}: code is not 5 digits")
        if o.get("province") not in codes:
            p.append(f"communes.json {v}: unknown province {o.get('province')!r}")
        else:
            per_province[o["province"]] += 1
        prefix = UNIT_PREFIX.get(o.get("type"))
        if prefix is None:
            p.append(f"communes.json {v}: type {o.get('type')!r}")
        elif not str(o.get("label", "")).startswith(prefix):
            p.append(f"communes.json {v}: label does not start with {prefix!r}")
        if "formerly" in o and o.get("province") != "08":
            p.append(f"communes.json {v}: formerly outside Tuyên Quang")
    if com and prov:
        p += [f"communes.json: province {c} has no units" for c, n in per_province.items() if n == 0]
        tq = [o for o in com if o.get("province") == "08"]
        if len(tq) != 124 or any(not o.get("formerly") for o in tq):
            p.append("communes.json: every one of Tuyên Quang's 124 units needs 'formerly'")
    eth = [o.get("value") for o in lists.get("ethnic-groups", {}).get("options", [])]
    if eth and eth != [f"{i:02d}" for i in range(1, 55)]:
        p.append("ethnic-groups.json: values are not 01..54 in order")
    nat = lists.get("nationalities", {}).get("options", [])
    if nat and nat[0].get("value") != "vn":
        p.append("nationalities.json: Việt Nam must come first")
    for o in nat:
        if not re.fullmatch(r"[a-z]{2}", o.get("value", "")) or not isinstance(o.get("label"), dict) \
                or "en" not in o.get("label", {}):
            p.append(f"nationalities.json {o.get('value')}: needs an alpha-2 value and vi/en label")
    rel = {o.get("value") for o in lists.get("relationships", {}).get("options", [])}
    if rel:
        p += [f"relationships.json: missing {r}" for r in REQUIRED_RELATIONSHIPS if r not in rel]
    return p


def _day(where: str, e, lo: int, hi: int, p: list):
    if not isinstance(e, dict) or set(e) != {"date", "name"}:
        p.append(f"{where}: entry must be exactly {{date, name}}")
        return None
    p += _text_problems(f"{where} name", e["name"])
    try:
        d = date.fromisoformat(e["date"])
    except (TypeError, ValueError):
        p.append(f"{where}: bad date {e['date']!r}")
        return None
    if not lo <= d.year <= hi:
        p.append(f"{where}: {d} outside years {lo}-{hi}")
    return d


def check_holidays(doc) -> list[str]:
    f = "holidays.json"
    if not isinstance(doc, dict):
        return [f"{f}: not an object"]
    p = []
    if doc.get("format") != "motcua-holidays/1":
        p.append(f"{f}: format is not motcua-holidays/1")
    p += _text_problems(f"{f} source", doc.get("source"))
    p += _text_problems(f"{f} how_to_extend", doc.get("how_to_extend"))
    years = doc.get("years")
    if not (isinstance(years, list) and len(years) == 2 and all(isinstance(y, int) for y in years)
            and years[0] <= years[1]):
        return p + [f"{f}: years must be [first, last]"]
    lo, hi = years
    off, work = [], []
    for key, into in (("days_off", off), ("working_days", work)):
        entries = doc.get(key)
        if not isinstance(entries, list):
            p.append(f"{f}: {key} must be a list")
            continue
        for i, e in enumerate(entries):
            d = _day(f"{f} {key}[{i}]", e, lo, hi, p)
            if d:
                into.append(d)
        if into != sorted(set(into)):
            p.append(f"{f}: {key} not sorted or has a repeated date")
    for d in set(off) & set(work):
        p.append(f"{f}: {d} is both a day off and a working day")
    for d in work:
        if d.weekday() < 5:
            p.append(f"{f}: working day {d} is not a Saturday or Sunday")
    offs = set(off)
    for y in range(lo, hi + 1):
        for m, dd in ((1, 1), (4, 30), (5, 1), (9, 2)):
            if date(y, m, dd) not in offs:
                p.append(f"{f}: {y}-{m:02d}-{dd:02d} missing")
        n = sum(1 for d in off if d.year == y)
        if n < 11:
            p.append(f"{f}: {y} has {n} days off, fewer than the 11 legal holidays")
        # Tết: five consecutive days off between 20 January and 21 February.
        run = best = 0
        d = date(y, 1, 19)
        while d <= date(y, 2, 21):
            run = run + 1 if d in offs else 0
            best = max(best, run)
            d += timedelta(days=1)
        if best < 5:
            p.append(f"{f}: {y} has no 5-day Tết block")
    return p


def check_dir(out: Path) -> tuple[list[str], list[str]]:
    """(problems, summary lines) for every file in the output folder."""
    problems, summary, lists = [], [], {}
    if not out.is_dir():
        return [f"{out}: not a folder"], []
    files = sorted(out.glob("*.json"))
    names = {x.stem for x in files}
    for missing in sorted((set(COUNTS) | {"holidays"}) - names):
        problems.append(f"{missing}.json: missing")
    readme = out / "README.md"
    readme_text = readme.read_text(encoding="utf-8") if readme.exists() else ""
    if not readme_text:
        problems.append("README.md: missing")
    for path in files:
        size = path.stat().st_size
        if size > MAX_BYTES:
            problems.append(f"{path.name}: {size} bytes, over {MAX_BYTES}")
        if readme_text and path.name not in readme_text:
            problems.append(f"README.md does not describe {path.name}")
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            problems.append(f"{path.name}: unreadable ({e})")
            continue
        if path.stem == "holidays":
            problems += check_holidays(doc)
            if isinstance(doc, dict) and isinstance(doc.get("days_off"), list):
                summary.append(f"holidays.json: {len(doc['days_off'])} days off, "
                               f"{len(doc.get('working_days') or [])} working days, "
                               f"years {doc.get('years')}, {size} bytes")
        else:
            problems += check_list(path.stem, doc)
            lists[path.stem] = doc if isinstance(doc, dict) else {}
            n = len(doc.get("options") or []) if isinstance(doc, dict) else 0
            summary.append(f"{path.name}: {n} options, {size} bytes")
    problems += check_cross(lists)
    return problems, summary
