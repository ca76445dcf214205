"""Every data file of the gender analysis loads and is well-formed."""

from __future__ import annotations

import re

import pytest

from blogtext.analyzers._gender_lexicon import load_lexicon
from blogtext.data import read_lines, read_tsv

TSV_COLUMNS = {
    "person_nouns.tsv": 10,
    "person_nouns_extra.tsv": 10,
    "nonperson.tsv": 2,
    "neutral_alternatives.tsv": 4,
    "gendered_compounds.tsv": 3,
    "neutral_forms.tsv": 2,
}
LISTS = ["epicene.txt", "compound_blocklist.txt", "first_names.txt", "demonyms.txt"]


@pytest.mark.parametrize("name", sorted(TSV_COLUMNS))
def test_gender_data_tsv_columns_sorted_unique(name: str) -> None:
    rows = read_tsv("gender", name)
    assert rows, name
    assert all(len(r) == TSV_COLUMNS[name] for r in rows), name
    keys = [tuple(r[:2]) if name == "neutral_alternatives.tsv" else r[0] for r in rows]
    if name == "neutral_alternatives.tsv":
        keys = [tuple(r[:3]) for r in rows]
    assert len(keys) == len(set(keys)), f"duplicates in {name}"
    firsts = [r[0] for r in rows]
    assert firsts == sorted(firsts), f"{name} not sorted by lemma"


@pytest.mark.parametrize("name", LISTS)
def test_gender_data_lists_sorted_unique(name: str) -> None:
    items = read_lines("gender", name)
    assert items and len(items) == len(set(items))
    assert items == sorted(items)


def test_gender_data_disclaimer_patterns_compile() -> None:
    for pattern in read_lines("gender", "disclaimers.txt"):
        re.compile(pattern)


def test_gender_data_lexicon_sizes() -> None:
    lex = load_lexicon()
    assert len(lex.nouns) > 4000
    assert lex.nouns["Kunde"].feminine == "Kundin"
    assert lex.nouns["Arzt"].feminine == "Ärztin"
    assert lex.nouns["Kollege"].feminine == "Kollegin"
    assert "Mensch" in lex.epicene


@pytest.mark.parametrize(
    ("word", "lemma", "prefix"),
    [
        ("Kooperationspartner", "Partner", "Kooperations"),
        ("Bestandskunden", "Kunde", "Bestands"),
        ("Mitbewerber", "Mitbewerber", ""),
        ("Unternehmern", "Unternehmer", ""),
        ("B2B-Kunden", "Kunde", "B2B-"),
    ],
)
def test_gender_lexicon_lookup_splits_compounds(word: str, lemma: str, prefix: str) -> None:
    match = load_lexicon().lookup(word)
    assert match is not None
    assert (match.noun.lemma, match.prefix) == (lemma, prefix)


@pytest.mark.parametrize(
    "word",
    ["Kundenanzahl", "Stunden", "Beteiligten", "Persönlichkeiten", "Datenschutz",
     "Tintenstrahldrucker", "Hauptschalter"],
)  # fmt: skip
def test_gender_lexicon_lookup_rejects_non_person_words(word: str) -> None:
    assert load_lexicon().lookup(word) is None


@pytest.mark.parametrize(
    ("word", "kind"),
    [("Menschen", "epicene"), ("Drucker", "thing"), ("Leiter", "ambiguous"),
     ("Abteilungsleiter", None)],
)  # fmt: skip
def test_gender_lexicon_person_kind(word: str, kind: str | None) -> None:
    lex = load_lexicon()
    match = lex.lookup(word)
    assert match is not None
    assert lex.person_kind(match) == kind


def _eager_person_nouns() -> tuple[dict[str, tuple[str, frozenset]], dict[str, str]]:
    """Form → (lemma, cells of its first row) and lemma → feminine (last row), built the
    direct way: every row of the person-noun tables in order."""
    cells_order = [
        (case, number) for number in ("sg", "pl") for case in ("nom", "gen", "dat", "acc")
    ]
    forms: dict[str, tuple[str, frozenset]] = {}
    feminines: dict[str, str] = {}
    for name in ("person_nouns.tsv", "person_nouns_extra.tsv"):
        for lemma, feminine, *cells in read_tsv("gender", name):
            feminines[lemma] = feminine
            row_cells: dict[str, set] = {}
            for cell, variants in zip(cells_order, cells, strict=True):
                for form in variants.split("|"):
                    row_cells.setdefault(form, set()).add(cell)
            for form, found in row_cells.items():
                forms.setdefault(form, (lemma, frozenset(found)))
    return forms, feminines


def test_gender_lexicon_lazy_rows_read_like_the_tables() -> None:
    """The row index (person nouns made on first use) gives every form the readings of the
    first row that has it, and every lemma the noun of its last row."""
    lex = load_lexicon()
    forms, feminines = _eager_person_nouns()
    for form, (lemma, cells) in forms.items():
        assert lex.has_form(form)
        noun, found = lex.readings(form)
        assert (noun.lemma, found) == (lemma, cells), form
    assert not lex.has_form("Kundin")  # feminine forms are not masculine readings
    assert len(lex.nouns) == len(feminines)
    for lemma, feminine in feminines.items():
        assert lemma in lex.nouns and lex.nouns[lemma].feminine == feminine
    assert lex.nouns["Kunde"] is lex.nouns["Kunde"]  # made once
