"""One test per counting convention of docs/readability.md (sentences and words)."""

from __future__ import annotations

import pytest

from blogtext.analyzers.readability import (
    analyze_readability,
    blocks_from_plain_text,
    split_sentences,
)
from blogtext.model import Block, BodyText, LineSlice


def _sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(blocks_from_plain_text(text))]


def _words(text: str) -> list[str]:
    return [w.text for s in split_sentences(blocks_from_plain_text(text)) for w in s.words]


def _block(kind: str, text: str, line: int = 1) -> Block:
    return Block(kind, (LineSlice(line, 0, text),))


@pytest.mark.parametrize(
    "text",
    [
        "Wir nutzen z. B. Slack und Teams.",
        "Wir nutzen z.B. Slack und Teams.",
        "Das heißt d. h. Sie sparen Zeit.",
        "Die Kosten betragen ca. Hundert Euro.",
        "Es kamen u. a. Kunden aus Wien.",
        "Das kostet 3 Mio. Euro im Jahr.",
        "Frau Dr. Meier berät uns.",
        "Prof. Dr. Berger leitet das Institut.",
        "Siehe Checkliste Nr. 3 im Anhang.",
        "Ggf. Rückfragen bitte an uns.",
        "Wir liefern inkl. MwSt. und zzgl. Versand.",
        "Das kostet 12 Mio. Euro.",
    ],
)
def test_readability_abbreviations_do_not_end_sentences(text: str) -> None:
    assert len(_sentences(text)) == 1


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Wir liefern Flyer, Plakate usw. Der Versand ist frei.", 2),
        ("Wir gestalten Logos etc. Die Preise sind fair.", 2),
        ("Der Umsatz lag bei 3 Mio. Das freut uns.", 2),
        ("Sehen Sie Checkliste Nr. 3. Dr. Meier erklärt sie.", 2),
    ],
)
def test_readability_abbreviations_may_end_sentences(text: str, count: int) -> None:
    assert len(_sentences(text)) == count


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Am 8. April 2017 haben wir eröffnet.", 1),
        ("Schon am 3. Mai kam der erste Auftrag.", 1),
        ("Im 2. Quartal wuchs das Team.", 1),
        ("Der 15. Geburtstag folgt bald.", 1),
        ("Am 8.4. Die Feier beginnt.", 2),
        ("Wir landeten auf Platz 3. Danach ging es bergauf.", 2),
        ("Wir gründeten die Firma 2017. Danach ging es bergauf.", 2),
        ("Wir gründeten die Firma 2017. Kunden kamen schnell.", 2),
    ],
)
def test_readability_ordinals_and_dates(text: str, count: int) -> None:
    assert len(_sentences(text)) == count


@pytest.mark.parametrize(
    "text",
    [
        "Der Wert stieg von 12,5 auf 13.5 Prozent.",
        "Version 2.1 erscheint bald.",
        "Es sind 3.000 Kunden.",
    ],
)
def test_readability_decimals_do_not_end_sentences(text: str) -> None:
    assert len(_sentences(text)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sie sagte: „Das hilft.“ Wir nicken.", ["Sie sagte: „Das hilft.“", "Wir nicken."]),
        ("Er fragte: „Warum?“ Wir lachten.", ["Er fragte: „Warum?“", "Wir lachten."]),
        ("Sie rief: „Los!“ Alle liefen.", ["Sie rief: „Los!“", "Alle liefen."]),
        ("„Wir haben angefangen“, sagt sie. Gut.", ["„Wir haben angefangen“, sagt sie.", "Gut."]),
        ("„Kommst du?“, fragte er. Ja.", ["„Kommst du?“, fragte er.", "Ja."]),
        ("Das war gut (sehr gut.) Weiter geht es.", ["Das war gut (sehr gut.)", "Weiter geht es."]),
    ],
)
def test_readability_quote_endings(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Wir wollten nur drucken … Am Ende wurde es mehr.", 2),
        ("Wir wollten nur drucken... Am Ende wurde es mehr.", 2),
        ("Manchmal braucht es eben … Geduld.", 1),
        ("Manchmal braucht es eben ... Geduld.", 1),
        ("Wir wollten … und dann kam alles anders.", 1),
        ("Er sagte […] Dann ging er.", 1),
        ("Das Ergebnis kann sich sehen lassen …", 1),
    ],
)
def test_readability_ellipsis(text: str, count: int) -> None:
    assert len(_sentences(text)) == count


@pytest.mark.parametrize(
    "text",
    [
        "Zwei Dinge sind wichtig: Freundlichkeit und Tempo.",
        "Unser Tipp: Stellen Sie Fragen direkt im Chat.",
        "Wir planen; Sie entscheiden.",
    ],
)
def test_readability_colon_does_not_end_sentences(text: str) -> None:
    assert len(_sentences(text)) == 1


def test_readability_blocks_close_sentences() -> None:
    blocks = [
        _block("title", "So gelingt der Relaunch", 1),
        _block("heading", "1. Ziele festlegen", 3),
        _block("paragraph", "Das brauchen Sie:", 5),
        _block("list-item", "einen Laptop", 6),
        _block("list-item", "Zeit", 7),
        _block("quote", "„Gute Texte entstehen beim Überarbeiten.“", 9),
        _block("paragraph", "Fertig", 11),
    ]
    sentences = split_sentences(blocks)
    assert [s.text for s in sentences] == [
        "So gelingt der Relaunch",
        "1. Ziele festlegen",
        "Das brauchen Sie:",
        "einen Laptop",
        "Zeit",
        "„Gute Texte entstehen beim Überarbeiten.“",
        "Fertig",
    ]
    assert [s.block for s in sentences] == [0, 1, 2, 3, 4, 5, 6]
    assert [s.line for s in sentences] == [1, 3, 5, 6, 7, 9, 11]


