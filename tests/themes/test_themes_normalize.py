"""Noun and adjective normalisation behind theme grouping (no model needed)."""

from __future__ import annotations

import pytest

from blogtext.analyzers._themes_compounds import compound_parts
from blogtext.analyzers._themes_normalize import (
    NounLemmatizer,
    adjective_stem,
    derivational_singular,
    is_stop_noun,
    plausible_lemma,
)


def lemmatizer(*pairs: tuple[str, str]) -> NounLemmatizer:
    result = NounLemmatizer()
    result.add_all(pairs)
    return result


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("Lösungen", "Lösung"),
        ("Kolleginnen", "Kollegin"),
        ("Statistiken", "Statistik"),
        ("Möglichkeiten", "Möglichkeit"),
        ("Kooperationen", "Kooperation"),
    ],
)
def test_normalize_derivational_plurals(plural: str, singular: str) -> None:
    assert derivational_singular(plural) == singular
    assert lemmatizer((plural, plural)).lemma(plural) == singular


def test_normalize_strips_ending_only_when_attested() -> None:
    both = lemmatizer(("Partnern", "Partnern"), ("Partner", "Partner"))
    assert both.lemma("Partnern") == "Partner"
    # "Post" does not occur, so "Posten" keeps its form.
    assert lemmatizer(("Posten", "Posten")).lemma("Posten") == "Posten"


def test_normalize_trusts_a_plausible_model_lemma_and_rejects_a_wrong_one() -> None:
    assert lemmatizer(("Verträge", "Vertrag")).lemma("Verträge") == "Vertrag"
    assert plausible_lemma("Kooperation", "kooperieren") is None
    assert lemmatizer(("Kunden", "Kundschaft")).lemma("Kunden") == "Kunden"


def test_normalize_compound_takes_its_heads_lemma() -> None:
    lemmas = lemmatizer(("Kunden", "Kunde"), ("Stammkunden", "Stammkunden"))
    assert lemmas.lemma("Stammkunden") == "Stammkunde"


def test_normalize_adjective_stem_groups_declined_forms() -> None:
    forms = ["erfolgreiche", "erfolgreichen", "erfolgreicher", "Erfolgreiches", "erfolgreich"]
    assert {adjective_stem(f) for f in forms} == {"erfolgreich"}


@pytest.mark.parametrize("word", ["Tipps", "Jahren", "Sie", "Ihre", "Zeit", "Beispiele"])
def test_normalize_stop_nouns_cover_inflected_forms(word: str) -> None:
    assert is_stop_noun(word)


@pytest.mark.parametrize("word", ["Kooperation", "Newsletter", "Datenschutz", "Team"])
def test_normalize_topic_nouns_are_not_stop_nouns(word: str) -> None:
    assert not is_stop_noun(word)


@pytest.mark.parametrize(
    ("word", "vocabulary", "expected"),
    [
        (
            "Kooperationsvertrag",
            ["Kooperation", "Vertrag"],
            [("Kooperation", "modifier"), ("Vertrag", "head")],
        ),
        ("Kooperationspartner", ["Kooperation"], [("Kooperation", "modifier")]),
        ("Kundenbindung", ["Kunde", "Bindung"], [("Kunde", "modifier"), ("Bindung", "head")]),
        ("Einarbeitungsplan", ["Einarbeitung"], [("Einarbeitung", "modifier")]),
        (
            "Newsletter-Anbieter",
            ["Newsletter", "Anbieter"],
            [("Newsletter", "modifier"), ("Anbieter", "head")],
        ),
        # Three-letter parts end far too many words: "Rat" is not split out of "Vorrat".
        ("Vorrat", ["Rat"], []),
        # A part must leave a real rest: "Teams" is not "Team" + "s".
        ("Teams", ["Team"], []),
    ],
)
def test_compounds_split_against_the_posts_nouns(word, vocabulary, expected) -> None:
    assert compound_parts(word, vocabulary) == expected
