"""Generic masculine pronoun patterns ("jeder, der …", "wer …, der …", "der Eine … der Andere").

Found on the raw text: the patterns are lexical and the offline parser is too weak to find
the relative clause reliably. Gaps are bounded negated classes ([^.!?\\n]{0,N}) so a pattern
never crosses a sentence end and never backtracks catastrophically.

Every pattern starts on a word boundary, which would make the regex engine try a match at
every character of the text. Instead, :func:`_candidate_starts` finds each pattern's rare,
literal part with a fast scan and derives from its offset the only place a match can start
(see :mod:`._gender_scan`); the pattern is tried there only, with the same result.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from blogtext.analyzers._gender_scan import Backward, find_all, finditer_at

_REL = r"(?:der|dem|den|dessen)"
_GAP = r"[^.!?\n]{0,120}?"
_NOUN = r"[A-ZÄÖÜ][a-zäöüß]"
# An inflected adjective before a noun: "jeder einzelne Kunde" is a noun phrase, not a pronoun.
_ADJ_NOUN = rf"[a-zäöüß]+(?:e|en|er|es|em)\s+{_NOUN}"

#: (pattern name, regex); the rule reports the whole match as the span.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "jeder, der …", "keiner, der …", "derjenige, der …", "einer, der …"
    (
        "jeder-der",
        re.compile(
            rf"\b(?:[Jj]eder|[Kk]einer|[Dd]erjenige|[Ee]iner|[Jj]ener|[Ee]in jeder)\s*,\s*{_REL}\b"
        ),
    ),
    # "Wer mitmachen möchte, der …" – the resumptive "der" makes the masculine explicit.
    ("wer-der", re.compile(rf"\b[Ww]er\b{_GAP},\s*{_REL}\b")),
    # "jemand, der seine …", "niemand … seinen", "jeder sollte seine …", "keiner … er"
    (
        "jemand-sein",
        re.compile(
            rf"\b(?:[Jj]emand|[Nn]iemand|[Jj]eder|[Kk]einer)\b(?!\s+{_NOUN})(?!\s+{_ADJ_NOUN})"
            rf"{_GAP}\b(?:sein(?:e[mnrs]?)?|er|ihm|ihn)\b"
        ),
    ),
    # "der eine oder andere" used alone ("Der eine oder andere kennt das"), not before a noun.
    (
        "der-eine-oder-andere",
        re.compile(rf"\b[Dd]er\s+[Ee]ine\s+oder\s+[Aa]ndere\b(?!\s+{_NOUN})(?!\s+{_ADJ_NOUN})"),
    ),
    # "Der Eine … der Andere" as pronouns (not "der eine Punkt … der andere Punkt").
    (
        "der-eine-der-andere",
        re.compile(
            rf"\b[Dd]er\s+[Ee]ine\b(?!\s+oder\b)(?!\s+{_NOUN})(?!\s+{_ADJ_NOUN})"
            rf"[^\n]{{0,400}}?\b(?:[Dd]er|[Dd]em|[Dd]en|vom)\s+[Aa]nderen?\b(?!\s+{_NOUN})"
        ),
    ),
)


#: "jeder, der": a comma before the relative pronoun.
_COMMA_BEFORE_REL = re.compile(rf",(?=\s*{_REL}\b)")
#: "der eine": "eine"/"Eine" as a word after whitespace (the lookbehind follows the literal so
#: the engine can scan for "ine").
_EINE_AFTER_SPACE = re.compile(r"ine(?<=\s[Ee]ine)\b")


def _jeder_der_starts(text: str, back: Backward) -> list[int]:
    """Before the comma: optional whitespace, then "jeder" (a run of letters) or "ein jeder"."""
    starts = []
    for m in _COMMA_BEFORE_REL.finditer(text):
        word = back.letters_before(back.spaces_before(m.start()))
        starts += [word, word - len("ein ")]
    return starts


def _wer_starts(text: str, back: Backward) -> list[int]:
    """The pattern starts with "wer"/"Wer"."""
    return find_all(text, "wer") + find_all(text, "Wer")


def _jemand_starts(text: str, back: Backward) -> list[int]:
    """The pattern starts with "[Jj]emand", "[Nn]iemand", "[Jj]eder" or "[Kk]einer"."""
    emand = find_all(text, "emand")
    return (
        [at - 1 for at in emand]
        + [at - 2 for at in emand]
        + [at - 1 for at in find_all(text, "eder")]
        + [at - 1 for at in find_all(text, "einer")]
    )


def _der_eine_starts(text: str, back: Backward) -> list[int]:
    """The pattern starts with "[Dd]er", whitespace, then "[Ee]ine" as a word."""
    # m.start() - 1 is the offset of "[Ee]ine"; "der" is the three characters before the space.
    return [
        back.spaces_before(m.start() - 1) - len("der") for m in _EINE_AFTER_SPACE.finditer(text)
    ]


#: Pattern name → where a match of it can start (a superset of the real starts).
_STARTS: dict[str, Callable[[str, Backward], list[int]]] = {
    "jeder-der": _jeder_der_starts,
    "wer-der": _wer_starts,
    "jemand-sein": _jemand_starts,
    "der-eine-oder-andere": _der_eine_starts,
    "der-eine-der-andere": _der_eine_starts,
}


def find_generic_pronouns(text: str) -> list[tuple[str, int, int]]:
    """(pattern name, start, end) of every generic pronoun pattern; overlaps merged."""
    back = Backward(text)
    starts_by_finder: dict[Callable[[str, Backward], list[int]], list[int]] = {}
    hits = []
    for name, rx in PATTERNS:
        finder = _STARTS[name]
        if finder not in starts_by_finder:  # the two "der eine" patterns share their starts
            starts_by_finder[finder] = finder(text, back)
        hits += [
            (name, m.start(), m.end()) for m in finditer_at(rx, text, starts_by_finder[finder])
        ]
    hits.sort(key=lambda h: (h[1], -h[2]))
    out: list[tuple[str, int, int]] = []
    for name, start, end in hits:
        if out and start < out[-1][2]:
            prev = out[-1]
            out[-1] = (prev[0], prev[1], max(prev[2], end))
            continue
        out.append((name, start, end))
    return out
