"""Inclusive forms, footnote markers and disclaimers, found on the raw text.

spaCy's German tokenizer splits "Kund:innen" and "Mitarbeiter/innen" but not "Kund*innen",
so these forms are found with regular expressions over the text and later mapped to tokens by
character offsets. Every pattern anchors on a word start and uses only bounded or
non-overlapping repetitions, so matching stays linear in the text length (no catastrophic
backtracking on long words or long runs of punctuation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from blogtext.analyzers._gender_lexicon import Lexicon

#: A letter (any script, no digits, no underscore).
_L = r"[^\W\d_]"
_LOWER = r"[a-zäöüß]"
_UPPER = r"[A-ZÄÖÜ]"

# Gender star / colon / underscore / slash directly before the feminine ending.
# "Kund*innen", "Kund:in", "Kund_innen", "Mitarbeiter/innen", "Kund/-innen", "Mitarbeiter/-in".
# Each pattern comes with the substrings every match contains: most texts have none of them,
# and a substring test is much cheaper than a scan with the pattern.
_SUFFIX_FORMS: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    ("stern", re.compile(rf"\b{_UPPER}{_L}*\*in(?:nen)?\b"), ("*in",)),
    ("doppelpunkt", re.compile(rf"\b{_UPPER}{_L}*:in(?:nen)?\b"), (":in",)),
    ("unterstrich", re.compile(rf"\b{_UPPER}{_L}*_in(?:nen)?\b"), ("_in",)),
    ("schraegstrich", re.compile(rf"\b{_UPPER}{_L}*/-?in(?:nen)?\b"), ("/", "in")),
    # Full forms with a slash: "Kunden/Kundinnen", "Kundinnen/Kunden".
    ("schraegstrich", re.compile(rf"\b{_UPPER}{_L}*/{_UPPER}{_L}*innen\b"), ("/", "innen")),
    ("schraegstrich", re.compile(rf"\b{_UPPER}{_L}*innen/{_UPPER}{_L}*\b"), ("innen/",)),
    # Parentheses: "Mitarbeiter(innen)", "Mitarbeiter(in)", "Kunde(n)/(in)", "Kund(inn)en".
    ("klammer", re.compile(rf"\b{_UPPER}{_L}*\((?:n|en)\)/\(in(?:nen)?\)"), (")/(in",)),
    ("klammer", re.compile(rf"\b{_UPPER}{_L}*\(in(?:nen)?\)"), ("(in",)),
    ("klammer", re.compile(rf"\b{_UPPER}{_L}*\(inn\)en\b"), ("(inn)en",)),
)
# Binnen-I: "KundInnen", "MitarbeiterIn". Needs the lexicon check because of "LinkedIn".
_BINNEN_I = re.compile(rf"\b({_UPPER}{_LOWER}+)(In|Innen)\b")
#: Separators of the pronoun forms below; a text without any has none of them.
_PRONOUN_SEPARATORS = "*:_/"
# Pronoun and article forms: "jede*r", "ein:e", "eine_n", "der/die", "jede/r", "der*die".
_PRONOUN = re.compile(
    r"\b(?:[Jj]ede|[Ee]ine?|[Kk]eine?|[Ss]eine?|[Ii]hre?|[Dd]iese|[Ww]elche|[Mm]anche)"
    r"[*:_/]-?(?:r|n|s|m|e)\b"
    r"|\b(?:[Dd]er|[Dd]ie|[Dd]en|[Dd]em|[Ee]r|[Ss]ie)[*:_/](?:die|der|den|dem|sie|er|ihn|ihm|ihr)\b"
)
_CONJ = r"(?:und|oder|bzw\.|sowie|&)"
_DET = r"(?:(?:der|die|den|dem|des|jeder|jede|jeden|jedem|ein|eine|einen|einem|einer|alle|unsere[nmr]?|Ihre[nmr]?|ihre[nmr]?)\s+)?"
# Paarform, feminine first: "Kundinnen und Kunden", "Mitarbeiterinnen und -arbeiter",
# "jede Kundin und jeder Kunde". The masculine partner is checked in code.
_PAIR_FEM_FIRST = re.compile(
    rf"\b({_UPPER}{_L}*?)in(?:nen)?\s+{_CONJ}\s+{_DET}(-{_LOWER}+|{_UPPER}{_L}*)\b"
)
# Masculine first: "Kunden und Kundinnen", "Kollegen oder Kolleginnen".
_PAIR_MASC_FIRST = re.compile(rf"\b({_UPPER}{_L}*)\s+{_CONJ}\s+{_DET}({_UPPER}{_L}*?)in(?:nen)?\b")
# A capitalised word, for the neutral forms ("Mitarbeitende", "Team").
_CAPITALISED_WORD = re.compile(rf"\b{_UPPER}{_L}+\b")
# A footnote line: starts with "*" (or a dagger) followed by a space.
_FOOTNOTE_LINE = re.compile(r"(?m)^[ \t]*(?:\*{1,3}|†)[ \t]+\S")
# A footnote marker: a word directly followed by "*" that is not a gender star.
_FOOTNOTE_MARK = re.compile(rf"(?<={_L})\*{{1,3}}(?!{_L})")


@dataclass(frozen=True, slots=True)
class RawForm:
    """An inclusive form found in the text (``kind``: noun, pronoun, paarform, neutral)."""

    text: str
    style: str
    kind: str
    start: int
    end: int


def _umlaut_free(s: str) -> str:
    return s.lower().translate(str.maketrans("äöü", "aou"))


def _pair_matches(fem_stem: str, masc: str) -> bool:
    """Does the masculine word belong to the feminine stem? (Kund/Kunden, Ärzt/Ärzte …)."""
    if masc.startswith("-"):  # "Mitarbeiterinnen und -arbeiter(n)": the tail repeats the stem's end
        stem, tail = _umlaut_free(fem_stem), _umlaut_free(masc[1:])
        return any(
            len(tail) - cut >= 3 and stem.endswith(tail[: len(tail) - cut]) for cut in (0, 1, 2)
        )
    a, b = _umlaut_free(fem_stem), _umlaut_free(masc)
    # The masculine form is the stem plus at most an inflection ending (-e, -en, -n, -s, -er).
    return (b.startswith(a) and len(b) - len(a) <= 2) or (a.startswith(b) and len(a) - len(b) <= 1)


def find_inclusive(text: str, lex: Lexicon) -> list[RawForm]:
    """All inclusive forms in ``text``, sorted by start offset, overlaps removed."""
    found: list[RawForm] = []
    for style, pattern, needles in _SUFFIX_FORMS:
        if not all(needle in text for needle in needles):
            continue
        for m in pattern.finditer(text):
            found.append(RawForm(m.group(), style, "noun", m.start(), m.end()))
    if "In" in text:
        for m in _BINNEN_I.finditer(text):
            stem = m.group(1)
            # "LinkedIn", "CheckIn": accept only when the stem is a person noun or its stem.
            if stem in lex.nouns or lex.lookup(stem) or lex.lookup(stem + "e"):
                found.append(RawForm(m.group(), "binnen-i", "noun", m.start(), m.end()))
    if any(separator in text for separator in _PRONOUN_SEPARATORS):
        for m in _PRONOUN.finditer(text):
            style = _separator_style(m.group())
            found.append(RawForm(m.group(), style, "pronoun", m.start(), m.end()))
    for m in _PAIR_FEM_FIRST.finditer(text):
        if _pair_matches(m.group(1), m.group(2)):
            found.append(RawForm(m.group(), "paarform", "paarform", m.start(), m.end()))
    for m in _PAIR_MASC_FIRST.finditer(text):
        if _pair_matches(m.group(2), m.group(1)):
            found.append(RawForm(m.group(), "paarform", "paarform", m.start(), m.end()))
    for m in _CAPITALISED_WORD.finditer(text):
        if m.group() in lex.neutral_forms:
            found.append(RawForm(m.group(), "neutral", "neutral", m.start(), m.end()))
    return _without_overlaps(found)


def _separator_style(s: str) -> str:
    for ch, style in (("*", "stern"), (":", "doppelpunkt"), ("_", "unterstrich")):
        if ch in s:
            return style
    return "schraegstrich"


def _without_overlaps(forms: list[RawForm]) -> list[RawForm]:
    """Keep the longest form where two overlap (a Paarform over its neutral member …)."""
    forms.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[RawForm] = []
    for form in forms:
        if out and form.start < out[-1].end:
            continue
        out.append(form)
    return out


def find_footnote_markers(text: str) -> list[tuple[int, int]]:
    """Offsets of footnote asterisks ("Kooperationspartner*") that a footnote line explains.

    A star after a word is a footnote marker only when the text also has a footnote line
    ("* Alle Formulierungen …") after it; a gender star is always followed by letters and is
    therefore never matched here.
    """
    lines = [m.start() for m in _FOOTNOTE_LINE.finditer(text)]
    if not lines:
        return []
    return [(m.start(), m.end()) for m in _FOOTNOTE_MARK.finditer(text) if m.start() < lines[-1]]


def find_disclaimer(text: str, lex: Lexicon) -> tuple[int, int] | None:
    """The first Generalklausel: offsets of the sentence (or footnote line) that holds it."""
    best: tuple[int, int] | None = None
    for pattern in lex.disclaimers:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end())
    if best is None:
        return None
    start, end = best
    # Extend to the enclosing sentence, staying on the same line (a footnote is one line).
    line_start = text.rfind("\n", 0, start) + 1
    sent_start = max(line_start, *(text.rfind(p, 0, start) + 2 for p in (". ", "! ", "? ")))
    if sent_start > start:
        sent_start = line_start
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    stops = [i for i in (text.find(p, end, line_end) for p in (". ", "! ", "? ")) if i >= 0]
    sent_end = min(stops) + 1 if stops else line_end
    return sent_start, sent_end