def test_readability_short_sentences_are_kept() -> None:
    scores = analyze_readability(blocks_from_plain_text("Gut so. Ja. Fertig. Warum? Darum."))
    assert scores.sentences == 5
    assert [s.word_count for s in scores.per_sentence] == [2, 1, 1, 1, 1]


def test_readability_wordless_stretches_are_not_sentences() -> None:
    assert _sentences("2024\n\nDas Jahr war gut. 100 %! Wirklich.") == [
        "Das Jahr war gut.",
        "Wirklich.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Umsatz 2024 stieg um 12,5 % auf 3.000 Euro.", ["Umsatz", "stieg", "um", "auf", "Euro"]),
        ("Um 14:30 Uhr ab 49,90 €.", ["Um", "Uhr", "ab"]),
        ("Am 8. April.", ["Am", "April"]),
    ],
)
def test_readability_numbers_are_not_words(text: str, expected: list[str]) -> None:
    assert _words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Viele B2B-Kunden nutzen E-Mail.", ["Viele", "B2B-Kunden", "nutzen", "E-Mail"]),
        ("Eine Self-Service-Plattform hilft.", ["Eine", "Self-Service-Plattform", "hilft"]),
        ("Vertriebs- und Marketingteams.", ["Vertriebs", "und", "Marketingteams"]),
        ("Das Know-how zählt.", ["Das", "Know-how", "zählt"]),
    ],
)
def test_readability_hyphenated_compounds_are_one_word(text: str, expected: list[str]) -> None:
    assert _words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wir nutzen z. B. Slack.", ["Wir", "nutzen", "z. B.", "Slack"]),
        ("Es kostet ca. 12,5 Mio. Euro.", ["Es", "kostet", "ca.", "Mio.", "Euro"]),
        ("Es gibt Flyer (inkl. Versand).", ["Es", "gibt", "Flyer", "inkl.", "Versand"]),
        ("Das ist gut, d.h. schnell.", ["Das", "ist", "gut", "d.h.", "schnell"]),
    ],
)
def test_readability_abbreviations_are_one_word(text: str, expected: list[str]) -> None:
    assert _words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("„Gute Texte“ (und Bilder) helfen!", ["Gute", "Texte", "und", "Bilder", "helfen"]),
        (
            "Kund:innen und Kund*innen und Kolleg_innen",
            ["Kund:innen", "und", "Kund*innen", "und", "Kolleg_innen"],
        ),
        (
            "Fragen zu Rechnungen und/oder Verträgen",
            ["Fragen", "zu", "Rechnungen", "und", "oder", "Verträgen"],
        ),
        ("Liebe Kund/innen", ["Liebe", "Kund/innen"]),
        ("Wie geht's – gut?", ["Wie", "geht's", "gut"]),
    ],
)
def test_readability_quotes_brackets_punctuation_are_not_words(
    text: str, expected: list[str]
) -> None:
    assert _words(text) == expected


@pytest.mark.parametrize(
    ("text", "syllables"),
    [
        ("z. B.", 3),
        ("z.B.", 3),
        ("Mio.", 4),
        ("d. h.", 2),
        ("usw.", 4),
        ("ca.", 2),
        ("bzw.", 5),
        ("u. a.", 5),
        ("Nr.", 2),
    ],
)
def test_readability_abbreviations_have_spoken_syllables(text: str, syllables: int) -> None:
    scores = analyze_readability(blocks_from_plain_text(f"Wort {text} Wort"))
    assert scores.words == 3
    assert scores.syllables == syllables + 2


def test_readability_letters_are_written_letters() -> None:
    words = split_sentences(blocks_from_plain_text("z. B. B2B-Kunden E-Mail Kund:innen"))[0].words
    assert [w.letters for w in words] == [2, 8, 5, 9]


def test_readability_offsets_point_into_body_text() -> None:
    blocks = [
        _block("heading", "Titel hier", 1),
        _block("paragraph", "Erster Satz. Zweiter Satz.", 3),
    ]
    body = BodyText(blocks)
    for sentence in split_sentences(body):
        assert body.text[sentence.start : sentence.end] == sentence.text
        for word in sentence.words:
            assert body.text[word.start : word.end] == word.text
    assert [(s.line, s.column) for s in split_sentences(body)] == [(1, 1), (3, 1), (3, 14)]


def test_readability_per_paragraph_and_to_dict() -> None:
    blocks = [
        _block("heading", "Zahlen aus 2024", 1),
        _block("paragraph", "Das war ein gutes Jahr. Wirklich.", 3),
    ]
    data = analyze_readability(blocks).to_dict()
    for key in ("sentences", "words", "syllables", "flesch_amstad", "wiener_sachtextformel", "lix"):
        assert key in data
    assert set(data["wiener_sachtextformel"]) == {"1", "2", "3", "4"}
    assert [p["words"] for p in data["per_paragraph"]] == [2, 6]
    assert [p["sentences"] for p in data["per_paragraph"]] == [1, 2]
    assert [s["words"] for s in data["per_sentence"]] == [2, 5, 1]
    assert data["bands"]["flesch_amstad"] is not None
