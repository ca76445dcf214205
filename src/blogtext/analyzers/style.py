"""Sentence-level style facts of a German body text, computed once per document.

:func:`analyze_style` walks the readability sentences (our own splitter, which follows
docs/readability.md and beats the parser's sentence boundaries on German business text) and,
for each, reads the spaCy tokens inside it: passive constructions, clause count, Satzklammer,
nouns and verbs, nominalisations, modal verbs, "man", and the first words. The rules in
``blogtext.rules.readability`` and ``blogtext.rules.style`` turn these facts into findings with
their own thresholds, so the expensive part runs once however many rules read it.

Requires a ``Doc`` whose text is ``BodyText.text``, with ``tag_``, ``pos_`` and ``lemma_``;
without POS annotation the syntax-based facts are empty (``has_tags`` is ``False``) and the
rules that need them report nothing rather than zero.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import compress
from operator import itemgetter, not_
from typing import TYPE_CHECKING

from blogtext.analyzers._doc_tokens import DocTokens, doc_tokens
from blogtext.analyzers._style_compounds import CompoundSplit, head_candidates, split_compound
from blogtext.analyzers._style_lexicon import (
    AREA,
    Entry,
    PhraseIndex,
    PhraseMatch,
    anglicisms,
    empty_phrases,
    fillers,
    index_with_extra,
    modal_verb_forms,
    nominal_exceptions,
    transition_words,
)
from blogtext.analyzers._style_syntax import (
    FINITE_TAGS,
    INTERROGATIVE_TAGS,
    SUBORDINATOR_TAGS,
    Bracket,
    Passive,
    Tok,
    TokenColumns,
    brackets_in,
    passives_in,
)
from blogtext.analyzers.readability import Sentence, flesch_amstad, split_sentences
from blogtext.data import read_lines
from blogtext.model import BodyText

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "PROSE_KINDS",
    "Bracket",
    "CompoundSplit",
    "Entry",
    "Passive",
    "PhraseIndex",
    "PhraseMatch",
    "SentenceStyle",
    "StyleAnalysis",
    "Tok",
    "TokenColumns",
    "analyze_style",
    "anglicisms",
    "empty_phrases",
    "fillers",
    "hardest_sentences",
    "head_candidates",
    "index_with_extra",
    "split_compound",
    "transition_words",
]

#: Block kinds whose sentences are running text; titles and headings are not prose.
PROSE_KINDS = frozenset({"paragraph", "list-item", "quote"})
#: Nominalisation suffixes with their plural and genitive forms (Nominalstil).
NOMINAL_SUFFIXES = (
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "ion", "ionen", "ität", "itäten",
    "ismus", "ismen", "nis", "nisse", "nissen", "nisses",
)  # fmt: skip
#: STTS tags of participles (a VERB with VerbForm=Part counts too, unless tagged ADJA).
PARTICIPLE_TAGS = frozenset({"VVPP", "VAPP", "VMPP"})
#: Sentences shorter than this are not "hard", however long their words ("Ihre Abonnenten
#: gehören Ihnen." has a low Flesch score of its own but reads easily).
MIN_HARD_SENTENCE_WORDS = 8
#: Shortest word counted as a nominalisation ("Ion", "Zeug-nis" are not).
MIN_NOMINAL_LETTERS = 6
_PLURAL_TO_SINGULAR = (("ungen", "ung"), ("heiten", "heit"), ("keiten", "keit"),
                       ("ionen", "ion"), ("itäten", "ität"), ("ismen", "ismus"),
                       ("nissen", "nis"), ("nisses", "nis"), ("nisse", "nis"))  # fmt: skip


@dataclass(frozen=True, slots=True)
class SentenceStyle:
    """Style facts of one sentence of the body.

    Attributes:
        sentence: The readability sentence (offsets into ``BodyText.text``, words, line).
        kind: Kind of its block (``paragraph``, ``heading``, ``list-item`` …).
        tokens: Index range ``[first, last)`` into :attr:`StyleAnalysis.tokens`.
        beginning: Lower-cased first word(s) used to compare sentence beginnings.
        passives: Passive constructions.
        clauses: Number of clauses.
        brackets: Satzklammern of its main clauses.
        nouns, verbs: Tokens tagged NOUN, and VERB or AUX.
        nominalisations: Token indices of -ung/-heit/-keit/-ion/-ität/-ismus/-nis nouns.
        modals: Token indices of modal verbs.
        man: Token indices of the pronoun "man".
    """

    sentence: Sentence
    kind: str
    tokens: tuple[int, int]
    beginning: str
    passives: tuple[Passive, ...] = ()
    clauses: int = 1
    brackets: tuple[Bracket, ...] = ()
    nouns: int = 0
    verbs: int = 0
    nominalisations: tuple[int, ...] = ()
    modals: tuple[int, ...] = ()
    man: tuple[int, ...] = ()

    @property
    def is_prose(self) -> bool:
        return self.kind in PROSE_KINDS

    @property
    def words(self) -> int:
        return self.sentence.word_count

    @property
    def longest_bracket(self) -> Bracket | None:
        return max(self.brackets, key=lambda b: b.words_between, default=None)


@dataclass(frozen=True)
class StyleAnalysis:
    """Style facts of a document: its tokens and one :class:`SentenceStyle` per sentence.

    ``tokens`` is a ``Sequence[Tok]`` (the tokens that are not whitespace); rules that scan
    every token read its columns (``tokens.text``, ``tokens.pos`` …) instead.
    """

    tokens: TokenColumns
    sentences: tuple[SentenceStyle, ...]
    has_tags: bool

    @property
    def prose(self) -> list[SentenceStyle]:
        """Sentences of paragraphs, list items and quotes (not title or headings)."""
        return list(self._prose)

    @cached_property
    def _prose(self) -> tuple[SentenceStyle, ...]:
        # Several rules ask for the prose sentences; the analysis is immutable, so find them
        # once (``prose`` hands out a fresh list, which a caller may change).
        return tuple(s for s in self.sentences if s.kind in PROSE_KINDS)

    def sentence_tokens(self, sentence: SentenceStyle) -> tuple[Tok, ...]:
        first, last = sentence.tokens
        return self.tokens[first:last]


def analyze_style(
    doc: Doc | None, body: BodyText, sentences: Sequence[Sentence] | None = None
) -> StyleAnalysis:
    """Style facts of the body.

    Args:
        doc: The parsed body (``doc.text == body.text``), or ``None`` without a pipeline.
        body: The article body.
        sentences: The readability sentences, when already computed (else split here).

    Returns:
        A :class:`StyleAnalysis`; without a ``Doc`` it has no tokens and no syntax facts.
    """
    sentences = list(sentences) if sentences is not None else split_sentences(body)
    has_tags = doc is not None and doc.has_annotation("TAG")
    tokens = _tokens(doc_tokens(doc)) if doc is not None else _NO_TOKENS
    starts = tokens.start
    marks = _Marks.of(tokens) if has_tags else None
    blocks = body.blocks
    result = []
    for sentence in sentences:
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end)
        kind = blocks[sentence.block].kind if blocks else "paragraph"
        if marks is not None and first < last:
            style = _with_syntax(sentence, kind, (first, last), tokens, marks)
        else:
            style = SentenceStyle(sentence, kind, (first, last), _beginning(sentence))
        result.append(style)
    return StyleAnalysis(tokens, tuple(result), has_tags)


_NO_TOKENS = TokenColumns((), (), (), (), (), (), (), (), ())


@dataclass(frozen=True, slots=True)
class _Marks:
    """Per-document token facts, found in one pass each and sliced per sentence.

    The lists hold the positions (indices into the tokens) of the marked tokens, in order.
    """

    nominalisations: list[int]
    modals: list[int]
    man: list[int]
    participles: list[int]

    @classmethod
    def of(cls, tokens: TokenColumns) -> _Marks:
        modal_forms = modal_verb_forms()
        text, lower, tag, pos = tokens.text, tokens.lower, tokens.tag, tokens.pos
        positions = range(len(text))
        # Each list starts from the few tokens with the rare property, picked at C speed
        # (``compress``), and tests the rest of the condition on those only.
        nouns = compress(positions, map("NOUN".__eq__, pos))
        return cls(
            nominalisations=[
                k
                for k in nouns
                # The suffix test of _is_nominalisation first: most nouns fail it.
                if lower[k].endswith(NOMINAL_SUFFIXES)
                and _is_nominalisation(text[k], lower[k], pos[k])
            ],
            modals=[
                k
                for k in compress(positions, map(modal_forms.__contains__, lower))
                if tag[k].startswith("VM") or pos[k] in ("AUX", "VERB")
            ],
            man=[
                k
                for k in compress(positions, map("man".__eq__, lower))
                if pos[k] not in ("NOUN", "PROPN")
            ],
            participles=list(compress(positions, tokens.is_participle)),
        )


def _between(positions: list[int], first: int, last: int) -> tuple[int, ...]:
    """The positions in ``[first, last)`` (``positions`` is sorted)."""
    if not positions:
        return ()
    return tuple(
        positions[bisect.bisect_left(positions, first) : bisect.bisect_left(positions, last)]
    )


def _has_between(positions: list[int], first: int, last: int) -> bool:
    """Whether a position lies in ``[first, last)`` (``positions`` is sorted)."""
    at = bisect.bisect_left(positions, first)
    return at < len(positions) and positions[at] < last


def _tokens(table: DocTokens) -> TokenColumns:
    """The columns of every token that is not whitespace."""
    kept = list(compress(range(len(table.is_space)), map(not_, table.is_space)))
    if not kept:
        return _NO_TOKENS
    # Pick the kept tokens' columns at C speed: a post has hundreds of tokens.
    pick = itemgetter(*kept) if len(kept) > 1 else lambda column: (column[kept[0]],)
    tags, pos = pick(table.tag), pick(table.pos)
    # A participle by its tag, or a VERB with VerbForm=Part that is not tagged ADJA (only
    # the VERB tokens need the morphology).
    participles = list(map(PARTICIPLE_TAGS.__contains__, tags))
    for k in compress(range(len(kept)), map("VERB".__eq__, pos)):
        if not participles[k] and tags[k] != "ADJA":
            participles[k] = table.has_feature(kept[k], "VerbForm", "Part")
    return TokenColumns(
        i=kept,
        text=pick(table.words),
        lower=pick(table.lower),
        tag=tags,
        pos=pos,
        lemma=pick(table.lemma),
        start=pick(table.idx),
        end=pick(table.end),
        is_participle=participles,
    )


def _with_syntax(
    sentence: Sentence,
    kind: str,
    span: tuple[int, int],
    tokens: TokenColumns,
    marks: _Marks,
) -> SentenceStyle:
    first, last = span
    pos, tags = tokens.pos[first:last], tokens.tag[first:last]
    # A passive needs a participle, a Satzklammer a finite verb: skip the clause scans
    # of sentences without one.
    has_finite = not FINITE_TAGS.isdisjoint(tags)
    return SentenceStyle(
        sentence=sentence,
        kind=kind,
        tokens=span,
        beginning=_beginning(sentence),
        passives=tuple(passives_in(tokens, first, last))
        if _has_between(marks.participles, first, last)
        else (),
        clauses=_clauses(tags, tokens.text[first:last]),
        brackets=tuple(brackets_in(tokens, first, last)) if has_finite else (),
        nouns=pos.count("NOUN"),
        verbs=pos.count("VERB") + pos.count("AUX"),
        nominalisations=_between(marks.nominalisations, first, last),
        modals=_between(marks.modals, first, last),
        man=_between(marks.man, first, last),
    )


def _clauses(tags: Sequence[str], texts: Sequence[str]) -> int:
    """``_style_syntax.count_clauses`` of a non-empty sentence, from its tags counted at C speed.

    ``tags`` and ``texts`` are the sentence's token tags and texts.
    """
    finite = sum(map(tags.count, FINITE_TAGS))
    subordinators = sum(map(tags.count, SUBORDINATOR_TAGS))
    if not INTERROGATIVE_TAGS.isdisjoint(tags):
        subordinators += sum(
            1 for k in range(1, len(texts)) if tags[k] in INTERROGATIVE_TAGS and texts[k - 1] == ","
        )
    return max(finite, subordinators + 1, 1)


def _is_nominalisation(text: str, lower: str, pos: str) -> bool:
    """Whether the token (its text, lower-cased text and POS) is a nominalisation."""
    if pos != "NOUN" or len(text) < MIN_NOMINAL_LETTERS or not text[:1].isupper():
        return False
    word = lower.split("-")[-1]
    if not word.endswith(NOMINAL_SUFFIXES):
        return False
    singular = word
    for plural, single in _PLURAL_TO_SINGULAR:
        if singular.endswith(plural):
            singular = singular[: -len(plural)] + single
            break
    exceptions = nominal_exceptions()
    # An exception also covers compounds ending in it ("Tageszeitung"), but not a prefixed
    # derivation ("Berechnung" is not "Rechnung": the rest must be a word, ≥ 3 letters).
    # So look up the word and each of its endings after the first three letters (entries are
    # never empty, so the word itself is the only ending that needs no rest).
    if singular in exceptions:
        return False
    return not any(singular[cut:] in exceptions for cut in range(3, len(singular)))


@cache
def _beginning_exceptions() -> frozenset[str]:
    return frozenset(read_lines(AREA, "beginning_exceptions.txt"))


def _beginning(sentence: Sentence) -> str:
    """First word, or first two words after an article/demonstrative/number (like Yoast)."""
    words = sentence.words
    if not words:
        return ""
    first = words[0].text.lower()
    if len(words) > 1 and first in _beginning_exceptions():
        return f"{first} {words[1].text.lower()}"
    return first


def hardest_sentences(sentences: Sequence[Sentence], count: int) -> list[Sentence]:
    """The ``count`` hardest sentences: lowest Flesch-Amstad of the sentence on its own.

    Sentences under :data:`MIN_HARD_SENTENCE_WORDS` words come last (by their score), so a
    short sentence with one long word does not top the list.
    """

    def key(sentence: Sentence) -> tuple[bool, float, int]:
        score = flesch_amstad(words=sentence.word_count, sentences=1, syllables=sentence.syllables)
        short = sentence.word_count < MIN_HARD_SENTENCE_WORDS
        return (short, score if score is not None else 999.0, sentence.index)

    return sorted((s for s in sentences if s.word_count), key=key)[:count]
