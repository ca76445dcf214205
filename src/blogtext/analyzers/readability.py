"""Readability of German body text: counts, Flesch-Amstad, Wiener Sachtextformeln, LIX.

A pure core over :class:`~blogtext.model.BodyText` – no spaCy needed. The formulas are simple;
the counting is where tools go wrong on German business text, so the conventions are written
down in docs/readability.md and followed exactly here:

- a heading, list item, title, quote block or paragraph end closes a sentence; abbreviations,
  ordinals, dates, decimals and a colon do not; short sentences are never dropped;
- pure numbers are not words; a hyphenated compound and an abbreviation are one word each;
- syllables are German spoken syllables ("a-ber", "Ko-o-pe-ra-ti-on"); an abbreviation has the
  syllables of its spoken form ("z. B." = "zum Beispiel" = 3); acronyms are spelled ("KMU" = 3).

textstat is not called here: its German counting (abbreviations end sentences, sentences of
two words or fewer are dropped, hyphenation points stand in for syllables, numbers are words)
is what this module replaces. Our formulas are checked against textstat's formulas with equal
counts in the tests, and scripts/compare_readability.py shows both side by side.

Example:
    >>> from blogtext.model import Block, LineSlice
    >>> scores = analyze_readability([Block("paragraph", (LineSlice(1, 0, "Das ist z. B. gut."),))])
    >>> scores.sentences, scores.words, scores.syllables
    (1, 4, 6)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from blogtext.analyzers._readability_formulas import (
    WSTF_COEFFICIENTS,
    flesch_amstad,
    flesch_amstad_band,
    lix,
    wiener_sachtextformel,
    wstf_band,
    wstf_grade,
)
from blogtext.analyzers._readability_tokens import Word
from blogtext.analyzers._sentences import Sentence, shift_words, split_block
from blogtext.analyzers._syllables import count_syllables
from blogtext.model import Block, BodyText, LineSlice

__all__ = [
    "ParagraphStats",
    "ReadabilityScores",
    "Sentence",
    "Word",
    "analyze_readability",
    "blocks_from_plain_text",
    "count_syllables",
    "flesch_amstad",
    "flesch_amstad_band",
    "lix",
    "split_sentences",
    "wiener_sachtextformel",
    "wstf_band",
    "wstf_grade",
]

#: Decimals of the scores in :meth:`ReadabilityScores.to_dict` (DESIGN.md shows 54.8).
SCORE_DECIMALS = 1


def _body(body: BodyText | Sequence[Block]) -> BodyText:
    return body if isinstance(body, BodyText) else BodyText(list(body))


def split_sentences(body: BodyText | Sequence[Block]) -> list[Sentence]:
    """Split the article body into sentences (see the module docstring for the rules).

    Args:
        body: The joined body, or its blocks (joined here with :class:`BodyText`).

    Returns:
        The sentences in order; each knows its block, its offsets into ``BodyText.text``,
        its input line and column, and its words.
    """
    text = _body(body)
    cached = text.memo.get("sentences")
    if cached is not None:
        return list(cached)
    sentences: list[Sentence] = []
    for block_index, block in enumerate(text.blocks):
        base = text.block_starts[block_index]
        for start, end, words in split_block(block.text):
            line, column = text.position(base + start)
            sentences.append(
                Sentence(
                    index=len(sentences),
                    block=block_index,
                    start=base + start,
                    end=base + end,
                    text=text.text[base + start : base + end],
                    words=shift_words(words, base),
                    line=line,
                    column=column,
                )
            )
    # The sentence component, readability and style all need them: split once per body.
    text.memo["sentences"] = tuple(sentences)
    return sentences


@dataclass(frozen=True, slots=True)
class ParagraphStats:
    """Counts for one block of the body (paragraph, heading, list item, …)."""

    block: int
    kind: str
    start: int
    end: int
    sentences: int
    words: int
    syllables: int
    letters: int
    long_words: int
    polysyllabic_words: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "block": self.block,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "sentences": self.sentences,
            "words": self.words,
            "syllables": self.syllables,
            "letters": self.letters,
            "long_words": self.long_words,
            "polysyllabic_words": self.polysyllabic_words,
        }


@dataclass(frozen=True)
class ReadabilityScores:
    """Counts and scores of a body text; scores are ``None`` when undefined (no words).

    Attributes:
        sentences, words, syllables, letters: Totals over the body.
        long_words: Words with more than six letters (LIX, WSTF "IW").
        polysyllabic_words: Words with three or more syllables (WSTF "MS").
        monosyllabic_words: Words with one syllable (WSTF "ES").
        flesch_amstad: 180 − ASL − 58.5·ASW, not clamped.
        wiener_sachtextformel: Variant (1–4) → score.
        lix: Words per sentence + percentage of long words.
        per_sentence: Every sentence with its counts and offsets.
        per_paragraph: Counts per block.
    """

    sentences: int
    words: int
    syllables: int
    letters: int
    long_words: int
    polysyllabic_words: int
    monosyllabic_words: int
    flesch_amstad: float | None
    wiener_sachtextformel: Mapping[int, float | None]
    lix: float | None
    per_sentence: tuple[Sentence, ...] = ()
    per_paragraph: tuple[ParagraphStats, ...] = ()

    @property
    def bands(self) -> dict[str, str | None]:
        """German labels: Flesch-Amstad band and WSTF 1 school grade."""
        return {
            "flesch_amstad": flesch_amstad_band(self.flesch_amstad),
            "wiener_sachtextformel": wstf_band(self.wiener_sachtextformel[1]),
        }

    def to_dict(self) -> dict[str, Any]:
        """The ``readability`` part of the per-post JSON report (DESIGN.md), plus details."""
        return {
            "sentences": self.sentences,
            "words": self.words,
            "syllables": self.syllables,
            "letters": self.letters,
            "long_words": self.long_words,
            "polysyllabic_words": self.polysyllabic_words,
            "monosyllabic_words": self.monosyllabic_words,
            "flesch_amstad": _round(self.flesch_amstad),
            "wiener_sachtextformel": {
                str(k): _round(v) for k, v in self.wiener_sachtextformel.items()
            },
            "lix": _round(self.lix),
            "bands": self.bands,
            "per_sentence": [_sentence_dict(s) for s in self.per_sentence],
            "per_paragraph": [p.to_dict() for p in self.per_paragraph],
        }


def analyze_readability(body: BodyText | Sequence[Block]) -> ReadabilityScores:
    """Count and score the article body.

    Args:
        body: The joined body, or its blocks.

    Returns:
        A :class:`ReadabilityScores`; for a body without words all scores are ``None``.
    """
    text = _body(body)
    sentences = split_sentences(text)
    # The body's counts are the sums of its sentences' (each counted once, see Sentence).
    counts = {
        "words": sum(s.word_count for s in sentences),
        "sentences": len(sentences),
        "polysyllabic_words": sum(s.polysyllabic_words for s in sentences),
        "long_words": sum(s.long_words for s in sentences),
        "monosyllabic_words": sum(s.monosyllabic_words for s in sentences),
    }
    syllables = sum(s.syllables for s in sentences)
    wstf = {variant: wiener_sachtextformel(variant, **counts) for variant in WSTF_COEFFICIENTS}
    return ReadabilityScores(
        sentences=counts["sentences"],
        words=counts["words"],
        syllables=syllables,
        letters=sum(s.letters for s in sentences),
        long_words=counts["long_words"],
        polysyllabic_words=counts["polysyllabic_words"],
        monosyllabic_words=counts["monosyllabic_words"],
        flesch_amstad=flesch_amstad(
            words=counts["words"], sentences=counts["sentences"], syllables=syllables
        ),
        wiener_sachtextformel=MappingProxyType(wstf),
        lix=lix(
            words=counts["words"], sentences=counts["sentences"], long_words=counts["long_words"]
        ),
        per_sentence=tuple(sentences),
        per_paragraph=tuple(_paragraph_stats(text, sentences)),
    )


def _paragraph_stats(text: BodyText, sentences: list[Sentence]) -> list[ParagraphStats]:
    by_block: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        by_block.setdefault(sentence.block, []).append(sentence)
    stats = []
    for index, block in enumerate(text.blocks):
        own = by_block.get(index, [])
        start = text.block_starts[index]
        stats.append(
            ParagraphStats(
                block=index,
                kind=block.kind,
                start=start,
                end=start + len(block.text),
                sentences=len(own),
                words=sum(s.word_count for s in own),
                syllables=sum(s.syllables for s in own),
                letters=sum(s.letters for s in own),
                long_words=sum(s.long_words for s in own),
                polysyllabic_words=sum(s.polysyllabic_words for s in own),
            )
        )
    return stats


def _sentence_dict(sentence: Sentence) -> dict[str, Any]:
    return {
        "index": sentence.index,
        "block": sentence.block,
        "start": sentence.start,
        "end": sentence.end,
        "line": sentence.line,
        "column": sentence.column,
        "text": sentence.text,
        "words": sentence.word_count,
        "syllables": sentence.syllables,
        "letters": sentence.letters,
        "long_words": sentence.long_words,
        "polysyllabic_words": sentence.polysyllabic_words,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, SCORE_DECIMALS)


def blocks_from_plain_text(text: str, kind: str = "paragraph") -> list[Block]:
    """Blocks from plain text: each run of non-blank lines is one block of ``kind``.

    For scripts and tests that start from a string rather than a segmented post; line
    numbers are 1-based lines of ``text``.
    """
    blocks: list[Block] = []
    current: list[LineSlice] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            current.append(LineSlice(number, 0, line))
        elif current:
            blocks.append(Block(kind, tuple(current)))
            current = []
    if current:
        blocks.append(Block(kind, tuple(current)))
    return blocks
