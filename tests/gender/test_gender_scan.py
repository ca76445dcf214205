"""The fast scans find exactly what a plain scan of every pattern over the whole text finds.

find_inclusive, find_generic_pronouns, find_footnote_markers and find_disclaimer try their
patterns only where a cheap anchor says a match can start (or skip them when a required word is
missing). These tests compare them with the plain ``finditer``/``search`` over the whole text
on texts built from fragments that sit on every edge of the anchors: word boundaries with
digits and underscores, runs of letters and spaces, case variants, Unicode case folds.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blogtext.analyzers import _gender_inclusive as inclusive
from blogtext.analyzers import _gender_pronouns as pronouns
from blogtext.analyzers._gender_lexicon import load_lexicon
from blogtext.analyzers._gender_scan import (
    FOLDABLE,
    Backward,
    finditer_at,
    fold_case,
    required_substrings,
)

FRAGMENTS = [
    *[
        "Kund",
        "kund",
        "Kunde",
        "Kunden",
        "Kundin",
        "Kundinnen",
        "KundIn",
        "KundInnen",
        "Mitarbeiter",
    ],
    *["Ärzt", "Ärztin", "Ärzte", "Kolleg", "Kollegen", "Kolleginnen", "LinkedIn", "In", "Innen"],
    *["in", "innen", "inn", "nen", "en", "n", "e", "r", "s", "m", "-", "/", "/-", "*", ":", "_"],
    *["(", ")", "(in)", "(innen)", "(n)/(in)", "(en)/(in)", "(inn)en", "innen/", "*in", ":in"],
    *[" ", "  ", "\t", "\n", "\u00a0", ".", ",", " , ", "!", "?", "3", "²", "x", "İ", "ı", "ſ"],
    *["und", "oder", "bzw.", "sowie", "&", " und ", " oder ", " bzw. ", " & ", "die ", "jede "],
    *["Jede", "jede", "ein", "Eine", "eine", "keine", "der", "Der", "die", "Die", "er", "Sie"],
    *["jeder", "Jeder", "keiner", "Einer", "einer", "derjenige", "jener", "Ein jeder", "ein jeder"],
    *["wer", "Wer", "jemand", "Jemand", "niemand", "Niemand", "seine", "sein", "ihm", "ihn"],
    *["dem", "den", "dessen", "vom", "andere", "Andere", "anderen", "einzelne", "Punkt"],
    *["Team", "Teams", "Mitarbeitende", "Mitarbeitenden", "Kundschaft", "Lehrkräfte", "Leute"],
    *[
        "* ",
        "*** ",
        "† ",
        "Partner*",
        "Alle ",
        "Formulierungen",
        "männlich",
        "MÄNNLICH",
        "weiblich",
    ],
    *[
        "sowohl ",
        "wie auch ",
        "als auch ",
        "Gründen der ",
        "Lesbarkeit",
        "generische",
        "maskulinum",
    ],
    *["gilt ", "gelten ", "für ", "alle ", "beide ", "Geschlechter", "geschlecht", "gemeint"],
    *["verwendet", "(m/w/d)", "m/w/d", "M / W / D", "w/m/d", "ſowohl", "MÄNNLİCH", "WEIBLİCH"],
]

#: Whole phrases that match, to be cut, joined and varied by the fragments around them.
PHRASES = [
    *["Kundinnen und Kunden", "Kunden und Kundinnen", "Kolleginnen oder Kollegen", "Ärztin & Arzt"],
    *[
        "Mitarbeiterinnen und -arbeiter",
        "jede Kundin und jeder Kunde",
        "Kunden sowie die Kundinnen",
    ],
    *["Kund_innen", "Kund/-innen", "Kunden/Kundinnen", "Kundinnen/Kunden", "Kund*in", "Kund:in"],
    *["jede*r", "ein:e", "eine_n", "der/die", "jede/r", "der*die", "Er/Sie", "keine/-n"],
    *["jeder, der", "Jeder , dem", "Ein jeder, den", "einer,dessen", "derjenige, der", "keiner,"],
    *["Wer mitmachen möchte, der", "wer kommt, dem", "Wer? Der", "jemand, der seine", "Niemand er"],
    *["jeder sollte seine", "Keiner ihm", "jeder einzelne Kunde sein", "jemand Neues seine"],
    *[
        "Der eine oder andere",
        "der eine oder andere Punkt",
        "der  eine oder  andere neue Kunde",
        "der \teine oder andere",
    ],
    *[
        "Der Eine mag das, der Andere",
        "der eine Punkt, der andere",
        "Der eine sagt, vom anderen",
        "Der  eine mag, den Anderen",
    ],
    *["Kooperationspartner* darüber.\n* Alle Formulierungen", "\n  ** Hinweis", "\n†  Quelle"],
    *["Alle Formulierungen betreffen sowohl die männliche wie auch die weibliche", "Kund(inn)en"],
    *[
        "Aus Gründen der besseren Lesbarkeit wird das generische Maskulinum verwendet",
        "Kunde(n)/(in)",
    ],
]


def _text(rng: random.Random) -> str:
    parts = [
        rng.choice(PHRASES) if rng.random() < 0.3 else rng.choice(FRAGMENTS)
        for _ in range(rng.randint(1, 30))
    ]
    return "".join(part + rng.choice(["", "", " ", " ", "\n", ", ", "x"]) for part in parts)


def _plain_inclusive(text: str) -> list[inclusive.RawForm]:
    """find_inclusive as a plain scan of every pattern over the whole text."""
    lex = load_lexicon()
    found = []
    for style, pattern, _anchor in inclusive._SUFFIX_FORMS:
        found += [inclusive.RawForm(m.group(), style, "noun", m.start(), m.end())
                  for m in pattern.finditer(text)]  # fmt: skip
    for m in inclusive._BINNEN_I.finditer(text):
        stem = m.group(1)
        if stem in lex.nouns or lex.lookup(stem) or lex.lookup(stem + "e"):
            found.append(inclusive.RawForm(m.group(), "binnen-i", "noun", m.start(), m.end()))
    for m in inclusive._PRONOUN.finditer(text):
        style = inclusive._separator_style(m.group())
        found.append(inclusive.RawForm(m.group(), style, "pronoun", m.start(), m.end()))
    for m in inclusive._PAIR_FEM_FIRST.finditer(text):
        if inclusive._pair_matches(m.group(1), m.group(2)):
            found.append(inclusive.RawForm(m.group(), "paarform", "paarform", m.start(), m.end()))
    for m in inclusive._PAIR_MASC_FIRST.finditer(text):
        if inclusive._pair_matches(m.group(2), m.group(1)):
            found.append(inclusive.RawForm(m.group(), "paarform", "paarform", m.start(), m.end()))
    for m in re.finditer(r"\b[A-ZÄÖÜ][^\W\d_]+\b", text):
        if m.group() in lex.neutral_forms:
            found.append(inclusive.RawForm(m.group(), "neutral", "neutral", m.start(), m.end()))
    return inclusive._without_overlaps(found)


def _plain_pronouns(text: str) -> list[tuple[str, int, int]]:
    """The pronoun patterns' matches as a plain scan (before merging overlaps)."""
    return sorted((name, m.start(), m.end()) for name, rx in pronouns.PATTERNS
                  for m in rx.finditer(text))  # fmt: skip


