"""Vietnam's public holidays (days off) and make-up days, year by year.

Rules (Bộ luật Lao động 2019, Điều 112, as applied by the yearly notices and
by shared/data/holidays-vn.json):

* solar: 1/1; 30/4; 1/5; 2/9 plus one adjacent day (since 2021). 24/11
  "Ngày Văn hóa Việt Nam" is NOT a day off: Nghị quyết 80-NQ/TW (Jan 2026)
  and Nghị quyết 30/NQ-CP (Feb 2026) only ask for Điều 112 to be amended;
  no amendment in force was found (Dec 2026). Set CULTURE_DAY_SINCE to the
  first year once one is enacted;
* lunar (Vietnamese calendar, UTC+7): Tết Nguyên Đán, five days: the last
  day of the 12th month (giao thừa) and mùng 1 to mùng 4; Giỗ Tổ Hùng Vương,
  10/3;
* Saturday and Sunday are the weekly rest days of public offices;
* nghỉ bù: a fixed holiday or Hùng Kings' day on a weekend gives the next
  working day off; inside the Tết block a Saturday gives the working day
  before the block and a Sunday the working day after it;
* the extra day next to 2/9 is the weekday that joins 2/9 to a weekend
  where one is near (see NATIONAL_DAY_PARTNER);
* swaps decided by a yearly notice (a weekday off, a Saturday worked) cannot
  be computed: they come from the data file's entries "Ngày nghỉ (thay cho
  ngày DD/MM/YYYY)" and from NOTICES below.
"""

from datetime import date, timedelta
import re

import lunar_vn

FIRST_YEAR_SUPPORTED = 2021  # 2-day National Day and the Labour Code 2019 start here
LAST_YEAR_SUPPORTED = 2199  # the lunar algorithm is good for 1800-2199
CULTURE_DAY_SINCE = None  # see the module comment: not enacted

# Weekday of 2/9 (Monday=0) -> offset of the second National Day holiday.
# Monday: +1 (Sat-Tue break); Tuesday, Wednesday: -1; Thursday: +1 (Friday);
# Friday: -1 (Thursday); Saturday: -1 (Friday); Sunday: +1 (Monday).
# It reproduces every year 2021-2030 of the data file.
NATIONAL_DAY_PARTNER = {0: +1, 1: -1, 2: -1, 3: +1, 4: -1, 5: -1, 6: +1}

# Swaps announced by yearly notices that the data file does not carry:
# (weekday given off, Saturday worked instead). Add one line per notice so
# that a re-run keeps it. Example: (date(2031, 4, 29), date(2031, 5, 10)).
NOTICES: list[tuple[date, date]] = []

_SWAP_NAME = re.compile(r"thay cho ngày (\d{2})/(\d{2})/(\d{4})")
_ORDINAL = {1: "mùng 1", 2: "mùng 2", 3: "mùng 3", 4: "mùng 4", 5: "mùng 5",
            6: "mùng 6", 7: "mùng 7"}


class HolidayError(Exception):
    """The data file and the rules disagree in a way that must stop the run."""


