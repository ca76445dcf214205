"""Formulas and bands: constants against textstat's formulas, None for undefined scores."""

from __future__ import annotations

import pytest

from blogtext.analyzers.readability import (
    analyze_readability,
    flesch_amstad,
    flesch_amstad_band,
    lix,
    wiener_sachtextformel,
    wstf_band,
    wstf_grade,
)

# Plain prose on which textstat's German counting is sane (no abbreviations, no numbers,
# no sentence of two words or fewer): used only to check the formula constants.
PROSE = (
    "Unsere Kunden schätzen schnelle Antworten sehr. Deshalb beantworten wir jede Anfrage "
    "innerhalb eines Arbeitstages. Viele Fragen betreffen Lieferzeiten und Rechnungen. "
    "Die Mitarbeiterinnen im Kundenservice kennen die wichtigsten Abläufe genau."
)


@pytest.fixture(scope="module")
def textstat_de():
    """textstat set to German without rounding (set_lang first, or it goes online)."""
    textstat = pytest.importorskip("textstat")
    textstat.set_lang("de")
    textstat.set_rounding_points(None)  # the default; set in case another test changed it
    return textstat


def test_readability_flesch_amstad_matches_textstat_formula(textstat_de) -> None:
    words = textstat_de.lexicon_count(PROSE)
    sentences = textstat_de.sentence_count(PROSE)
    syllables = textstat_de.syllable_count(PROSE)
    ours = flesch_amstad(words=words, sentences=sentences, syllables=syllables)
    assert ours == pytest.approx(textstat_de.flesch_reading_ease(PROSE), abs=1e-9)


@pytest.mark.parametrize("variant", [1, 2, 3, 4])
def test_readability_wstf_matches_textstat_formula(textstat_de, variant: int) -> None:
    ours = wiener_sachtextformel(
        variant,
        words=textstat_de.lexicon_count(PROSE),
        sentences=textstat_de.sentence_count(PROSE),
        polysyllabic_words=textstat_de.polysyllabcount(PROSE),
        long_words=textstat_de.long_word_count(PROSE),
        monosyllabic_words=textstat_de.monosyllabcount(PROSE),
    )
    assert ours == pytest.approx(textstat_de.wiener_sachtextformel(PROSE, variant), abs=1e-9)


def test_readability_lix_matches_textstat_formula(textstat_de) -> None:
    ours = lix(
        words=textstat_de.lexicon_count(PROSE),
        sentences=textstat_de.sentence_count(PROSE),
        long_words=textstat_de.long_word_count(PROSE),
    )
    assert ours == pytest.approx(textstat_de.lix(PROSE), abs=1e-9)


def test_readability_flesch_amstad_by_hand() -> None:
    # 2 sentences, 10 words, 15 syllables: 180 − 5 − 58.5 · 1.5 = 87.25
    assert flesch_amstad(words=10, sentences=2, syllables=15) == pytest.approx(87.25)


def test_readability_flesch_amstad_not_clamped() -> None:
    assert flesch_amstad(words=1, sentences=1, syllables=1) == pytest.approx(120.5)
    assert flesch_amstad(words=40, sentences=1, syllables=200) < 0


def test_readability_lix_by_hand() -> None:
    # 20 words in 2 sentences, 5 long: 10 + 25 = 35
    assert lix(words=20, sentences=2, long_words=5) == pytest.approx(35.0)


def test_readability_wstf_rejects_unknown_variant() -> None:
    with pytest.raises(ValueError):
        wiener_sachtextformel(
            5, words=1, sentences=1, polysyllabic_words=0, long_words=0, monosyllabic_words=1
        )


@pytest.mark.parametrize("text", ["", "   ", "2024 – 12,5 %", "\n\n…\n\n"])
def test_readability_undefined_scores_are_none(text: str) -> None:
    from blogtext.analyzers.readability import blocks_from_plain_text

    scores = analyze_readability(blocks_from_plain_text(text))
    assert (scores.sentences, scores.words) == (0, 0)
    assert scores.flesch_amstad is None
    assert scores.lix is None
    assert all(v is None for v in scores.wiener_sachtextformel.values())
    data = scores.to_dict()
    assert data["flesch_amstad"] is None
    assert data["wiener_sachtextformel"] == {"1": None, "2": None, "3": None, "4": None}
    assert data["bands"] == {"flesch_amstad": None, "wiener_sachtextformel": None}


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (120.5, "sehr leicht"),
        (90.0, "sehr leicht"),
        (89.9, "leicht"),
        (75.0, "mittelleicht"),
        (60.0, "mittel"),
        (54.8, "mittelschwer"),
        (30.0, "schwer"),
        (29.9, "sehr schwer"),
        (-12.0, "sehr schwer"),
        (None, None),
    ],
)
def test_readability_flesch_amstad_band(score: float | None, band: str | None) -> None:
    assert flesch_amstad_band(score) == band


@pytest.mark.parametrize(
    ("score", "grade", "band"),
    [
        (1.2, 4, "Schulstufe 4 (sehr leicht)"),
        (7.3, 7, "Schulstufe 7"),
        (11.6, 12, "Schulstufe 12"),
        (19.0, 15, "Schulstufe 15 (sehr schwer)"),
        (None, None, None),
    ],
)
def test_readability_wstf_band(score: float | None, grade: int | None, band: str | None) -> None:
    assert wstf_grade(score) == grade
    assert wstf_band(score) == band
