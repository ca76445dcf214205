"""Syllable counting: German nuclei, hiatus, -ie/-ien, loanwords, acronyms, compounds."""

from __future__ import annotations

import pytest

from blogtext.analyzers._syllables import (
    count_syllables,
    is_acronym,
    nucleus_count,
    number_syllables,
)


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        # single-vowel syllables count (textstat's hyphenation points miss them)
        ("aber", 2),
        ("oder", 2),
        ("über", 2),
        ("Zusammenarbeit", 5),
        # digraphs: one nucleus
        ("Beispiel", 2),
        ("Feedback", 2),
        ("Häuser", 2),
        ("neue", 2),
        ("Boot", 1),
        ("Meeting", 2),
        ("Qualität", 3),
        ("Yoga", 2),
        ("System", 2),
        ("Layout", 2),
    ],
)
def test_readability_syllables_german_nuclei(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("Kooperation", 6),
        ("Kooperationen", 7),
        ("Vertriebskooperation", 8),
        ("Koordination", 6),
        ("Museum", 3),
        ("Jubiläum", 4),
        ("Ideen", 3),
        ("Geschäftsideen", 5),
        ("beenden", 3),
        ("beurteilen", 4),
        ("Situation", 5),
        ("Millionen", 4),
        ("finanziell", 4),
        ("Effizienz", 4),
        ("Patient", 3),
    ],
)
def test_readability_syllables_hiatus(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("Linie", 3),
        ("Richtlinie", 4),
        ("Familie", 4),
        ("Familienunternehmen", 8),
        ("Studie", 3),
        ("Studienergebnisse", 7),
        ("Studierende", 4),
        ("Aktie", 3),
        ("Aktienkurs", 4),
        ("Partie", 2),
        ("Strategie", 3),
        ("Strategien", 4),
        ("Technologien", 5),
        ("Linien", 3),
        ("Wien", 1),
        ("Dienst", 1),
    ],
)
def test_readability_syllables_ie_endings(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("Team", 1),
        ("Teams", 1),
        ("Projektteam", 3),
        ("Guide", 1),
        ("online", 2),
        ("Onlineshop", 3),
        ("Service", 2),
        ("Kundenservice", 4),
        ("Feedback", 2),
        ("Software", 2),
        ("Design", 2),
        ("Update", 2),
        ("Coach", 1),
        ("Coaching", 2),
        ("Meeting", 2),
        ("Manager", 3),
        ("Homepage", 2),
        ("Newsletter", 3),
        ("Startup", 2),
        ("Business", 2),
        ("Workshop", 2),
        ("Blog", 1),
        ("Website", 2),
        ("Cookie", 2),
        ("Recruiting", 3),
        ("Onboarding", 3),
        ("Download", 2),
        ("Smartphone", 2),
        ("Ideal", 3),
        ("Disziplinen", 4),
    ],
)
def test_readability_syllables_loanwords(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("KMU", 3),
        ("KMUs", 3),
        ("EPU", 3),
        ("SEO", 3),
        ("DSGVO", 5),
        ("KI", 2),
        ("Pkw", 3),
        ("GmbH", 4),
        ("WICHTIG", 2),
    ],
)
def test_readability_syllables_acronyms_spelled(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("B2B-Kunden", 5),
        ("E-Mail", 2),
        ("E-Mail-Marketing", 5),
        ("Self-Service-Plattform", 5),
        ("SEO-Texte", 5),
        ("KI-Assistent", 5),
        ("Know-how", 2),
        ("Kund:innen", 3),
        ("Mitarbeiter*innen", 6),
        ("Covid-19", 4),
        ("3-mal", 2),
    ],
)
def test_readability_syllables_compounds(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


@pytest.mark.parametrize(
    ("digits", "syllables"),
    [("0", 1), ("7", 2), ("17", 2), ("21", 4), ("100", 2), ("2024", 7), ("1999", 8)],
)
def test_readability_number_syllables(digits: str, syllables: int) -> None:
    assert number_syllables(digits) == syllables


def test_readability_acronym_detection() -> None:
    assert is_acronym("KMU") and is_acronym("KMUs") and is_acronym("IT")
    assert not is_acronym("Kmu") and not is_acronym("WICHTIG") and not is_acronym("A")


def test_readability_nucleus_count_without_vowels() -> None:
    assert nucleus_count("pst") == 0
    assert count_syllables("pst") >= 1
    assert count_syllables("–") == 0
