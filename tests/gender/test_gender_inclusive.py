"""Inclusive style detection, footnote markers and disclaimers (raw text, no model needed)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from blogtext.analyzers.gender import analyze_gender


@pytest.mark.parametrize(
    ("text", "form", "style"),
    [
        ("Liebe Kundinnen und Kunden, willkommen.", "Kundinnen und Kunden", "paarform"),
        ("Alle Kolleginnen oder Kollegen sind da.", "Kolleginnen oder Kollegen", "paarform"),
        (
            "Die Mitarbeiterinnen und -arbeiter kommen.",
            "Mitarbeiterinnen und -arbeiter",
            "paarform",
        ),
        ("Die Kund/-innen zahlen.", "Kund/-innen", "schraegstrich"),
        ("Die Mitarbeiter/innen kommen.", "Mitarbeiter/innen", "schraegstrich"),
        ("Alle KundInnen zahlen.", "KundInnen", "binnen-i"),
        ("Alle Kund*innen zahlen.", "Kund*innen", "stern"),
        ("Alle Kund:innen zahlen.", "Kund:innen", "doppelpunkt"),
        ("Alle Kund_innen zahlen.", "Kund_innen", "unterstrich"),
        ("Jede Kunde(n)/(in) zahlt.", "Kunde(n)/(in)", "klammer"),
        ("Wir suchen Mitarbeiter(innen).", "Mitarbeiter(innen)", "klammer"),
        ("Hier kann jede*r mitmachen.", "jede*r", "stern"),
        ("Wir suchen ein:e Grafiker:in.", "ein:e", "doppelpunkt"),
        ("Die Mitarbeitenden stimmen ab.", "Mitarbeitenden", "neutral"),
        ("Alle Teilnehmenden kommen.", "Teilnehmenden", "neutral"),
        ("Unsere Kundschaft ist treu.", "Kundschaft", "neutral"),
    ],
)
def test_gender_inclusive_style(blank_nlp: Language, text: str, form: str, style: str) -> None:
    forms = {(f.text, f.style) for f in analyze_gender(blank_nlp(text)).inclusive_forms}
    assert (form, style) in forms


def test_gender_inclusive_linkedin_is_not_binnen_i(blank_nlp: Language) -> None:
    assert not analyze_gender(blank_nlp("Folgen Sie uns auf LinkedIn.")).inclusive_forms


def test_gender_inclusive_paarform_members_not_flagged(blank_nlp: Language) -> None:
    analysis = analyze_gender(blank_nlp("Liebe Kundinnen und Kunden, danke!"))
    assert not [f for f in analysis.findings if f.rule == "gender/generic-masculine"]


def test_gender_footnote_star_is_not_a_gender_star(blank_nlp: Language) -> None:
    text = "Sprechen Sie mit dem Kooperationspartner* darüber.\n\n* Alle Formulierungen betreffen sowohl die männliche wie auch die weibliche Ansprache."
    analysis = analyze_gender(blank_nlp(text))
    assert "stern" not in analysis.styles_used
    nouns = [f for f in analysis.findings if f.rule == "gender/generic-masculine"]
    assert [f.text for f in nouns] == ["Kooperationspartner"]
    assert analysis.disclaimer is not None
    assert analysis.disclaimer.text.startswith("* Alle Formulierungen")
    assert analysis.disclaimer.start == text.index("* Alle")


@pytest.mark.parametrize(
    "text",
    [
        "Alle Formulierungen betreffen sowohl die männliche wie auch die weibliche Ansprache.",
        "Aus Gründen der besseren Lesbarkeit wird im Folgenden das generische Maskulinum verwendet.",
        "Die Angaben gelten gleichermaßen für alle Geschlechter.",
        "Wir suchen eine Fachkraft (m/w/d) für den Vertrieb.",
    ],
)
def test_gender_disclaimer_found(blank_nlp: Language, text: str) -> None:
    analysis = analyze_gender(blank_nlp(text))
    assert analysis.disclaimer is not None
    assert any(f.rule == "gender/disclaimer" and f.severity == "info" for f in analysis.findings)


def test_gender_disclaimer_absent(blank_nlp: Language) -> None:
    assert analyze_gender(blank_nlp("Wir gelten als Marktführer im Süden.")).disclaimer is None


@pytest.mark.usefixtures("hang_guard")
def test_gender_regexes_finish_on_pathological_input(blank_nlp: Language) -> None:
    """A long run without a match must not backtrack catastrophically (speed: bench_hostile)."""
    text = ("Kundenkundenkunden " * 50 + "Kunden" * 300 + " ") * 5 + "Wer , " * 500 + "*:" * 500
    analysis = analyze_gender(blank_nlp(text))
    assert analysis.inclusive_forms == () and analysis.disclaimer is None
