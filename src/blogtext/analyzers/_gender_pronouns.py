"""Generic masculine pronoun patterns ("jeder, der …", "wer …, der …", "der Eine … der Andere").

Found on the raw text: the patterns are lexical and the offline parser is too weak to find
the relative clause reliably. Gaps are bounded negated classes ([^.!?\\n]{0,N}) so a pattern
never crosses a sentence end and never backtracks catastrophically.
"""

from __future__ import annotations

import re

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


def find_generic_pronouns(text: str) -> list[tuple[str, int, int]]:
    """(pattern name, start, end) of every generic pronoun pattern; overlaps merged."""
    hits = [(name, m.start(), m.end()) for name, rx in PATTERNS for m in rx.finditer(text)]
    hits.sort(key=lambda h: (h[1], -h[2]))
    out: list[tuple[str, int, int]] = []
    for name, start, end in hits:
        if out and start < out[-1][2]:
            prev = out[-1]
            out[-1] = (prev[0], prev[1], max(prev[2], end))
            continue
        out.append((name, start, end))
    return out
