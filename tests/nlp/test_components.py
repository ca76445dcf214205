"""Our analyses as spaCy components: usable with ``nlp.add_pipe`` by name after install."""

from __future__ import annotations

import pytest
import spacy


def test_components_register_through_entry_points():
    nlp = spacy.blank("de")
    nlp.add_pipe("blogtext_readability")
    doc = nlp("Das ist ein kurzer Satz. Hier folgt ein zweiter Satz mit mehr Wörtern.")
    scores = doc._.blogtext_readability
    assert scores.sentences == 2
    assert scores.words == 13


def test_components_declare_their_data_flow():
    nlp = spacy.blank("de")
    for name in ("blogtext_readability", "blogtext_gender", "blogtext_themes"):
        nlp.add_pipe(name)
    summary = nlp.analyze_pipes()["summary"]
    assert summary["blogtext_gender"]["assigns"] == ["doc._.blogtext_gender"]
    assert summary["blogtext_readability"]["assigns"] == ["doc._.blogtext_readability"]
    assert "token.pos" in summary["blogtext_themes"]["requires"]


@pytest.mark.model
def test_gender_component_in_the_german_pipeline(nlp):
    import copy

    pipeline = copy.deepcopy(nlp)
    pipeline.add_pipe("blogtext_gender", config={"style": "stern"})
    pipeline.add_pipe("blogtext_themes")
    doc = pipeline("Unsere Kunden schätzen die Beratung. Die Kunden kommen gern wieder.")
    findings = [f for f in doc._.blogtext_gender.findings if f.rule == "gender/generic-masculine"]
    assert [f.text for f in findings] == ["Kunden", "Kunden"]
    assert any("Kund*innen" in s for s in findings[0].suggestions)
    assert doc._.blogtext_themes is not None
