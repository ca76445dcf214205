"""The token attributes the analyses read, copied out of a spaCy ``Doc`` once per document.

Themes, gender and style each walk every token of the body, several times, and read
``text``, ``pos_``, ``lemma_`` … on each: every ``for token in doc`` creates a ``Token``
object per token and every ``token.pos_`` looks a string up again. :func:`doc_tokens` reads
the annotation with ``Doc.to_array`` instead (a few C-level calls) and keeps it as plain
Python lists (index ``i`` = token ``i``), shared by every analysis of the same ``Doc``.

The table is cached per ``Doc`` (weakly: it goes when the ``Doc`` goes) together with the
raw array it was made from. Each call reads that array again and rebuilds the table when it
differs, so a component that annotates the ``Doc`` between two analyses (an entity
recogniser after ``blogtext_themes``) is never answered from a stale table.

That check reads the annotation again (about 0.3 ms for a 550-token post). Code that knows
the annotation cannot change — the analysis of a parsed post, which runs after ``nlp.pipe``
has finished the ``Doc`` — wraps its analyses in :func:`settled`, and inside it every call
after the first returns the table without the check.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.attrs import (
    ENT_TYPE,
    IDX,
    IS_ALPHA,
    IS_SPACE,
    LEMMA,
    LOWER,
    MORPH,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Attributes read per token, in column order of the array ``Doc.to_array`` returns; the
#: table is rebuilt when any of them changes.
_ATTRS = (ORTH, SPACY, IDX, POS, TAG, LEMMA, MORPH, ENT_TYPE, SENT_START)
#: Attributes of the word type (the lexeme), fixed by the vocabulary and the token text: read
#: with the table, not compared on every call. (They are not always the str methods of the
#: text: a bare ``Vocab`` leaves them unset.)
_LEXEME_ATTRS = (LOWER, IS_SPACE, IS_ALPHA)
#: spaCy's ``sent_start`` value for "starts a sentence" (-1 = does not, 0 = unknown).
_SENT_START = 1
#: The morphological analysis without features, as spaCy stores it.
_NO_FEATURES = "_"


@dataclass(frozen=True, eq=False)
class DocTokens:
    """Per-token attributes of one ``Doc`` as parallel lists (index = ``token.i``).

    Attributes:
        text: ``doc.text``.
        words: ``token.text``.
        lower: ``token.lower_``.
        lemma, pos, tag, ent_type: ``token.lemma_``, ``pos_``, ``tag_``, ``ent_type_``.
        morph: ``str(token.morph)`` as spaCy stores it ("_" without features).
        idx: ``token.idx`` (character offset into ``text``).
        end: ``token.idx + len(token)``.
        is_space, is_alpha: ``token.is_space``, ``token.is_alpha``.
        sent_start: ``token.is_sent_start`` is ``True`` (the first token counts only when
            the splitter marked it, as in spaCy).
        has_pos, has_tag, has_sents: ``doc.has_annotation`` of POS, TAG and SENT_START.
    """

    text: str
    words: list[str]
    lower: list[str]
    lemma: list[str]
    pos: list[str]
    tag: list[str]
    ent_type: list[str]
    morph: list[str]
    idx: list[int]
    end: list[int]
    is_space: list[bool]
    is_alpha: list[bool]
    sent_start: list[bool]
    has_pos: bool
    has_tag: bool
    has_sents: bool

    def __len__(self) -> int:
        return len(self.words)

    def sentence_spans(self) -> list[tuple[int, int]]:
        """Token ranges ``[start, end)`` of ``doc.sents`` (requires ``has_sents``)."""
        starts = [0, *(i for i in range(1, len(self.words)) if self.sent_start[i])]
        ends = [*starts[1:], len(self.words)]
        return [(a, b) for a, b in zip(starts, ends, strict=True) if a < b]

    def sentence_end(self, i: int) -> int:
        """``token.sent.end`` of token ``i``: the next sentence start after it, or the end."""
        end = i + 1
        while end < len(self.words) and not self.sent_start[end]:
            end += 1
        return end

    def has_feature(self, i: int, field: str, value: str) -> bool:
        """Whether ``value`` is among ``token.morph.get(field)`` of token ``i``."""
        return value in _feature_values(self.morph[i], field)


_cache: weakref.WeakKeyDictionary[Doc, tuple[bytes, DocTokens]] = weakref.WeakKeyDictionary()
_feature_cache: dict[tuple[str, str], tuple[str, ...]] = {}
#: Hash → string for :func:`_names_of`; the bound keeps a long batch's vocabulary in check.
_names: dict[int, str] = {}
_MAX_NAMES = 200_000


#: Tables of the Docs whose annotation is settled (see :func:`settled`), by ``id``: no weak
#: reference is needed, as :func:`settled` holds the Doc and drops the entry on exit.
_settled: dict[int, DocTokens | None] = {}


@contextmanager
def settled(doc: Doc) -> Iterator[None]:
    """Within this block the annotation of ``doc`` does not change: its table is built once.

    For code that runs a fixed set of analyses over a finished ``Doc`` (the per-post
    analysis of the pipeline): the analyses share one table without re-checking it.
    """
    key = id(doc)
    outer = key in _settled
    if not outer:
        _settled[key] = None
    try:
        yield
    finally:
        if not outer:
            del _settled[key]


def doc_tokens(doc: Doc) -> DocTokens:
    """The token table of ``doc``, built on first use and shared until the annotation changes."""
    key = id(doc)
    table = _settled.get(key)
    if table is not None:
        return table
    table = _checked_table(doc)
    if key in _settled:
        _settled[key] = table
    return table


def _checked_table(doc: Doc) -> DocTokens:
    array = doc.to_array(list(_ATTRS))
    raw = array.tobytes()
    cached = _cache.get(doc)
    if cached is not None and cached[0] == raw:
        return cached[1]
    table = _build(doc, array.T.tolist(), doc.to_array(list(_LEXEME_ATTRS)).T.tolist())
    _cache[doc] = (raw, table)
    return table


def _build(doc: Doc, columns: list[list[int]], lexeme_columns: list[list[int]]) -> DocTokens:
    orth, spacy, idx, pos, tag, lemma, morph, ent_type, sent_start = columns
    lower, is_space, is_alpha = lexeme_columns
    keys = {*orth, *lower, *pos, *tag, *lemma, *morph, *ent_type}
    name = _names_of(doc, keys).__getitem__
    words = list(map(name, orth))
    return DocTokens(
        text="".join(
            [word + " " if space else word for word, space in zip(words, spacy, strict=True)]
        ),
        words=words,
        lower=list(map(name, lower)),
        lemma=list(map(name, lemma)),
        pos=list(map(name, pos)),
        tag=list(map(name, tag)),
        ent_type=list(map(name, ent_type)),
        morph=list(map(name, morph)),
        idx=idx,
        end=[start + len(word) for start, word in zip(idx, words, strict=True)],
        is_space=list(map(bool, is_space)),
        is_alpha=list(map(bool, is_alpha)),
        sent_start=[value == _SENT_START for value in sent_start],
        has_pos=doc.has_annotation("POS"),
        has_tag=doc.has_annotation("TAG"),
        has_sents=doc.has_annotation("SENT_START"),
    )


def _names_of(doc: Doc, keys: set[int]) -> dict[int, str]:
    """The string of every hash in ``keys`` (in a cache shared by all documents).

    A hash names the same string in every ``StringStore`` (it is the string's hash; small
    values are spaCy's fixed symbols), so one cache serves every pipeline. It is cleared when
    it grows large, which bounds its memory on a long batch.
    """
    missing = keys.difference(_names)
    if missing:
        if len(_names) + len(missing) > _MAX_NAMES:
            _names.clear()
            missing = keys
        strings = doc.vocab.strings
        for key in missing:
            _names[key] = strings[key]
    return _names


def _feature_values(morph: str, field: str) -> tuple[str, ...]:
    key = (morph, field)
    values = _feature_cache.get(key)
    if values is None:
        values = ()
        if morph != _NO_FEATURES:
            for feature in morph.split("|"):
                name, _, listed = feature.partition("=")
                if name == field:
                    values = tuple(listed.split(","))
                    break
        _feature_cache[key] = values
    return values
