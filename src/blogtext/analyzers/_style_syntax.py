"""Passive voice, clause count and Satzklammer of one German sentence, from tags and lemmas.

The pipeline's parser is weak (LAS ≈ 70 on German), so nothing here follows dependency arcs:
the decisions use STTS tags (``token.tag_``), lemmas and word forms inside a clause, where a
clause is the stretch between commas, semicolons, colons, dashes and brackets. Those are
robust where the parse is not, and every rule below is written so that a tagging error makes
us miss a construction rather than invent one.

Terms (see also docs on the rules):

- **Vorgangspassiv**: a form of *werden* + Partizip II in one clause ("wird geprüft", "wurde
  verschickt", "muss geprüft werden", "ist gelöst worden"). Not passive: Futur I
  (*werden* + infinitive, "wird vorstellen"), Futur II ("wird gemacht haben"), *werden* as a
  full verb ("wird Lehrer", "wird besser").
- **Zustandspassiv**: a form of *sein* + Partizip II ("ist geschlossen") – unless the verb
  builds its perfect with *sein* ("ist gestiegen", "sind gekommen"), which is Perfekt.
- **Satzklammer**: the finite verb of a main clause and the rest of its predicate at the
  clause end (participle, infinitive or separable particle): "Wir *haben* … *vorgestellt*".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import not_
from typing import NamedTuple, overload

from blogtext.analyzers._style_lexicon import sein_perfect_verbs


class Tok(NamedTuple):
    """The parts of a spaCy token the style analysis reads (copied once for speed).

    A named tuple rather than a frozen dataclass: a tuple is built in a third of the time.
    """

    i: int
    text: str
    lower: str
    tag: str
    pos: str
    lemma: str
    start: int
    end: int
    is_participle: bool

    @property
    def is_word(self) -> bool:
        return is_word(self.text)


def is_word(text: str) -> bool:
    """Whether ``text`` has a letter (a word, not a number or punctuation)."""
    # Most tokens are all letters: answer those without looking at each character.
    return text.isalpha() or any(ch.isalpha() for ch in text)


class TokenColumns(Sequence[Tok]):
    """Tokens as parallel columns (index ``k`` = the ``k``-th token); a ``Sequence[Tok]``.

    The analysis keeps a document's tokens this way rather than as one :class:`Tok` per
    token: a post has hundreds of tokens, and each object would be built and then tracked by
    the garbage collector for as long as the analysis lives, while the scans below read only a
    column or two. Indexing or iterating builds :class:`Tok` objects on demand.
    """

    __slots__ = ("end", "i", "is_participle", "is_word", "lemma", "lower", "pos", "start",
                 "tag", "text")  # fmt: skip

    def __init__(
        self,
        i: Sequence[int],
        text: Sequence[str],
        lower: Sequence[str],
        tag: Sequence[str],
        pos: Sequence[str],
        lemma: Sequence[str],
        start: Sequence[int],
        end: Sequence[int],
        is_participle: Sequence[bool],
    ) -> None:
        self.i, self.text, self.lower, self.tag, self.pos = i, text, lower, tag, pos
        self.lemma, self.start, self.end, self.is_participle = lemma, start, end, is_participle
        #: :func:`is_word` of each token's text: most tokens are all letters, so only the
        #: others are looked at character by character.
        self.is_word: list[bool] = list(map(str.isalpha, text))
        for k in compress(range(len(text)), map(not_, self.is_word)):
            self.is_word[k] = any(map(str.isalpha, text[k]))

    @classmethod
    def of(cls, tokens: Iterable[Tok]) -> TokenColumns:
        """The columns of ``tokens``."""
        tokens = list(tokens)
        if not tokens:
            return cls((), (), (), (), (), (), (), (), ())
        return cls(*(list(column) for column in zip(*tokens, strict=True)))

    def __len__(self) -> int:
        return len(self.text)

    @overload
    def __getitem__(self, k: int) -> Tok: ...
    @overload
    def __getitem__(self, k: slice) -> tuple[Tok, ...]: ...
    def __getitem__(self, k: int | slice) -> Tok | tuple[Tok, ...]:
        if isinstance(k, slice):
            return tuple(self[j] for j in range(*k.indices(len(self))))
        if k < 0:
            k += len(self)
        return Tok(
            self.i[k], self.text[k], self.lower[k], self.tag[k], self.pos[k], self.lemma[k],
            self.start[k], self.end[k], self.is_participle[k],
        )  # fmt: skip

    def __iter__(self) -> Iterator[Tok]:
        columns = (self.i, self.text, self.lower, self.tag, self.pos, self.lemma, self.start,
                   self.end, self.is_participle)  # fmt: skip
        return map(Tok._make, zip(*columns, strict=True))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"TokenColumns({list(self)!r})"


@dataclass(frozen=True, slots=True)
class Passive:
    """A passive construction: ``kind`` is ``vorgangspassiv`` or ``zustandspassiv``."""

    kind: str
    start: int
    end: int
    auxiliary: str
    participle: str


@dataclass(frozen=True, slots=True)
class Bracket:
    """A Satzklammer: finite verb … closing verb part, with the words in between."""

    start: int
    end: int
    opening: str
    closing: str
    words_between: int


WERDEN_FORMS = frozenset(
    {"werde", "wirst", "wird", "werden", "werdet", "wurde", "wurdest", "wurden", "wurdet",
     "würde", "würdest", "würden", "würdet", "worden"}
)  # fmt: skip
SEIN_FORMS = frozenset(
    {"bin", "bist", "ist", "sind", "seid", "war", "warst", "waren", "wart", "sei", "seien",
     "wäre", "wären", "sein"}
)  # fmt: skip
#: Punctuation that closes a clause for the passive and bracket checks.
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "–", "—", "-", "/"})
#: Breaks after which a new main clause starts (the bracket scan stops there).
STRONG_BREAKS = frozenset({";", ":"})
FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
#: Right bracket: participles, infinitives and separable particles.
CLOSING_TAGS = frozenset({"VVPP", "VAPP", "VMPP", "VVINF", "VAINF", "VMINF", "PTKVZ"})
#: Tags that open a subordinate clause.
SUBORDINATOR_TAGS = frozenset({"KOUS", "KOUI", "PRELS", "PRELAT"})
#: Interrogatives open a subordinate clause when they follow a comma ("…, wie wir …").
INTERROGATIVE_TAGS = frozenset({"PWAV", "PWS"})
COORDINATORS = frozenset({"und", "oder", "aber", "denn", "sondern", "doch"})
#: Parts of speech of verbs (a clause-final one closes a bracket).
VERBAL_POS = frozenset({"VERB", "AUX"})


def clauses_of(tokens: Sequence[Tok]) -> list[list[Tok]]:
    """The sentence split at :data:`CLAUSE_BREAKS` (breaks dropped, empty parts dropped)."""
    columns = TokenColumns.of(tokens)
    return [[columns[k] for k in clause] for clause in _clauses_in(columns, 0, len(columns))]


def _clauses_in(columns: TokenColumns, first: int, last: int) -> list[list[int]]:
    """:func:`clauses_of` tokens ``[first, last)`` of ``columns``, as token positions."""
    text = columns.text
    parts: list[list[int]] = [[]]
    for k in range(first, last):
        if text[k] in CLAUSE_BREAKS:
            parts.append([])
        else:
            parts[-1].append(k)
    return [p for p in parts if p]


def find_passives(tokens: Sequence[Tok]) -> list[Passive]:
    """Vorgangspassiv and Zustandspassiv constructions of one sentence, in text order."""
    columns = TokenColumns.of(tokens)
    return passives_in(columns, 0, len(columns))


def passives_in(columns: TokenColumns, first: int, last: int) -> list[Passive]:
    """:func:`find_passives` of the sentence at tokens ``[first, last)`` of ``columns``."""
    found: list[Passive] = []
    if not any(columns.is_participle[first:last]):
        return found  # every passive has a participle
    for clause in _clauses_in(columns, first, last):
        hit = _clause_passive(columns, clause)
        if hit is not None:
            found.append(hit)
    return found


def _is_werden(columns: TokenColumns, k: int) -> bool:
    # "geworden" is not in WERDEN_FORMS: it is the participle of the full verb ("ist Chef
    # geworden"), never passive.
    return columns.lower[k] in WERDEN_FORMS and (
        columns.tag[k].startswith("VA") or columns.lemma[k] == "werden"
    )


def _is_sein(columns: TokenColumns, k: int) -> bool:
    return columns.lower[k] in SEIN_FORMS and (
        columns.tag[k].startswith("VA") or columns.lemma[k] == "sein"
    )


def _clause_passive(columns: TokenColumns, clause: list[int]) -> Passive | None:
    """The passive of one clause (token positions into ``columns``), if any."""
    is_participle, tag, lemma = columns.is_participle, columns.tag, columns.lemma
    participles = [k for k in clause if is_participle[k]]
    if not participles:
        return None
    werden = [k for k in clause if _is_werden(columns, k)]
    has_worden = any(columns.lower[k] == "worden" for k in clause)
    if werden:
        if not has_worden and _futur_zwei(columns, clause, participles[-1]):
            return None
        if not has_worden and any(
            tag[k] == "VAFIN" and lemma[k] == "haben" for k in clause
        ):  # "werden besser und haben gelernt": the participle belongs to "haben"
            return None
        return _passive(columns, "vorgangspassiv", werden[0], participles[0])
    sein = [k for k in clause if _is_sein(columns, k)]
    if not sein or any(lemma[k] == "haben" and tag[k].startswith("VA") for k in clause):
        return None
    candidates = [k for k in participles if not _perfect_with_sein(lemma[k], columns.lower[k])]
    if not candidates:
        return None
    return _passive(columns, "zustandspassiv", sein[0], candidates[0])


def _passive(columns: TokenColumns, kind: str, aux: int, part: int) -> Passive:
    start, end, text = columns.start, columns.end, columns.text
    return Passive(
        kind, min(start[aux], start[part]), max(end[aux], end[part]), text[aux], text[part]
    )


def _futur_zwei(columns: TokenColumns, clause: list[int], participle: int) -> bool:
    """'wird gemacht haben' / 'wird gegangen sein': werden + participle + haben/sein infinitive."""
    lower, tag = columns.lower, columns.tag
    # Positions follow token order, so "after the participle" is a larger position.
    return any(
        k > participle and lower[k] in ("haben", "sein") and tag[k] in ("VAINF", "VAFIN")
        for k in clause
    )


#: Participle endings of verbs that take "sein" in the perfect, for when the lemma is wrong.
_SEIN_PARTICIPLE_ENDINGS = (
    "gangen", "kommen", "fahren", "laufen", "flogen", "stiegen", "sunken", "fallen", "wachsen",
    "worden", "wesen", "blieben", "passiert", "schehen", "lungen", "schwunden", "storben",
    "sprungen", "rannt",
)  # fmt: skip


def _perfect_with_sein(lemma: str, lower: str) -> bool:
    """Whether the participle (its lemma and lower-cased form) builds its perfect with "sein"."""
    lemma = lemma.lower()
    if any(lemma.endswith(verb) for verb in sein_perfect_verbs()):
        return True
    return lower.endswith(_SEIN_PARTICIPLE_ENDINGS)


def count_clauses(tokens: Sequence[Tok]) -> int:
    """Clauses of a sentence: finite verbs, or subordinators + 1, whichever is larger.

    Each clause has one finite verb, so counting them is the direct measure; subordinating
    conjunctions and relative pronouns back it up where the tagger misses a finite verb.
    """
    if not tokens:
        return 0
    finite = subordinators = 0
    previous = ""  # text of the token before
    for tok in tokens:
        tag = tok.tag
        if tag in FINITE_TAGS:
            finite += 1
        # KOUS "weil", relative pronouns, KOUI "um … zu"; interrogatives only after a comma
        # ("…, wie wir …"), since at the start they open a main-clause question.
        elif tag in SUBORDINATOR_TAGS or (tag in INTERROGATIVE_TAGS and previous == ","):
            subordinators += 1
        previous = tok.text
    return max(finite, subordinators + 1, 1)


def _segments(columns: TokenColumns, first: int, last: int) -> list[tuple[str, list[int]]]:
    """Clause segments (token positions) with the break before them ("" for the first).

    Only word tokens are kept in a segment: end marks and quotes would hide the final verb.
    """
    text, word = columns.text, columns.is_word
    # The breaks and each stretch's words are picked at C speed (``compress``); a break is
    # never a word, so leaving the break positions out of the stretches loses no word.
    breaks = compress(range(first, last), map(CLAUSE_BREAKS.__contains__, text[first:last]))
    segments: list[tuple[str, list[int]]] = []
    brk, start = "", first
    for end in (*breaks, last):
        segment = list(compress(range(start, end), word[start:end]))
        if segment:
            segments.append((brk, segment))
        if end < last:
            brk, start = text[end], end + 1
    return segments


def _is_subordinate(tags: list[str]) -> bool:
    """Whether the segment with these tags is a subordinate clause."""
    first = tags[0]
    if first in SUBORDINATOR_TAGS or first in INTERROGATIVE_TAGS:
        return True
    if first == "APPR" and len(tags) > 1 and tags[1] in ("PRELS", "PRELAT", "PWS"):
        return True  # "…, mit dem wir …"
    # Infinitive clauses ("…, das Produkt vorzustellen") belong to another predicate.
    return "VVIZU" in tags or "PTKZU" in tags


def _is_closing(tag: str, pos: str, position: int, length: int) -> bool:
    """Whether the token (``tag``, ``pos``) at ``position`` of a segment closes a bracket."""
    if tag in CLOSING_TAGS:
        return True
    # The tagger often reads a clause-final infinitive as finite ("sollte … auswerten"/VVFIN):
    # a verb at the very end of a main-clause segment closes the bracket.
    return pos in VERBAL_POS and position == length - 1


def find_brackets(tokens: Sequence[Tok]) -> list[Bracket]:
    """Satzklammern of the main clauses of one sentence (subordinate clauses inside count)."""
    columns = TokenColumns.of(tokens)
    return brackets_in(columns, 0, len(columns))


def brackets_in(columns: TokenColumns, first: int, last: int) -> list[Bracket]:
    """:func:`find_brackets` of the sentence at tokens ``[first, last)`` of ``columns``."""
    brackets: list[Bracket] = []
    if FINITE_TAGS.isdisjoint(columns.tag[first:last]):
        return brackets  # every bracket opens with a finite verb
    segments = _segments(columns, first, last)
    column_tag, column_pos, lower = columns.tag, columns.pos, columns.lower
    # Each segment's tags and whether it is subordinate, looked up again and again below.
    tags = [list(map(column_tag.__getitem__, segment)) for _brk, segment in segments]
    subordinate = [_is_subordinate(segment_tags) for segment_tags in tags]
    k = 0
    while k < len(segments):
        if subordinate[k] or FINITE_TAGS.isdisjoint(tags[k]):
            k += 1
            continue
        finite_at = next(j for j, tag in enumerate(tags[k]) if tag in FINITE_TAGS)
        opening = segments[k][1][finite_at]
        closing: int | None = None
        stop = False
        m = k
        while m < len(segments) and not stop:
            brk, seg = segments[m]
            if m > k and (brk in STRONG_BREAKS or subordinate[m]):
                if brk in STRONG_BREAKS:
                    break
                m += 1
                continue
            begin = finite_at + 1 if m == k else 0
            seg_tags = tags[m]
            if m > k and not FINITE_TAGS.isdisjoint(seg_tags[:-1]):
                break  # "…, wir stellen es vor": a new main clause
            last_j = len(seg) - 1
            for j in range(begin, len(seg)):
                position = seg[j]
                if lower[position] in COORDINATORS and not FINITE_TAGS.isdisjoint(
                    seg_tags[j + 1 :]
                ):
                    stop = True  # "… und wir stellen …": a coordinated main clause
                    break
                # _is_closing, inlined: this loop runs over every token of a main clause.
                if seg_tags[j] in CLOSING_TAGS or (
                    j == last_j and column_pos[position] in VERBAL_POS
                ):
                    closing = position
            m += 1
        if closing is not None:
            text, word = columns.text, columns.is_word
            # Positions follow token order: the tokens between are those between the two.
            between = sum(
                word[j] for j in range(opening + 1, closing) if text[j] not in CLAUSE_BREAKS
            )
            brackets.append(
                Bracket(
                    columns.start[opening],
                    columns.end[closing],
                    text[opening],
                    text[closing],
                    between,
                )
            )
        k = max(m, k + 1)
    return brackets
