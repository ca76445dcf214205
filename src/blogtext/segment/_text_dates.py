"""Dates and times as blog software prints them in comment headers and bylines.

Recognised shapes (German and English WordPress, WordPress.com, Blogger, common themes):
"8. April 2017 um 11:59", "7. Dez 2018 um 13:22 Uhr", "23.05.2019 - 09:05",
"14.09.2022 um 21.11", "Januar 15, 2014 um 23:36", "Juni 19th, 2018", "11/08/2020 at 9:52",
"17.07, 2011 @ 13:04", "2019-01-01 @ 00:39", "Mittwoch, Mai 10, 2017 4:14:00 PM", and a
bare time glued to a name ("Ruby21:00", Blogger).

Every pattern is anchored on digits with bounded repetitions and no nested quantifiers, so a
search is linear in the line length; callers only pass short lines anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from blogtext.segment._text_phrases import month_names

_WORD = r"[A-Za-zÄÖÜäöüß]{2,10}"
# dd.mm.yyyy / dd.mm.yy, optionally "dd.mm, yyyy" (seen on old themes).
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\.\s?(\d{1,2})(?:\.|,)\s?(\d{4}|\d{2})(?!\d)")
_SLASH = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# "8. April 2017", "21. Jan 2022", "26 Okt 2018", "24. Mai 2018,"
_DAY_MONTH = re.compile(r"(?<!\d)(\d{1,2})\.?\s{0,3}(" + _WORD + r")\.?,?\s{0,3}(\d{4})(?!\d)")
# "Januar 15, 2014", "Juni 19th, 2018", "Mai 21 2019"
_MONTH_DAY = re.compile(
    r"(?<![A-Za-zÄÖÜäöüß])(" + _WORD + r")\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(\d{4})(?!\d)"
)
# "11:59", "9:52", "21.11" (after "um"), "4:14:00 PM"
_TIME = re.compile(
    r"(?<![\d.:])(\d{1,2})[:.](\d{2})(?::\d{2})?(?![\d:])(?:\s{0,2}([AaPp])\.?[Mm]\.?)?"
)


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class DateMatch:
    """A date (and optional time) found in a line, with the span it covers."""

    iso: str
    start: int
    end: int
    has_time: bool


def _valid(year: int, month: int, day: int) -> bool:
    return 1990 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31


def _date_in(text: str) -> tuple[int, int, int, int, int] | None:
    """(year, month, day, start, end) of the first date in ``text``."""
    found: list[tuple[int, int, int, int, int]] = []
    for m in _ISO.finditer(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if _valid(y, mo, d):
            found.append((y, mo, d, m.start(), m.end()))
            break
    for m in _NUMERIC.finditer(text):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = y + 2000 if y < 100 else y
        if _valid(y, mo, d):
            found.append((y, mo, d, m.start(), m.end()))
            break
    for m in _SLASH.finditer(text):
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        # German sites print day/month; month/day only when the first number cannot be a month
        # the other way round (e.g. 12/31/2019).
        d, mo = (b, a) if b > 12 else (a, b)
        if _valid(y, mo, d):
            found.append((y, mo, d, m.start(), m.end()))
            break
    names = month_names()
    for m in _DAY_MONTH.finditer(text):
        mo = names.get(m.group(2).casefold(), 0)
        d, y = int(m.group(1)), int(m.group(3))
        if mo and _valid(y, mo, d):
            found.append((y, mo, d, m.start(), m.end()))
            break
    for m in _MONTH_DAY.finditer(text):
        mo = names.get(m.group(1).casefold(), 0)
        d, y = int(m.group(2)), int(m.group(3))
        if mo and _valid(y, mo, d):
            found.append((y, mo, d, m.start(), m.end()))
            break
    if not found:
        return None
    return min(found, key=lambda f: (f[3], -f[4]))


def find_date(text: str) -> DateMatch | None:
    """The first date in ``text`` with the time that follows it, if any."""
    if len(text) > 300 or _DIGIT.search(text) is None:
        return None
    date = _date_in(text)
    if date is None:
        return None
    year, month, day, start, end = date
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    time = _TIME.search(text, end, min(len(text), end + 30))
    if time is None:
        # "4:14 PM, 10. Mai 2017" – a time just before the date.
        time = _TIME.search(text, max(0, start - 15), start)
    if time is not None:
        hour, minute = int(time.group(1)), int(time.group(2))
        ampm = (time.group(3) or "").casefold()
        if ampm == "p" and hour < 12:
            hour += 12
        elif ampm == "a" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            iso += f"T{hour:02d}:{minute:02d}"
            start, end = min(start, time.start()), max(end, time.end())
            return DateMatch(iso, start, end, True)
    return DateMatch(iso, start, end, False)


def find_time(text: str) -> tuple[int, int] | None:
    """Span of a bare clock time ("21:00") in ``text`` (Blogger headers show only a time)."""
    if len(text) > 120:
        return None
    m = _TIME.search(text)
    if m is None or "." in m.group(0)[:3]:
        return None
    return (m.start(), m.end())
