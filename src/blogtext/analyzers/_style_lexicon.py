"""Word and phrase lists of the style analysis, loaded once from ``blogtext/data/style/``.

The lists are data, not code (STYLE.md §3: lexical rules are data plus a few rule kinds), so a
missing Füllwort or Floskel is added with one line; see the folder's README for the formats.
:class:`PhraseIndex` matches single words and multi-word phrases over a token sequence in one
pass without regular expressions, so no input can make matching slow.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress

from blogtext.data import read_lines, read_tsv

AREA = "style"


@dataclass(frozen=True)
class Entry:
    """One list entry: the phrase as written (lower case) and its hint or alternatives."""

    phrase: str
    hint: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.phrase.split())


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """A match over tokens ``first`` … ``last`` (inclusive indices into the token list)."""

    first: int
    last: int
    entry: Entry


class PhraseIndex:
    """Single words and phrases, looked up by their first word (case-insensitive).

    Matching tries, at every token, the longest phrase that starts with that token's
    lower-cased text; matches do not overlap. Cost is linear in the number of tokens times the
    number of phrases sharing a first word (a handful).
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        for entry in entries:
            for words in _variants(entry.words):
                self._by_first.setdefault(words[0], []).append((words, entry))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda item: -len(item[0]))

    def __len__(self) -> int:
        return len(self._by_first)

    def __contains__(self, word: str) -> bool:
        return any(len(w) == 1 for w, _ in self._by_first.get(word.casefold(), ()))

    def get(self, word: str) -> Entry | None:
        """The single-word entry for ``word``, if any."""
        for words, entry in self._by_first.get(word.casefold(), ()):
            if len(words) == 1:
                return entry
        return None

    def find(self, words: Sequence[str]) -> list[PhraseMatch]:
        """Non-overlapping matches in ``words`` (token texts), left to right, longest first."""
        return self.find_folded([w.casefold() for w in words])

    def starts(self, folded: Sequence[str]) -> list[int]:
        """Positions in ``folded`` (case-folded token texts) whose word begins an entry."""
        return list(compress(range(len(folded)), map(self._by_first.__contains__, folded)))

    def find_folded(self, folded: Sequence[str]) -> list[PhraseMatch]:
        """:meth:`find` over token texts that are already case-folded."""
        by_first = self._by_first
        matches: list[PhraseMatch] = []
        free = 0  # first token not inside a match
        for i, word in enumerate(folded):
            if i < free or word not in by_first:
                continue
            for phrase, entry in by_first[word]:
                n = len(phrase)
                if tuple(folded[i : i + n]) == phrase:
                    matches.append(PhraseMatch(i, i + n - 1, entry))
                    free = i + n
                    break
        return matches

    def find_at(
        self, folded: Sequence[str], starts: Sequence[int], first: int, last: int
    ) -> list[PhraseMatch]:
        """:meth:`find_folded` of ``folded[first:last]``, tried only at ``starts``.

        ``starts`` are the positions in ``[first, last)`` whose word begins an entry, in order
        (:meth:`starts`); every other position is skipped by :meth:`find_folded` anyway. Match
        positions are relative to ``first``, and no match runs past ``last``.
        """
        by_first = self._by_first
        matches: list[PhraseMatch] = []
        free = first  # first position not inside a match
        for i in starts:
            if i < free:
                continue
            for phrase, entry in by_first[folded[i]]:
                n = len(phrase)
                if i + n <= last and tuple(folded[i : i + n]) == phrase:
                    matches.append(PhraseMatch(i - first, i - first + n - 1, entry))
                    free = i + n
                    break
        return matches


def _variants(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Token sequences an entry can appear as: "z. b." is also the single token "z.b."."""
    variants = [words]
    if len(words) > 1 and all(w.endswith(".") for w in words):
        variants.append(("".join(words),))
    # spaCy splits a trailing comma off ("dass," never occurs as one token).
    cleaned = tuple(w.rstrip(",") for w in words)
    if cleaned != words:
        variants.append(tuple(w for w in cleaned if w))
    return variants


def _entries_tsv(name: str) -> list[Entry]:
    return [
        Entry(row[0].strip().casefold(), row[1].strip() if len(row) > 1 else "")
        for row in read_tsv(AREA, name)
    ]


def _entries_list(name: str) -> list[Entry]:
    return [Entry(line.strip().casefold()) for line in read_lines(AREA, name)]


@cache
def transition_words() -> tuple[Entry, ...]:
    """Transition words and phrases (``transition_words.txt``)."""
    return tuple(_entries_list("transition_words.txt"))


@cache
def fillers() -> tuple[Entry, ...]:
    """Füllwörter with a hint (``fuellwoerter.tsv``)."""
    return tuple(_entries_tsv("fuellwoerter.tsv"))


@cache
def empty_phrases() -> tuple[Entry, ...]:
    """Floskeln with a suggestion (``floskeln.tsv``)."""
    return tuple(_entries_tsv("floskeln.tsv"))


@cache
def anglicisms() -> tuple[Entry, ...]:
    """Anglizismen with German alternatives (``anglizismen.tsv``)."""
    return tuple(_entries_tsv("anglizismen.tsv"))


@cache
def modal_verb_forms() -> frozenset[str]:
    """Finite and infinitive forms of the modal verbs (``modal_verbs.txt``)."""
    return frozenset(e.phrase for e in _entries_list("modal_verbs.txt"))


@cache
def nominal_exceptions() -> frozenset[str]:
    """-ung/-ion/… nouns that are not nominalisations (``nominal_exceptions.txt``)."""
    return frozenset(e.phrase for e in _entries_list("nominal_exceptions.txt"))


@cache
def sein_perfect_verbs() -> tuple[str, ...]:
    """Verbs whose perfect takes "sein" (``sein_perfect_verbs.txt``), longest first."""
    return tuple(
        sorted((e.phrase for e in _entries_list("sein_perfect_verbs.txt")), key=len, reverse=True)
    )


@cache
def compound_heads() -> tuple[str, ...]:
    """Frequent compound heads for split suggestions (``compound_heads.txt``), longest first."""
    return tuple(
        sorted((e.phrase for e in _entries_list("compound_heads.txt")), key=len, reverse=True)
    )


@cache
def transition_index() -> PhraseIndex:
    return PhraseIndex(transition_words())


def index_with_extra(base: Iterable[Entry], extra: Iterable[str], hint: str = "") -> PhraseIndex:
    """An index of ``base`` plus configured extra words ("word" or "word=hint")."""
    entries = list(base)
    for item in extra:
        word, _, extra_hint = str(item).partition("=")
        if word.strip():
            entries.append(Entry(word.strip().casefold(), extra_hint.strip() or hint))
    return PhraseIndex(entries)