def _plain_disclaimer_match(text: str) -> tuple[int, int] | None:
    best = None
    for pattern in load_lexicon().disclaimers:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end())
    return best


def test_gender_scan_equals_plain_scan_on_random_texts() -> None:
    rng = random.Random(20261127)
    lex = load_lexicon()
    required = [(pattern, required_substrings(pattern)) for pattern in lex.disclaimers]
    for _ in range(2000):
        text = _text(rng)
        assert inclusive.find_inclusive(text, lex) == _plain_inclusive(text), text
        back = Backward(text)
        fast = sorted((name, m.start(), m.end()) for name, rx in pronouns.PATTERNS
                      for m in finditer_at(rx, text, pronouns._STARTS[name](text, back)))  # fmt: skip
        assert fast == _plain_pronouns(text), text
        for pattern, groups in required:
            if pattern.search(text):
                folded = fold_case(text)
                assert all(any(w in folded for w in group) for group in groups), text
        span = _plain_disclaimer_match(text)
        found = inclusive.find_disclaimer(text, lex)
        assert (found is None) == (span is None), text
        lines = [m.start() for m in inclusive._FOOTNOTE_LINE.finditer(text)]
        plain_marks = [(m.start(), m.end()) for m in inclusive._FOOTNOTE_MARK.finditer(text)
                       if lines and m.start() < lines[-1]]  # fmt: skip
        assert inclusive.find_footnote_markers(text) == plain_marks, text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS + PHRASES), max_size=30).map("".join))
def test_gender_scan_equals_plain_scan_property(text: str) -> None:
    assert inclusive.find_inclusive(text, load_lexicon()) == _plain_inclusive(text)
    back = Backward(text)
    fast = sorted((name, m.start(), m.end()) for name, rx in pronouns.PATTERNS
                  for m in finditer_at(rx, text, pronouns._STARTS[name](text, back)))  # fmt: skip
    assert fast == _plain_pronouns(text)


def test_gender_scan_fold_case_matches_ignorecase_for_every_code_point() -> None:
    """Every character re.IGNORECASE matches to a FOLDABLE character folds to that character.

    This is what makes the disclaimer prefilter safe: the literal runs of a pattern are made of
    FOLDABLE characters, so a text the pattern matches has them, folded, as substrings.
    """
    foldable = sorted(FOLDABLE)
    any_foldable = re.compile("[" + "".join(map(re.escape, foldable)) + "]", re.IGNORECASE)
    single = {char: re.compile(re.escape(char), re.IGNORECASE) for char in foldable}
    for code in range(0x110000):
        char = chr(code)
        if any_foldable.fullmatch(char):
            for target, pattern in single.items():
                if pattern.fullmatch(char):
                    assert fold_case(char) == target, (hex(code), target)
                    assert fold_case("a" + char + "b") == "a" + target + "b", hex(code)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bsowohl\s+(?:die\s+)?(?:männlich|weiblich)\w*", [{"sowohl"}, {"männlich", "weiblich"}]),
        (r"(?:alle|beide)?\s+Geschlecht", [{"geschlecht"}]),
        (r"(?:ab|c)d+e{0,2}f", [{"ab", "c"}, {"d"}, {"f"}]),
        (r"x(?=abc)|y", [{"x", "y"}]),
        (r"x?(?=abc)|y", []),
        (r"[mwd]\s*/\s*[mwd]", [{"/"}]),
    ],
)
def test_gender_scan_required_substrings(pattern: str, expected: list[set[str]]) -> None:
    assert [set(g) for g in required_substrings(re.compile(pattern, re.IGNORECASE))] == expected


def test_gender_scan_backward_runs() -> None:
    text = "ab3 Kund\u00a0\t und²x"
    back = Backward(text)
    assert back.letters_before(text.index("\u00a0")) == text.index("Kund")
    assert back.spaces_before(text.rindex("und")) == text.index("\u00a0")
    assert back.letters_before(text.index("3")) == 0
    assert back.letters_before(len(text)) == text.rindex("und")  # "²" is a letter to \w
    assert back.lower_before(text.index(" Kund") + 3) == text.index(" Kund") + 2
    assert back.letters_before(0) == 0