def _fmt(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def _lunar_words(d: date) -> str:
    """'29 tháng Chạp' / 'mùng 5 tháng Giêng' for a day near Tết."""
    day, month, _, _ = lunar_vn.solar_to_lunar(d)
    month_name = {12: "tháng Chạp", 1: "tháng Giêng"}.get(month, f"tháng {month}")
    day_words = _ORDINAL[day] if day <= 10 else str(day)
    return f"{day_words} {month_name}"


def _is_weekend(d: date) -> bool:
    return d.weekday() >= 5


def _step_to_workday(d: date, off: dict, step: int) -> date:
    """The nearest day from d (exclusive) in direction step that is neither a
    weekend day nor already off."""
    d += timedelta(days=step)
    while _is_weekend(d) or d in off:
        d += timedelta(days=step)
    return d


def compute_year(year: int) -> dict[date, str]:
    """Days off of `year` from the rules alone (no yearly swaps)."""
    if not FIRST_YEAR_SUPPORTED <= year <= LAST_YEAR_SUPPORTED:
        raise HolidayError(f"year {year} outside {FIRST_YEAR_SUPPORTED}-{LAST_YEAR_SUPPORTED}: "
                           "the rules here are those of the Labour Code 2019")
    off: dict[date, str] = {}
    movable: list[date] = []  # holidays that earn a make-up day on a weekend

    def fixed(d: date, name: str) -> None:
        off[d] = name
        movable.append(d)

    fixed(date(year, 1, 1), "Tết Dương lịch")

    tet = lunar_vn.tet(year)
    block = [tet + timedelta(days=i) for i in range(-1, 4)]
    off[block[0]] = f"Tết Nguyên Đán (giao thừa, {_lunar_words(block[0])})"
    for d in block[1:]:
        off[d] = f"Tết Nguyên Đán ({_lunar_words(d)})"

    fixed(lunar_vn.hung_kings_day(year), "Giỗ Tổ Hùng Vương (10/3 âm lịch)")
    fixed(date(year, 4, 30), "Ngày Chiến thắng (30/4)")
    fixed(date(year, 5, 1), "Ngày Quốc tế Lao động (1/5)")
    sep2 = date(year, 9, 2)
    fixed(sep2, "Quốc khánh (2/9)")
    partner = sep2 + timedelta(days=NATIONAL_DAY_PARTNER[sep2.weekday()])
    off[partner] = f"Quốc khánh (ngày liền kề {partner.day}/9)"
    if CULTURE_DAY_SINCE is not None and year >= CULTURE_DAY_SINCE:
        fixed(date(year, 11, 24), "Ngày Văn hóa Việt Nam (24/11)")

    # Tết first: its make-up days sit right against the block.
    for d in block:
        if _is_weekend(d):
            step = -1 if d.weekday() == 5 else +1
            m = _step_to_workday(d, off, step)
            off[m] = f"Tết Nguyên Đán (nghỉ bù, {_lunar_words(m)})"
    # Then the others in date order, so two weekend holidays in a row take
    # two successive working days.
    for d in sorted(movable):
        if _is_weekend(d):
            m = _step_to_workday(d, off, +1)
            base = off[d].split(" (")[0]
            off[m] = f"{base} (nghỉ bù cho ngày {_fmt(d)})"
    return off


def swaps_from_data(data: dict) -> list[tuple[date, date]]:
    """(day off, Saturday worked) pairs named 'Ngày nghỉ (thay cho ngày ...)'."""
    pairs = []
    for entries in data.get("years", {}).values():
        for e in entries:
            m = _SWAP_NAME.search(e["name"])
            if m:
                worked = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
                pairs.append((date.fromisoformat(e["date"]), worked))
    return pairs


def verify_lunar_against_data(data: dict) -> list[str]:
    """Checks the lunar algorithm against the data file's Tết and Hùng Kings'
    dates and against two years where the UTC+7 and UTC+8 calendars differ.
    Returns report lines; raises HolidayError on any mismatch."""
    lines = []
    for tz, y, expect in ((7, 1985, date(1985, 1, 21)), (8, 1985, date(1985, 2, 20)),
                          (7, 2007, date(2007, 2, 17)), (8, 2007, date(2007, 2, 18))):
        got = lunar_vn.lunar_to_solar(1, 1, y, tz=tz)
        if got != expect:
            raise HolidayError(f"lunar self-test: Tết {y} at UTC+{tz} is {got}, expected {expect}")
    years = data.get("years", {})
    if not years:
        raise HolidayError("holidays-vn.json has no 'years' to verify the lunar calendar against")
    for ys, entries in sorted(years.items()):
        y = int(ys)
        by_name = {e["name"]: date.fromisoformat(e["date"]) for e in entries}
        for label, fn in (("Tết Nguyên Đán", lunar_vn.tet),
                          ("Ngày Giỗ Tổ Hùng Vương", lunar_vn.hung_kings_day)):
            if label not in by_name:
                raise HolidayError(f"holidays-vn.json {y}: no entry named '{label}'")
            got = fn(y)
            if got != by_name[label]:
                raise HolidayError(f"lunar algorithm gives {label} {y} = {got}, "
                                   f"data file says {by_name[label]}")
            lines.append(f"{y} {label}: data {by_name[label]} = computed {got}")
    return lines


def build(data: dict, first: int, last: int) -> tuple[list[dict], list[dict], list[str]]:
    """days_off, working_days and report lines for years first..last.

    For a year the data file lists, its dates are used exactly (rule names
    are kept where the rules agree; any disagreement is reported)."""
    if first > last:
        raise HolidayError(f"empty year range {first}-{last}")
    report = verify_lunar_against_data(data)
    swaps = swaps_from_data(data) + NOTICES
    data_years = data.get("years", {})
    days_off: dict[date, str] = {}
    working: dict[date, str] = {}
    for year in range(first, last + 1):
        off = compute_year(year)
        for day_off, worked in swaps:
            if day_off.year == year:
                if worked.weekday() != 5:
                    raise HolidayError(f"swap {day_off} <-> {worked}: the worked day is not a Saturday")
                off[day_off] = f"Nghỉ hoán đổi (làm bù thứ Bảy {_fmt(worked)})"
            if worked.year == year:
                working[worked] = f"Làm bù cho ngày nghỉ {_fmt(day_off)}"
        if str(year) in data_years:
            # The data file lists 24/11 (and its make-up day) from 2026; it is
            # dropped while CULTURE_DAY_SINCE says it is not enacted.
            given = {date.fromisoformat(e["date"]): e["name"] for e in data_years[str(year)]
                     if CULTURE_DAY_SINCE is not None or "Văn hóa Việt Nam" not in e["name"]}
            extra = sorted(set(given) - set(off))
            missing = sorted(set(off) - set(given))
            if extra or missing:
                report.append(f"{year}: rules differ from data file; data used. "
                              f"only in data: {[str(d) for d in extra]}, "
                              f"only in rules: {[str(d) for d in missing]}")
            off = {d: off.get(d, given[d]) for d in given}
            report.append(f"{year}: {len(off)} days off, identical to holidays-vn.json"
                          if not (extra or missing) else f"{year}: {len(off)} days off (from data)")
        else:
            report.append(f"{year}: {len(off)} days off, computed")
        days_off.update(off)
    out_off = [{"date": d.isoformat(), "name": n} for d, n in sorted(days_off.items())]
    out_work = [{"date": d.isoformat(), "name": n} for d, n in sorted(working.items())
                if first <= d.year <= last]
    return out_off, out_work, report
