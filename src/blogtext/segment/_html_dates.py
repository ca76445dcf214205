"""Parse the comment dates blog software prints, German and English, into ISO 8601.

Returns ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` when a time is shown. Relative dates
("vor 2 Tagen", "2 hours ago") and bare times (Blogger's "21:00") give ``None``.

Every pattern is a flat sequence of bounded character classes (no nested or adjacent
unbounded quantifiers over the same characters), so matching is linear in the input; the
input is also cut to :data:`MAX_DATE_TEXT` characters.
"""

from __future__ import annotations

import re

#: Longest text scanned for a date (a comment meta line is short; a body is not a date).
MAX_DATE_TEXT = 400

#: Month names and abbreviations as WordPress, Blogger and themes print them (de, de-AT, en).
MONTHS: dict[str, int] = {
    "januar": 1,
    "jänner": 1,
    "jaenner": 1,
    "january": 1,
    "jan": 1,
    "jän": 1,
    "februar": 2,
    "feber": 2,
    "february": 2,
    "feb": 2,
    "märz": 3,
    "maerz": 3,
    "march": 3,
    "mär": 3,
    "mrz": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "may": 5,
    "juni": 6,
    "june": 6,
    "jun": 6,
    "juli": 7,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "october": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "december": 12,
    "dez": 12,
    "dec": 12,
}

_WORD = r"[A-Za-zÄÖÜäöü]{3,9}"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?")
# 8.12.2010 · 08.12.10 · 18.07, 2011 · 11/08/2020 · 23.05.2019 - 09:05
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\s?[./]\s?(\d{1,2})\s?[./,]\s?(\d{4}|\d{2})(?!\d)")
# 8. Dezember 2010 · 21. Jan 2022 · 15 January 2014 · 7th April 2017
_DAY_MONTH = re.compile(
    r"(?<!\d)(\d{1,2})(?:\.|st|nd|rd|th)?\s{0,3}(" + _WORD + r")\.?,?\s{0,3}(\d{4})(?!\d)"
)
# Januar 15, 2014 · January 15th, 2014 · Dec 3 2019
_MONTH_DAY = re.compile(
    r"(" + _WORD + r")\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th|\.)?,?\s{1,3}(\d{4})(?!\d)"
)
# 10:56 · 9:52 pm · 15:28:07 · 10.56 Uhr (a dot only with "Uhr", else it is a date part)
_TIME = re.compile(
    r"(?<![\d.:])(\d{1,2})(?::(\d{2})(?::\d{2})?\s?(am|pm|a\.m\.|p\.m\.)?|\.(\d{2})\s?uhr)(?![\d])",
    re.IGNORECASE,
)


# Right after the date a dot is a time separator too: "14.09.2022 um 21.11".
_TIME_AFTER_DATE = re.compile(
    r"\s{0,3}(?:um|at|@|,|-|–|\||/)?\s{0,3}(\d{1,2})[:.](\d{2})(?!\d)(?::\d{2})?\s?"
    r"(am|pm|a\.m\.|p\.m\.)?",
    re.IGNORECASE,
)


def _valid(year: int, month: int, day: int) -> bool:
    return 1990 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if len(text) == 2 else value


def _find_date(text: str) -> tuple[tuple[int, int, int], int, int] | None:
    """The first date in ``text`` as ((year, month, day), start offset, end offset)."""
    found: list[tuple[int, tuple[int, int, int], int]] = []
    if m := _ISO.search(text):
        found.append((m.start(), (int(m[1]), int(m[2]), int(m[3])), m.end(3)))
    if m := _NUMERIC.search(text):
        first, second = int(m[1]), int(m[2])
        # Day first is the German (and British) order; month first only when the day
        # position cannot be a month (US "11/28/2020").
        day, month = (second, first) if second > 12 >= first else (first, second)
        found.append((m.start(), (_year(m[3]), month, day), m.end()))
    for m in _DAY_MONTH.finditer(text):
        month = MONTHS.get(m[2].lower())
        if month:
            found.append((m.start(), (int(m[3]), month, int(m[1])), m.end()))
            break
    for m in _MONTH_DAY.finditer(text):
        month = MONTHS.get(m[1].lower())
        if month:
            found.append((m.start(), (int(m[3]), month, int(m[2])), m.end()))
            break
    found = [f for f in found if _valid(*f[1])]
    if not found:
        return None
    start, ymd, end = min(found)
    return ymd, start, end


def _clock(hour: int, minute: int, suffix: str | None) -> tuple[int, int] | None:
    suffix = (suffix or "").lower().replace(".", "")
    if suffix == "pm" and hour < 12:
        hour += 12
    elif suffix == "am" and hour == 12:
        hour = 0
    return (hour, minute) if hour < 24 and minute < 60 else None


def _find_time(text: str, right_after_date: bool = False) -> tuple[int, int] | None:
    if right_after_date and (m := _TIME_AFTER_DATE.match(text)):
        return _clock(int(m[1]), int(m[2]), m[3])
    for m in _TIME.finditer(text):
        clock = _clock(int(m[1]), int(m[2] or m[4]), m[3])
        if clock is not None:
            return clock
    return None


def parse_date(text: str | None) -> str | None:
    """ISO date (with ``THH:MM`` when a time follows the date) from displayed text.

    >>> parse_date("8. Dezember 2010 um 10:56")
    '2010-12-08T10:56'
    >>> parse_date("January 15, 2014 at 11:36 pm")
    '2014-01-15T23:36'
    >>> parse_date("vor 3 Tagen") is None
    True
    """
    if not text:
        return None
    text = text[:MAX_DATE_TEXT].replace("\u00a0", " ")
    found = _find_date(text)
    if found is None:
        return None
    (year, month, day), start, end = found
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    # Most themes print the time after the date; some print it first ("10:56, 8. Dez 2010").
    clock = _find_time(text[end:], right_after_date=True) or _find_time(text[:start])
    if clock is not None:
        iso += f"T{clock[0]:02d}:{clock[1]:02d}"
    return iso


def parse_iso_attribute(value: str | None, with_time: bool) -> str | None:
    """Date from a machine-readable attribute (``<time datetime>``, ``itemprop`` content)."""
    if not value:
        return None
    m = _ISO.search(value[:MAX_DATE_TEXT])
    if not m or not _valid(int(m[1]), int(m[2]), int(m[3])):
        return None
    iso = f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
    if with_time and m[4] is not None:
        iso += f"T{int(m[4]):02d}:{m[5]}"
    return iso


def shows_time(text: str | None) -> bool:
    """True when displayed text contains a clock time."""
    return bool(text) and _find_time(text[:MAX_DATE_TEXT]) is not None
