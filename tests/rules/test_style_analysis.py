"""The style analysis under the rules: passive kinds, clauses, Satzklammer, compounds."""

from __future__ import annotations

import pytest

from blogtext.analyzers.readability import blocks_from_plain_text
from blogtext.analyzers.style import SentenceStyle, analyze_style, split_compound
from blogtext.model import BodyText


@pytest.fixture
def first_sentence(nlp):
    def _style(text: str) -> SentenceStyle:
        body = BodyText(blocks_from_plain_text(text))
        return analyze_style(nlp(body.text), body).sentences[0]

    return _style


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Die Daten werden jeden Tag gesichert.", ["vorgangspassiv"]),
        ("Der Bericht wurde gestern von der Chefin geschrieben.", ["vorgangspassiv"]),
        ("Die Ergebnisse müssen geprüft werden.", ["vorgangspassiv"]),
        ("Das Problem ist gelöst worden.", ["vorgangspassiv"]),
        ("Die Tür ist geschlossen.", ["zustandspassiv"]),
        ("Das Team wird morgen die Ergebnisse vorstellen.", []),  # Futur I
        ("Bis Freitag wird das Team alles erledigt haben.", []),  # Futur II
        ("Sie wird Teamleiterin.", []),  # werden as a full verb
        ("Der Umsatz ist im letzten Jahr stark gestiegen.", []),  # Perfekt with sein
        ("Wir haben die Kampagne gestern gestartet.", []),
    ],
)
def test_style_analysis_passive(first_sentence, text: str, kinds: list[str]) -> None:
    assert [p.kind for p in first_sentence(text).passives] == kinds


@pytest.mark.model
def test_style_analysis_bracket_spans_relative_clause(first_sentence) -> None:
    style = first_sentence(
        "Wir haben das neue Produkt, das wir in den letzten zwei Jahren gemeinsam mit unseren "
        "Kunden entwickelt haben, gestern auf der Messe in Köln vorgestellt."
    )
    bracket = style.longest_bracket
    assert bracket is not None
    assert (bracket.opening, bracket.closing) == ("haben", "vorgestellt")
    assert bracket.words_between > 15


@pytest.mark.model
def test_style_analysis_separable_particle(first_sentence) -> None:
    style = first_sentence("Wir stellen das neue Produkt morgen auf der großen Messe in Köln vor.")
    bracket = style.longest_bracket
    assert bracket is not None and bracket.closing == "vor"
    assert bracket.words_between == 10


@pytest.mark.model
def test_style_analysis_clauses(first_sentence) -> None:
    style = first_sentence(
        "Wenn wir wissen, was die Kunden wollen, die bei uns kaufen, können wir besser planen."
    )
    assert style.clauses == 4
    assert first_sentence("Wir planen das Jahr.").clauses == 1


@pytest.mark.model
def test_style_analysis_nominalisations_modals_man(first_sentence, nlp) -> None:
    body = BodyText(blocks_from_plain_text("Man sollte die Umsetzung der Planung prüfen."))
    analysis = analyze_style(nlp(body.text), body)
    sentence = analysis.sentences[0]
    assert [analysis.tokens[i].text for i in sentence.nominalisations] == ["Umsetzung", "Planung"]
    assert [analysis.tokens[i].text for i in sentence.modals] == ["sollte"]
    assert [analysis.tokens[i].text for i in sentence.man] == ["Man"]


def test_style_analysis_without_doc_has_no_syntax() -> None:
    body = BodyText(blocks_from_plain_text("Die Daten werden gesichert."))
    analysis = analyze_style(None, body)
    assert not analysis.has_tags and analysis.tokens == ()
    assert analysis.sentences[0].passives == ()
    assert analysis.sentences[0].beginning == "die daten"


@pytest.mark.parametrize(
    ("word", "suggestions"),
    [
        (
            "Kundenzufriedenheitsbefragung",
            ("Befragung zur Kundenzufriedenheit", "Kundenzufriedenheits-Befragung"),
        ),
        (
            "Qualitätssicherungsmaßnahmen",
            ("Maßnahmen zur Qualitätssicherung", "Qualitätssicherungs-Maßnahmen"),
        ),
        # No gender cue for "Datenschutzgrund": only the hyphenated form is offered.
        ("Datenschutzgrundverordnung", ("Datenschutzgrund-Verordnung",)),
    ],
)
def test_style_analysis_compound_split(word: str, suggestions: tuple[str, ...]) -> None:
    split = split_compound(word)
    assert split is not None
    assert split.suggestions() == suggestions


def test_style_analysis_compound_without_boundary() -> None:
    assert split_compound("Internationalisierung") is None


@pytest.mark.model
def test_style_analysis_clause_count_from_tags_matches_the_token_scan(nlp) -> None:
    from blogtext.analyzers._style_syntax import count_clauses
    from blogtext.analyzers.style import _clauses

    text = (
        "Wir wissen, wie wichtig das ist, weil die Kunden, die uns schreiben, warten. "
        "Wer fragt, wann das Team kommt, bekommt eine Antwort. Welche Daten brauchen wir? "
        "Das Produkt, das wir vorstellen, ist neu, und wir freuen uns, dass es gefällt."
    )
    body = BodyText(blocks_from_plain_text(text))
    analysis = analyze_style(nlp(body.text), body)
    for sentence in analysis.sentences:
        own = analysis.sentence_tokens(sentence)
        assert _clauses(tuple(t.tag for t in own), [t.text for t in own]) == count_clauses(own)


def test_style_analysis_token_columns_behave_like_a_tuple_of_tokens() -> None:
    from blogtext.analyzers.style import Tok, TokenColumns

    tokens = (
        Tok(0, "Das", "das", "ART", "DET", "der", 0, 3, False),
        Tok(2, "wurde", "wurde", "VAFIN", "AUX", "werden", 4, 9, False),
        Tok(3, "geprüft", "geprüft", "VVPP", "VERB", "prüfen", 10, 17, True),
    )
    columns = TokenColumns.of(tokens)
    assert len(columns) == 3 and columns == tokens and list(columns) == list(tokens)
    assert columns[1] == tokens[1] and columns[-1] == tokens[-1]
    assert columns[1:] == tokens[1:]
    assert columns.text == ["Das", "wurde", "geprüft"] and columns.is_word == [True] * 3
    assert TokenColumns.of(()) == ()


def test_style_analysis_phrase_matches_at_starts_equal_matches_in_slices() -> None:
    from blogtext.analyzers._style_lexicon import Entry, PhraseIndex

    index = PhraseIndex(
        [Entry("im grunde genommen"), Entry("im"), Entry("halt"), Entry("z. b."), Entry("an")]
    )
    folded = [
        "im",
        "grunde",
        "genommen",
        "ist",
        "das",
        "halt",
        "z.",
        "b.",
        "im",
        "grunde",
        "so",
        "an",
        "im",
        "grunde",
    ]
    starts = index.starts(folded)
    for first in range(len(folded) + 1):
        for last in range(first, len(folded) + 1):
            inside = [i for i in starts if first <= i < last]
            expected = index.find_folded(folded[first:last])
            assert index.find_at(folded, inside, first, last) == expected


def test_style_analysis_compound_split_with_precomputed_heads() -> None:
    from blogtext.analyzers.style import head_candidates

    vocabulary = {"Verordnung", "Schutz", "Grundverordnung", "Datenschutzgrundverordnung"}
    for word in ("Datenschutzgrundverordnung", "Kundenverordnung", "Wetterbericht"):
        expected = split_compound(word, vocabulary - {word})
        assert split_compound(word, heads=head_candidates(vocabulary)) == expected
