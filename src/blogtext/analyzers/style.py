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
from functools import cache
from typing import TYPE_CHECKING

from blogtext.analyzers._style_compounds import CompoundSplit, split_compound
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
    Bracket,
    Passive,
    Tok,
    count_clauses,
    find_brackets,
    find_passives,
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
    "analyze_style",
    "anglicisms",
    "empty_phrases",
    "fillers",
    "hardest_sentences",
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
#: Sentences shorter than this are not "hard", however long their words ("Ihre Abonnenten
#: gehören Ihnen." has a low Flesch score of its own but reads easily).
MIN_HARD_SENTENCE_WORDS = 8
#: Shortest word counted as a nominalisation ("Ion", "Zeug-nis" are not).
MIN_NOMINAL_LETTERS = 6
_PLURAL_TO_SINGULAR = (("ungen", "ung"), ("heiten", "heit"), ("keiten", "keit"),
                       ("ionen", "ion"), ("itäten", "ität"), ("ismen", "ismus"),
                       ("nissen", "nis"), ("nisses", "nis"), ("nisse", "nis"))  # fmt: skip


@dataclass(frozen=True)
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
    """Style facts of a document: its tokens and one :class:`SentenceStyle` per sentence."""

    tokens: tuple[Tok, ...]
    sentences: tuple[SentenceStyle, ...]
    has_tags: bool

    @property
    def prose(self) -> list[SentenceStyle]:
        """Sentences of paragraphs, list items and quotes (not title or headings)."""
        return [s for s in self.sentences if s.is_prose]

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
    tokens = tuple(_tokens(doc)) if doc is not None else ()
    starts = [t.start for t in tokens]
    result = []
    for sentence in sentences:
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end)
        own = tokens[first:last]
        kind = body.blocks[sentence.block].kind if body.blocks else "paragraph"
        style = SentenceStyle(sentence, kind, (first, last), _beginning(sentence))
        if has_tags and own:
            style = _with_syntax(style, own)
        result.append(style)
    return StyleAnalysis(tokens, tuple(result), has_tags)


def _tokens(doc: Doc) -> list[Tok]:
    out = []
    for t in doc:
        if t.is_space:
            continue
        participle = t.tag_ in ("VVPP", "VAPP", "VMPP") or (
            t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm") and t.tag_ != "ADJA"
        )
        out.append(
            Tok(t.i, t.text, t.lower_, t.tag_, t.pos_, t.lemma_, t.idx, t.idx + len(t), participle)
        )
    return out


def _with_syntax(style: SentenceStyle, own: Sequence[Tok]) -> SentenceStyle:
    offset = style.tokens[0]  # token.i → index into the analysis' token tuple
    positions = {t.i: offset + k for k, t in enumerate(own)}
    modal_forms = modal_verb_forms()
    nominal = [positions[t.i] for t in own if _is_nominalisation(t)]
    modals = [
        positions[t.i]
        for t in own
        if t.lower in modal_forms and (t.tag.startswith("VM") or t.pos in ("AUX", "VERB"))
    ]
    man = [positions[t.i] for t in own if t.lower == "man" and t.pos not in ("NOUN", "PROPN")]
    return SentenceStyle(
        sentence=style.sentence,
        kind=style.kind,
        tokens=style.tokens,
        beginning=style.beginning,
        passives=tuple(find_passives(own)),
        clauses=count_clauses(own),
        brackets=tuple(find_brackets(own)),
        nouns=sum(t.pos == "NOUN" for t in own),
        verbs=sum(t.pos in ("VERB", "AUX") for t in own),
        nominalisations=tuple(nominal),
        modals=tuple(modals),
        man=tuple(man),
    )


def _is_nominalisation(tok: Tok) -> bool:
    if tok.pos != "NOUN" or len(tok.text) < MIN_NOMINAL_LETTERS or not tok.text[:1].isupper():
        return False
    word = tok.lower.split("-")[-1]
    if not word.endswith(NOMINAL_SUFFIXES):
        return False
    singular = word
    for plural, single in _PLURAL_TO_SINGULAR:
        if singular.endswith(plural):
            singular = singular[: -len(plural)] + single
            break
    for exception in nominal_exceptions():
        # An exception also covers compounds ending in it ("Tageszeitung"), but not a prefixed
        # derivation ("Berechnung" is not "Rechnung": the rest must be a word, ≥ 3 letters).
        if singular == exception or (
            singular.endswith(exception) and len(singular) - len(exception) >= 3
        ):
            return False
    return True


@cache
def _beginning_exceptions() -> frozenset[str]:
    return frozenset(read_lines(AREA, "beginning_exceptions.txt"))


def _beginning(sentence: Sentence) -> str:
    """First word, or first two words after an article/demonstrative/number (like Yoast)."""
    words = [w.text.lower() for w in sentence.words[:2]]
    if not words:
        return ""
    if words[0] in _beginning_exceptions() and len(words) > 1:
        return " ".join(words)
    return words[0]


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
