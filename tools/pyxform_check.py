#!/usr/bin/env python3
"""Convert a MotCua spreadsheet form (survey/choices/settings as TSV or CSV)
with pyxform, ODK's XLSForm converter, after keeping only what XLSForm has.

    python3 tools/pyxform_check.py SHEETS_DIR            # prints the XForm, exit 0 if pyxform accepts it
    python3 tools/pyxform_check.py SHEETS_DIR --time N   # converts N times, prints seconds per conversion

The subset: XLSForm's columns only (MotCua's extras such as format, confirm,
min/max, pattern, warning are dropped); `boolean` becomes `select_one
yes_no` with choices true/false; a shared list (`@provinces`) becomes
`select_one_from_file provinces.csv`; the documents and checks sheets are
MotCua's and are left out. Everything else (types, names, labels in every
language, hint, required, relevant, constraint, choice_filter, calculation,
default, ${field} references, groups, repeats, choices) goes to pyxform as
written, so a sheet MotCua accepts is checked by ODK's own tool where the two
overlap. Exit 2 when pyxform is not installed (pip install pyxform).
"""
import csv
import os
import sys
import time

XLSFORM_SURVEY = {"type", "name", "label", "hint", "required", "required_message", "relevant", "constraint",
                  "constraint_message", "calculation", "default", "choice_filter", "repeat_count", "appearance", "guidance_hint"}
XLSFORM_SETTINGS = {"form_id", "form_title", "version", "default_language", "style", "instance_name"}


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        text = f.read()
    first = text.split("\n", 1)[0]
    delim = "\t" if "\t" in first else ","
    rows = list(csv.reader(text.splitlines(True), delimiter=delim))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return []
    head = [h.strip() for h in rows[0]]
    return [{head[i]: c.strip() for i, c in enumerate(r) if i < len(head) and head[i] and c.strip()} for r in rows[1:]]


def sheet(d, name):
    for ext in ("tsv", "csv", "txt"):
        p = os.path.join(d, f"{name}.{ext}")
        if os.path.exists(p):
            return read(p)
    return []


def base(col):
    return col.split("::", 1)[0].lower()


def subset(d):
    survey, choices, settings = sheet(d, "survey"), sheet(d, "choices"), sheet(d, "settings")
    shared = {r["list_name"]: r["name"][1:] for r in choices if r.get("name", "").startswith("@")}
    out_choices = [r for r in choices if not r.get("name", "").startswith("@")]
    if any(r.get("type") == "boolean" for r in survey):
        out_choices += [{"list_name": "yes_no", "name": "true", "label": "Có / Yes"},
                        {"list_name": "yes_no", "name": "false", "label": "Không / No"}]
    out_survey = []
    for r in survey:
        row = {k: v for k, v in r.items() if base(k) in XLSFORM_SURVEY}
        t = row.get("type", "")
        if t == "boolean":
            row["type"] = "select_one yes_no"
        parts = t.split()
        if len(parts) == 2 and parts[0] in ("select_one", "select_multiple") and (parts[1] in shared or parts[1].startswith("@")):
            row["type"] = f"{parts[0]}_from_file {shared.get(parts[1], parts[1][1:])}.csv"
        if "default" in row and "${" in row["default"]:
            del row["default"]  # dynamic defaults need a newer ODK; not part of the subset
        out_survey.append(row)
    out_settings = []
    for r in settings[:1]:
        row = {k: v for k, v in r.items() if base(k) in XLSFORM_SETTINGS and "::" not in k}
        lang = r.get("default_language", "vi")
        if "form_title" not in row and f"form_title::{lang}" in r:
            row["form_title"] = r[f"form_title::{lang}"]  # XLSForm's title has one language
        out_settings.append(row)
    return {"survey": out_survey, "choices": out_choices, "settings": out_settings}


def to_xlsx(form, path):
    """Writes the subset as the .xlsx an author would save (openpyxl comes with pyxform)."""
    from openpyxl import Workbook
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in form.items():
        ws = wb.create_sheet(name)
        cols = []
        for r in rows:
            cols += [k for k in r if k not in cols]
        ws.append(cols)
        for r in rows:
            ws.append([r.get(c, "") for c in cols])
    wb.save(path)


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        from pyxform.xls2xform import convert
    except ImportError:
        print("pyxform is not installed: pip install pyxform", file=sys.stderr)
        return 2
    import tempfile
    form = subset(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="pyxform-check-")
    path = os.path.join(tmp, "form.xlsx")
    to_xlsx(form, path)
    if "--time" in sys.argv:
        n = int(sys.argv[sys.argv.index("--time") + 1])
        start = time.perf_counter()
        for _ in range(n):
            convert(xlsform=path, validate=False, pretty_print=False)
        print(f"{(time.perf_counter() - start) / n:.6f}")
        return 0
    result = convert(xlsform=path, validate=False, pretty_print=True)
    sys.stdout.write(result.xform)
    for w in result.warnings or []:
        print(f"pyxform warning: {w}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
