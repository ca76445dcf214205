"""Each gender rule fires on a failing text and stays quiet on a passing one."""

from __future__ import annotations

import pytest
from spacy.language import Language

from blogtext.analyzers.gender import GenderOptions, analyze_gender

CASES = [
    # rule, failing text, passing text
    ("gender/generic-masculine", "Unsere Kunden erwarten schnelle Antworten.",
     "Unsere Kundschaft erwartet schnelle Antworten."),
    ("gender/generic-pronoun", "Jeder, der mitmachen will, meldet sich.",
     "Alle, die mitmachen wollen, melden sich."),
    ("gender/gendered-compound", "Wir haben 300 Mannstunden eingeplant.",
     "Wir haben 300 Personenstunden eingeplant."),
    ("gender/parenthetical-form", "Wir suchen Mitarbeiter(innen) für den Vertrieb.",
     "Wir suchen Mitarbeiter:innen für den Vertrieb."),
    ("gender/mixed-styles", "Unsere Kund*innen und Partner:innen sind zufrieden.",
     "Unsere Kund:innen und Partner:innen sind zufrieden."),
    ("gender/disclaimer", "Die Bezeichnungen gelten für alle Geschlechter.",
     "Die Bezeichnungen sind kurz."),
]  # fmt: skip


def _rules(nlp: Language, text: str, **opts: object) -> list[str]:
    return [f.rule for f in analyze_gender(nlp(text), GenderOptions(**opts)).findings]


@pytest.mark.parametrize(("rule", "failing", "passing"), CASES)
def test_gender_rule_blank_pipeline(
    blank_nlp: Language, rule: str, failing: str, passing: str
) -> None:
    assert rule in _rules(blank_nlp, failing)
    assert rule not in _rules(blank_nlp, passing)


@pytest.mark.model
@pytest.mark.parametrize(("rule", "failing", "passing"), CASES)
def test_gender_rule_model(nlp: Language, rule: str, failing: str, passing: str) -> None:
    assert rule in _rules(nlp, failing)
    assert rule not in _rules(nlp, passing)


def test_gender_mixed_styles_with_generic_masculine(blank_nlp: Language) -> None:
    analysis = analyze_gender(blank_nlp("Die Kund:innen und die Lieferanten sind zufrieden."))
    mixed = [f for f in analysis.findings if f.rule == "gender/mixed-styles"]
    assert len(mixed) == 1
    assert "doppelpunkt ×1" in mixed[0].message and "generic masculine ×1" in mixed[0].message
    assert {r.label for r in mixed[0].related} == {"doppelpunkt", "generic-masculine"}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Der Drucker im Büro ist kaputt.",
        "Die Leiter steht im Lager.",
        "Herr Müller, unser Berater, hilft Ihnen gern.",
        "Unser Geschäftsführer Thomas Schneider eröffnet die Konferenz.",
        "Unser Partner, die Muster GmbH, liefert die Hardware.",
        "Wir Menschen sind verschieden.",
        "Alle Beteiligten stimmen zu.",
        "Berliner Unternehmen wachsen.",
        "Die Gäste loben das Frühstück.",
    ],
)
def test_gender_generic_masculine_traps(nlp: Language, text: str) -> None:
    assert "gender/generic-masculine" not in _rules(nlp, text)


@pytest.mark.model
def test_gender_organisations_configurable(nlp: Language) -> None:
    text = "Unser Partner, die Muster GmbH, liefert die Hardware."
    assert "gender/generic-masculine" not in _rules(nlp, text)
    assert "gender/generic-masculine" in _rules(nlp, text, skip_organisations=False)


def test_gender_ambiguous_leiter_needs_person_cue(blank_nlp: Language) -> None:
    assert "gender/generic-masculine" in _rules(blank_nlp, "Der Leiter der Abteilung entscheidet.")
    assert "gender/generic-masculine" not in _rules(blank_nlp, "Die Leiter steht im Keller.")


def test_gender_downgrade_with_disclaimer(blank_nlp: Language) -> None:
    text = "Unsere Kunden sind zufrieden. Alle Formulierungen gelten für alle Geschlechter."
    default = analyze_gender(blank_nlp(text)).findings
    lenient = analyze_gender(
        blank_nlp(text), GenderOptions(downgrade_with_disclaimer=True)
    ).findings
    assert [f.severity for f in default if f.rule == "gender/generic-masculine"] == ["warning"]
    assert [f.severity for f in lenient if f.rule == "gender/generic-masculine"] == ["info"]


def test_gender_allowlist(blank_nlp: Language) -> None:
    assert "gender/generic-masculine" not in _rules(
        blank_nlp, "Unsere Kunden sind zufrieden.", allowlist=frozenset({"Kunde"})
    )


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        ("Wir danken den Kooperationspartnern.", "doppelpunkt", "Kooperationspartner:innen"),
        (
            "Wir danken den Kooperationspartnern.",
            "paarform",
            "Kooperationspartnerinnen und -partnern",
        ),
        ("Wir danken den Kooperationspartnern.", "stern", "Kooperationspartner*innen"),
        ("Wir danken den Kooperationspartnern.", "unterstrich", "Kooperationspartner_innen"),
        ("Wir danken den Kooperationspartnern.", "binnen-i", "KooperationspartnerInnen"),
        ("Die Ärzte sind da.", "doppelpunkt", "Ärzt:innen"),
        ("Wir gewinnen einen Kunden.", "doppelpunkt", "Kund:in"),
        ("Die Kunden sind da.", "paarform", "Kundinnen und Kunden"),
    ],
)
def test_gender_suggestion_inflected(
    blank_nlp: Language, text: str, style: str, expected: str
) -> None:
    finding = next(
        f
        for f in analyze_gender(blank_nlp(text), GenderOptions(style=style)).findings
        if f.rule == "gender/generic-masculine"
    )
    assert expected in finding.suggestions


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Die Kunden sind zufrieden.", "Kundschaft"),
        ("Wir danken den Mitarbeitern.", "Mitarbeitenden"),
        ("Alle Teilnehmer bekommen ein Zertifikat.", "Teilnehmenden"),
        ("Teilnehmer bekommen ein Zertifikat.", "Teilnehmende"),
        ("Die Lehrer brauchen Laptops.", "Lehrkräfte"),
    ],
)
def test_gender_suggestion_neutral_first(blank_nlp: Language, text: str, first: str) -> None:
    finding = next(
        f for f in analyze_gender(blank_nlp(text)).findings if f.rule == "gender/generic-masculine"
    )
    assert finding.suggestions[0] == first


def test_gender_unknown_style_rejected() -> None:
    with pytest.raises(ValueError, match="unknown gender style"):
        GenderOptions(style="fancy")


def test_gender_empty_text(blank_nlp: Language) -> None:
    analysis = analyze_gender(blank_nlp(""))
    assert analysis.density_per_1000 is None and not analysis.findings
    assert analysis.to_dict()["disclaimer"] is None
