"""Vietnamese lunar calendar (âm lịch), Hồ Ngọc Đức's astronomical method.

The Vietnamese calendar is computed for the meridian of UTC+7; the Chinese
one uses UTC+8, and the two occasionally disagree by a day or a whole month
(Tết 1985 and 2007 are the classic cases), so a Chinese-calendar table must
not be used.  The method:

* new moons from Meeus' truncated series (good to a few minutes for
  1800-2199), the day of a new moon being the local (UTC+7) civil day;
* the sun's apparent longitude from a short series, counted in 30° "major
  terms" (trung khí); the 11th lunar month is the one holding the winter
  solstice; a lunar year with 13 months gets its leap month at the first
  month that contains no major term.

Written from the published description of the algorithm; stdlib only.
Days are exchanged as `datetime.date`; internally as Julian day numbers.
"""

from datetime import date
import math

TIME_ZONE = 7.0  # hours east of UTC for the Vietnamese calendar
_JDN_OFFSET = 1721425  # JDN(date) = date.toordinal() + this
_SYNODIC = 29.530588853
_EPOCH_NEW_MOON = 2415021.076998695  # JD of the new moon of 1900-01-01


def jdn(d: date) -> int:
    """Julian day number of a Gregorian date."""
    return d.toordinal() + _JDN_OFFSET


def from_jdn(n: int) -> date:
    """Gregorian date of a Julian day number."""
    return date.fromordinal(n - _JDN_OFFSET)


def _new_moon(k: int) -> float:
    """Julian date (UT) of the k-th new moon after the one of 1900-01-01."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3  # sun anomaly
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3  # moon anomaly
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3  # latitude arg.
    # Periodic corrections, one term each (signs as in Meeus' series).
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 += -0.4068 * math.sin(mpr * dr) + 0.0161 * math.sin(dr * 2 * mpr)
    c1 += -0.0004 * math.sin(dr * 3 * mpr)
    c1 += 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 += -0.0074 * math.sin(dr * (m - mpr)) + 0.0004 * math.sin(dr * (2 * f + m))
    c1 += -0.0004 * math.sin(dr * (2 * f - m)) - 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 += 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - delta_t


def _sun_longitude(jd: float) -> float:
    """Apparent longitude of the sun, radians in [0, 2π), at Julian date jd (UT)."""
    t = (jd - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    lon = (l0 + dl) * dr
    return lon - 2 * math.pi * math.floor(lon / (2 * math.pi))


def _new_moon_day(k: int, tz: float) -> int:
    """JDN of the local civil day holding the k-th new moon."""
    return math.floor(_new_moon(k) + 0.5 + tz / 24)


def _sun_term(day: int, tz: float) -> int:
    """Which 30° sector (0-11) the sun is in at the start of local day `day`."""
    return math.floor(_sun_longitude(day - 0.5 - tz / 24) / math.pi * 6)


def _month11_start(year: int, tz: float) -> int:
    """JDN of the first day of lunar month 11 (the solstice month) around year's end."""
    off = jdn(date(year, 12, 31)) - 2415021
    k = math.floor(off / _SYNODIC)
    start = _new_moon_day(k, tz)
    if _sun_term(start, tz) >= 9:  # already past the solstice: month 11 began a moon earlier
        start = _new_moon_day(k - 1, tz)
    return start


def _leap_month_offset(a11: int, tz: float) -> int:
    """Months after month 11 (at a11) until the first month with no major term."""
    k = math.floor((a11 - _EPOCH_NEW_MOON) / _SYNODIC + 0.5)
    i = 1
    arc = _sun_term(_new_moon_day(k + i, tz), tz)
    while True:
        last = arc
        i += 1
        arc = _sun_term(_new_moon_day(k + i, tz), tz)
        if arc == last or i >= 14:
            break
    return i - 1


def lunar_to_solar(day: int, month: int, year: int, leap: bool = False,
                   tz: float = TIME_ZONE) -> date:
    """Gregorian date of lunar day/month/year. Raises ValueError for a leap
    month that the year does not have, or a day beyond the month's length."""
    if not (1 <= month <= 12 and 1 <= day <= 30):
        raise ValueError(f"no lunar date {day}/{month}/{year}")
    if month < 11:
        a11, b11 = _month11_start(year - 1, tz), _month11_start(year, tz)
    else:
        a11, b11 = _month11_start(year, tz), _month11_start(year + 1, tz)
    off = (month - 11) % 12
    if b11 - a11 > 365:  # 13 lunar months in this span: there is a leap month
        leap_off = _leap_month_offset(a11, tz)
        leap_month = (leap_off - 2) % 12
        if leap and month != leap_month:
            raise ValueError(f"lunar year {year} has no leap month {month}")
        if leap or off >= leap_off:
            off += 1
    elif leap:
        raise ValueError(f"lunar year {year} has no leap month")
    k = math.floor(0.5 + (a11 - _EPOCH_NEW_MOON) / _SYNODIC)
    start = _new_moon_day(k + off, tz)
    if day > _new_moon_day(k + off + 1, tz) - start:
        raise ValueError(f"lunar month {month}/{year} has fewer than {day} days")
    return from_jdn(start + day - 1)


def solar_to_lunar(d: date, tz: float = TIME_ZONE) -> tuple[int, int, int, bool]:
    """(day, month, year, is_leap_month) of the lunar date of Gregorian d."""
    n = jdn(d)
    k = math.floor((n - _EPOCH_NEW_MOON) / _SYNODIC)
    # k counts mean lunations; the true new moon can fall a day either side,
    # so step back until the month starts on or before d.
    month_start = _new_moon_day(k + 1, tz)
    while month_start > n:
        k -= 1
        month_start = _new_moon_day(k + 1, tz)
    a11 = _month11_start(d.year, tz)
    b11 = a11
    if a11 >= month_start:
        lunar_year = d.year
        a11 = _month11_start(d.year - 1, tz)
    else:
        lunar_year = d.year + 1
        b11 = _month11_start(d.year + 1, tz)
    lunar_day = n - month_start + 1
    diff = math.floor((month_start - a11) / 29)
    leap = False
    lunar_month = diff + 11
    if b11 - a11 > 365:
        leap_diff = _leap_month_offset(a11, tz)
        if diff >= leap_diff:
            lunar_month = diff + 10
            if diff == leap_diff:
                leap = True
    if lunar_month > 12:
        lunar_month -= 12
    if lunar_month >= 11 and diff < 4:
        lunar_year -= 1
    return lunar_day, lunar_month, lunar_year, leap


def tet(year: int) -> date:
    """Tết Nguyên Đán: the first day of the first lunar month of `year`."""
    return lunar_to_solar(1, 1, year)


def hung_kings_day(year: int) -> date:
    """Giỗ Tổ Hùng Vương: the 10th day of the (non-leap) third lunar month."""
    return lunar_to_solar(10, 3, year)
