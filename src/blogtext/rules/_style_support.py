"""Helpers shared by the readability and style rules: cached analyses, anchors, options."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Any

from blogtext.analyzers.readability import ReadabilityScores, analyze_readability
from blogtext.analyzers.style import (
    Entry,
    PhraseIndex,
    PhraseMatch,
    SentenceStyle,
    StyleAnalysis,
    analyze_style,
    index_with_extra,
)
from blogtext.rules.context import RuleContext


def readability_of(context: RuleContext) -> ReadabilityScores:
    """The document's readability scores (computed here if the pipeline did not)."""
    scores = context.analyses.get("readability")
    if scores is None:
        scores = context.analyses["readability"] = analyze_readability(context.body)
    return scores


def style_of(context: RuleContext) -> StyleAnalysis:
    """The document's style analysis, computed once and shared by every rule of the run.

    The pipeline may already have put it into ``context.analyses["style"]``; otherwise the
    first rule that needs it computes it from the readability sentences and stores it.
    """
    analysis = context.analyses.get("style")
    if analysis is None:
        sentences = readability_of(context).per_sentence
        analysis = context.analyses["style"] = analyze_style(context.doc, context.body, sentences)
    return analysis


def anchor(context: RuleContext) -> tuple[int, int]:
    """Span for a document-level finding: the first prose sentence (else the first sentence)."""
    sentences = readability_of(context).per_sentence
    if not sentences:
        return (0, 0)
    kinds = [context.body.blocks[s.block].kind for s in sentences]
    for sentence, kind in zip(sentences, kinds, strict=True):
        if kind not in ("title", "heading"):
            return (sentence.start, sentence.end)
    return (sentences[0].start, sentences[0].end)


def percent(part: int, whole: int) -> float:
    """``part`` as a percentage of ``whole`` (0 for an empty whole)."""
    return 100.0 * part / whole if whole else 0.0


def lines_of(context: RuleContext, starts: Iterable[int], limit: int = 8) -> str:
    """ "12, 15, 30 …" – input lines of the given body offsets, for messages."""
    lines: list[int] = []
    for start in starts:
        line = context.body.position(start)[0]
        if line not in lines:
            lines.append(line)
    shown = ", ".join(map(str, lines[:limit]))
    return shown + (" …" if len(lines) > limit else "")


def option_words(context: RuleContext, name: str) -> list[str]:
    """A list option (extra words); a single string is accepted as a one-item list."""
    value: Any = context.option(name)
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value or ()]


def lexical_index(context: RuleContext, base: Sequence[Entry]) -> PhraseIndex:
    """``base`` plus the rule's ``extra-words`` option, built once per list and configuration.

    The word lists are loaded once per process (``fillers()`` …), so the cache is keyed by the
    list object itself – hashing its entries on every document would cost more than the lookup.
    """
    key = (id(base), tuple(option_words(context, "extra-words")))
    cached = _indexes.get(key)
    if cached is None or cached[0] is not base:
        if len(_indexes) >= _MAX_INDEXES:
            _indexes.clear()
        cached = _indexes[key] = (base, index_with_extra(base, key[1]))
    return cached[1]


#: (id of the base list, extra words) → (the base list, its index); the list is kept so its
#: id stays unique while the entry lives.
_indexes: dict[tuple[int, tuple[str, ...]], tuple[Sequence[Entry], PhraseIndex]] = {}
_MAX_INDEXES = 64


def lexical_matches(
    context: RuleContext, index: PhraseIndex, sentences: Iterable[SentenceStyle] | None = None
) -> list[tuple[SentenceStyle, PhraseMatch]]:
    """Matches of ``index`` in each sentence (token indices relative to the sentence)."""
    style = style_of(context)
    folded = folded_texts(context)
    # A match begins at a word that begins an entry: find those words once, then match only
    # there, in the sentences that have one (most sentences have none).
    starts = index.starts(folded)
    found = []
    if not starts:
        return found
    for sentence in sentences if sentences is not None else style.sentences:
        first, last = sentence.tokens
        low = bisect.bisect_left(starts, first)
        high = bisect.bisect_left(starts, last)
        if low == high:
            continue
        for match in index.find_at(folded, starts[low:high], first, last):
            found.append((sentence, match))
    return found


def folded_texts(context: RuleContext) -> list[str]:
    """The case-folded text of every token of the style analysis, folded once per document
    (every lexical rule matches its list against them)."""
    folded = context.analyses.get("_style_folded")
    if folded is None:
        folded = list(map(str.casefold, style_of(context).tokens.text))
        context.analyses["_style_folded"] = folded
    return folded


def match_span(
    style: StyleAnalysis, sentence: SentenceStyle, match: PhraseMatch
) -> tuple[int, int]:
    """Body offsets of a phrase match."""
    first = sentence.tokens[0]
    return style.tokens.start[first + match.first], style.tokens.end[first + match.last]
