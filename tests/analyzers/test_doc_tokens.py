"""The per-Doc token table the analyses share (``analyzers/_doc_tokens.py``)."""

from __future__ import annotations

import gc

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from blogtext.analyzers import _doc_tokens
from blogtext.analyzers._doc_tokens import doc_tokens
from blogtext.analyzers.readability import blocks_from_plain_text
from blogtext.model import BodyText

TEXT = (
    "Unsere Kunden werden jeden Monat von Herrn Müller aus Berlin beraten.\n\n"
    "Die Kooperationspartner haben das Angebot geprüft, z. B. die Preise.  Man sollte "
    "das Ergebnis sofort vorstellen!"
)


def _expected(doc: Doc) -> list[tuple]:
    return [
        (
            t.text,
            t.lower_,
            t.lemma_,
            t.pos_,
            t.tag_,
            t.ent_type_,
            t.idx,
            t.idx + len(t),
            t.is_space,
            t.is_alpha,
            t.is_sent_start is True,
            "Part" in t.morph.get("VerbForm"),
            "Plur" in t.morph.get("Number"),
        )
        for t in doc
    ]


def _table_rows(doc: Doc) -> list[tuple]:
    table = doc_tokens(doc)
    return [
        (
            table.words[i],
            table.lower[i],
            table.lemma[i],
            table.pos[i],
            table.tag[i],
            table.ent_type[i],
            table.idx[i],
            table.end[i],
            table.is_space[i],
            table.is_alpha[i],
            table.sent_start[i],
            table.has_feature(i, "VerbForm", "Part"),
            table.has_feature(i, "Number", "Plur"),
        )
        for i in range(len(table))
    ]


@pytest.mark.model
def test_doc_tokens_match_the_token_attributes(nlp) -> None:
    body = BodyText(blocks_from_plain_text(TEXT))
    doc = nlp(body.text)
    table = doc_tokens(doc)
    assert table.text == doc.text
    assert _table_rows(doc) == _expected(doc)
    assert (table.has_pos, table.has_tag, table.has_sents) == (
        doc.has_annotation("POS"),
        doc.has_annotation("TAG"),
        doc.has_annotation("SENT_START"),
    )
    spans = [(table.idx[a], table.end[b - 1]) for a, b in table.sentence_spans()]
    assert spans == [(s.start_char, s.end_char) for s in doc.sents]
    assert [table.sentence_end(t.i) for t in doc] == [t.sent.end for t in doc]


def test_doc_tokens_of_a_hand_built_doc() -> None:
    doc = Doc(
        Vocab(),
        words=["Die", "Kunden", " ", "kaufen", "."],
        spaces=[True, False, False, False, False],
        pos=["DET", "NOUN", "SPACE", "VERB", "PUNCT"],
        lemmas=["der", "Kunde", " ", "kaufen", "."],
    )
    assert _table_rows(doc) == _expected(doc)
    assert doc_tokens(doc).text == doc.text
    assert not doc_tokens(doc).has_tag


def test_doc_tokens_are_shared_until_the_annotation_changes() -> None:
    doc = Doc(Vocab(), words=["Herr", "Müller", "berät", "uns"], pos=["NOUN"] * 4)
    first = doc_tokens(doc)
    assert doc_tokens(doc) is first
    # A component that runs after the first analysis (an entity recogniser) must be seen.
    doc.ents = [Span(doc, 1, 2, label="PER")]
    second = doc_tokens(doc)
    assert second is not first
    assert second.ent_type == ["", "PER", "", ""]


def test_doc_tokens_are_dropped_with_their_doc() -> None:
    doc = Doc(Vocab(), words=["Ein", "Satz"])
    doc_tokens(doc)
    assert doc in _doc_tokens._cache
    del doc
    gc.collect()
    assert len([d for d in _doc_tokens._cache if d.text == "Ein Satz"]) == 0


def test_a_settled_doc_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Doc(
        Vocab(), words=["Unsere", "Kunden", "kaufen", "ein"], pos=["DET", "NOUN", "VERB", "ADP"]
    )
    reads = []
    read = _doc_tokens._checked_table
    monkeypatch.setattr(_doc_tokens, "_checked_table", lambda d: reads.append(d) or read(d))
    with _doc_tokens.settled(doc):
        first = doc_tokens(doc)
        with _doc_tokens.settled(doc):  # nested: still the same table, still no re-read
            assert doc_tokens(doc) is first
        assert doc_tokens(doc) is first
    assert len(reads) == 1
    # Outside the block the annotation is checked again, so a later change is seen.
    doc.ents = [Span(doc, 1, 2, label="PER")]
    assert doc_tokens(doc).ent_type == ["", "PER", "", ""]
    assert len(reads) == 2
    assert not _doc_tokens._settled


def test_the_pipeline_analyses_a_post_with_one_table(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    from blogtext.pipeline import analyze_text

    reads = []
    read = _doc_tokens._checked_table
    monkeypatch.setattr(_doc_tokens, "_checked_table", lambda d: reads.append(d) or read(d))
    report = analyze_text(TEXT, input_format="text")
    assert report.gender is not None and report.themes
    assert len(reads) == 1  # themes, gender and style share it
