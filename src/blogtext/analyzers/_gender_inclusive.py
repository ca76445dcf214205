"""Inclusive forms, footnote markers and disclaimers, found on the raw text.

spaCy's German tokenizer splits "Kund:innen" and "Mitarbeiter/innen" but not "Kund*innen",
so these forms are found with regular expressions over the text and later mapped to tokens by
character offsets. Every pattern anchors on a word start and uses only bounded or
non-overlapping repetitions, so matching stays linear in the text length (no catastrophic
backtracking on long words or long runs of punctuation). A pattern is tried only where its
anchor (a rare literal part every match has) allows a match to start; see ``_gender_scan``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from blogtext.analyzers._gender_lexicon import Lexicon
from blogtext.analyzers._gender_scan import (
    Backward,
    find_all,
    finditer_at,
    fold_case,
    required_substrings,
)

#: A letter (any script, no digits, no underscore).
_L = r"[^\W\d_]"
_LOWER = r"[a-zäöüß]"
_UPPER = r"[A-ZÄÖÜ]"

# Gender star / colon / underscore / slash directly before the feminine ending.
# "Kund*innen", "Kund:in", "Kund_innen", "Mitarbeiter/innen", "Kund/-innen", "Mitarbeiter/-in".
# Each pattern comes with an anchor: a regex for the separator ("*", ":", "/", "(") that every
# match has right after its first word, found by a fast literal scan. The word before the
# separator is a run of letters, so a match can only start where that run starts (see
# _gender_scan); most texts have no anchor at all.
_SUFFIX_FORMS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    ("stern", re.compile(rf"\b{_UPPER}{_L}*\*in(?:nen)?\b"), re.compile(r"\*(?=in)")),
    ("doppelpunkt", re.compile(rf"\b{_UPPER}{_L}*:in(?:nen)?\b"), re.compile(r":(?=in)")),
    ("unterstrich", re.compile(rf"\b{_UPPER}{_L}*_in(?:nen)?\b"), re.compile(r"_(?=in)")),
    ("schraegstrich", re.compile(rf"\b{_UPPER}{_L}*/-?in(?:nen)?\b"), re.compile(r"/(?=-?in)")),
    # Full forms with a slash: "Kunden/Kundinnen", "Kundinnen/Kunden".
    (
        "schraegstrich",
        re.compile(rf"\b{_UPPER}{_L}*/{_UPPER}{_L}*innen\b"),
        re.compile(rf"/(?={_UPPER})"),
    ),
    (
        "schraegstrich",
        re.compile(rf"\b{_UPPER}{_L}*innen/{_UPPER}{_L}*\b"),
        re.compile(r"/(?<=innen/)"),
    ),
    # Parentheses: "Mitarbeiter(innen)", "Mitarbeiter(in)", "Kunde(n)/(in)", "Kund(inn)en".
    (
        "klammer",
        re.compile(rf"\b{_UPPER}{_L}*\((?:n|en)\)/\(in(?:nen)?\)"),
        re.compile(r"\((?=e?n\)/\(in)"),
    ),
    ("klammer", re.compile(rf"\b{_UPPER}{_L}*\(in(?:nen)?\)"), re.compile(r"\((?=in)")),
    ("klammer", re.compile(rf"\b{_UPPER}{_L}*\(inn\)en\b"), re.compile(r"\((?=inn\)en)")),
)
# Binnen-I: "KundInnen", "MitarbeiterIn". Needs the lexicon check because of "LinkedIn".
_BINNEN_I = re.compile(rf"\b({_UPPER}{_LOWER}+)(In|Innen)\b")
# Its anchor: an "In" after a lower-case letter (the lookbehind comes after the literal so the
# regex engine can scan for "In"). The match starts one letter before that lower-case run.
_BINNEN_I_ANCHOR = re.compile(r"In(?<=[a-zäöüß]In)")
# Pronoun and article forms: "jede*r", "ein:e", "eine_n", "der/die", "jede/r", "der*die".
_PRONOUN = re.compile(
    r"\b(?:[Jj]ede|[Ee]ine?|[Kk]eine?|[Ss]eine?|[Ii]hre?|[Dd]iese|[Ww]elche|[Mm]anche)"
    r"[*:_/]-?(?:r|n|s|m|e)\b"
    r"|\b(?:[Dd]er|[Dd]ie|[Dd]en|[Dd]em|[Ee]r|[Ss]ie)[*:_/](?:die|der|den|dem|sie|er|ihn|ihm|ihr)\b"
)
# Its anchor: the separator, followed by what either alternative has next ("-", r, n, s, m, e
# or die, der, den, dem, sie, er, ihn, ihm, ihr). The pronoun before it is a run of letters.
_PRONOUN_ANCHOR = re.compile(r"[*:_/](?=[-rnsmedi])")
#: The conjunctions of a Paarform; each starts with a different character.
_CONJUNCTIONS = ("und", "oder", "bzw.", "sowie", "&")
_CONJ = "(?:" + "|".join(map(re.escape, _CONJUNCTIONS)) + ")"
_DET = r"(?:(?:der|die|den|dem|des|jeder|jede|jeden|jedem|ein|eine|einen|einem|einer|alle|unsere[nmr]?|Ihre[nmr]?|ihre[nmr]?)\s+)?"
# Paarform, feminine first: "Kundinnen und Kunden", "Mitarbeiterinnen und -arbeiter",
# "jede Kundin und jeder Kunde". The masculine partner is checked in code.
_PAIR_FEM_FIRST = re.compile(
    rf"\b({_UPPER}{_L}*?)in(?:nen)?\s+{_CONJ}\s+{_DET}(-{_LOWER}+|{_UPPER}{_L}*)\b"
)
# Masculine first: "Kunden und Kundinnen", "Kollegen oder Kolleginnen".
_PAIR_MASC_FIRST = re.compile(rf"\b({_UPPER}{_L}*)\s+{_CONJ}\s+{_DET}({_UPPER}{_L}*?)in(?:nen)?\b")
# Anchors of the two: the feminine "in"/"innen" right before the conjunction, and a
# conjunction (found with str.find) followed by what _PAIR_MASC_FIRST has after it. Both
# patterns have a run of letters and then one of whitespace before the conjunction, so the
# start follows from either anchor.
_PAIR_FEM_ANCHOR = re.compile(rf"in(?=(?:nen)?\s+{_CONJ}\s)")
_PAIR_MASC_TAIL = re.compile(rf"\s+{_DET}{_UPPER}{_L}*?in(?:nen)?\b")
# A capitalised word, for the neutral forms ("Mitarbeitende", "Team"): whole words only.
_CAPITALISED_WORD = re.compile(rf"{_UPPER}{_L}+")
# A footnote line: starts with "*" (or a dagger) followed by a space.
_FOOTNOTE_SIGNS = ("*", "†")
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
    back = Backward(text)
    for style, pattern, anchor in _SUFFIX_FORMS:
        starts = [back.letters_before(m.start()) for m in anchor.finditer(text)]
        for m in finditer_at(pattern, text, starts):
            found.append(RawForm(m.group(), style, "noun", m.start(), m.end()))
    starts = [back.lower_before(m.start()) - 1 for m in _BINNEN_I_ANCHOR.finditer(text)]
    for m in finditer_at(_BINNEN_I, text, starts):
        stem = m.group(1)
        # "LinkedIn", "CheckIn": accept only when the stem is a person noun or its stem.
        if stem in lex.nouns or lex.lookup(stem) or lex.lookup(stem + "e"):
            found.append(RawForm(m.group(), "binnen-i", "noun", m.start(), m.end()))
    starts = [back.letters_before(m.start()) for m in _PRONOUN_ANCHOR.finditer(text)]
    for m in finditer_at(_PRONOUN, text, starts):
        style = _separator_style(m.group())
        found.append(RawForm(m.group(), style, "pronoun", m.start(), m.end()))
    starts = [back.letters_before(m.start()) for m in _PAIR_FEM_ANCHOR.finditer(text)]
    for m in finditer_at(_PAIR_FEM_FIRST, text, starts):
        if _pair_matches(m.group(1), m.group(2)):
            found.append(RawForm(m.group(), "paarform", "paarform", m.start(), m.end()))
    starts = [
        back.letters_before(back.spaces_before(at))
        for conj in _CONJUNCTIONS
        for at in find_all(text, conj)
        if _PAIR_MASC_TAIL.match(text, at + len(conj))
    ]
    for m in finditer_at(_PAIR_MASC_FIRST, text, starts):
        if _pair_matches(m.group(2), m.group(1)):
            found.append(RawForm(m.group(), "paarform", "paarform", m.start(), m.end()))
    for m in _neutral_form_pattern(lex).finditer(text):
        found.append(RawForm(m.group(), "neutral", "neutral", m.start(), m.end()))
    return _without_overlaps(found)


@cache
def _neutral_form_pattern(lex: Lexicon) -> re.Pattern[str]:
    """A regex for the lexicon's neutral forms as whole capitalised words.

    Finds the same as testing every capitalised word (``\\b[A-ZÄÖÜ][^\\W\\d_]+\\b``) for
    membership in ``lex.neutral_forms``, without a match attempt at every character: the word
    boundary before a form is written as a lookbehind after its first letter, so every
    alternative starts with a literal and the engine skips ahead to those first letters. Only
    forms that are capitalised words can ever be found; the others are left out.
    """
    forms = sorted(form for form in lex.neutral_forms if _CAPITALISED_WORD.fullmatch(form))
    if not forms:
        return re.compile(r"(?!)")  # matches nothing
    # Grouped by first letter, so a try at a capital tests each first letter once; (?<!\w.)
    # after the first letter: the character before the word is not a word character.
    rests: dict[str, list[str]] = {}
    for form in forms:
        rests.setdefault(form[0], []).append(re.escape(form[1:]))
    alternatives = [
        re.escape(first) + r"(?<!\w.)(?:" + "|".join(rest) + ")" for first, rest in rests.items()
    ]
    return re.compile("(?:" + "|".join(alternatives) + r")(?!\w)")


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
    if not any(sign in text for sign in _FOOTNOTE_SIGNS):
        return []  # every footnote line has one of them
    lines = [m.start() for m in _FOOTNOTE_LINE.finditer(text)]
    if not lines:
        return []
    return [(m.start(), m.end()) for m in _FOOTNOTE_MARK.finditer(text) if m.start() < lines[-1]]


def find_disclaimer(text: str, lex: Lexicon) -> tuple[int, int] | None:
    """The first Generalklausel: offsets of the sentence (or footnote line) that holds it."""
    best: tuple[int, int] | None = None
    folded: str | None = None
    for pattern, required in _disclaimer_tests(lex.disclaimers):
        # Most texts lack a word that the pattern needs: skip the search over the whole text.
        if required:
            folded = fold_case(text) if folded is None else folded
            if not all(any(word in folded for word in group) for group in required):
                continue
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


@cache
def _disclaimer_tests(
    patterns: tuple[re.Pattern[str], ...],
) -> tuple[tuple[re.Pattern[str], tuple[frozenset[str], ...]], ...]:
    """Each disclaimer pattern with the words its matches need (:func:`required_substrings`).

    Groups with longer words come first: they are the rarer ones, so the test fails sooner.
    """
    return tuple(
        (pattern, tuple(sorted(required_substrings(pattern), key=lambda g: -min(map(len, g)))))
        for pattern in patterns
    )
