"""Split German compounds against the nouns of the same post.

"Kooperationsvertrag" supports the theme "Kooperation" (modifier, linking -s-) and
"Kundenbindung" supports "Kunde" (linking -n-) and "Bindung" (head) — but only when those
words occur in the post on their own. Splitting against the post's own vocabulary instead of a
dictionary keeps false splits rare ("Beamer" is not "Bea" + "mer") and needs no data file.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from blogtext.analyzers._themes_normalize import WORD_CACHE_SIZE

#: Linking elements (Fugenelemente) between modifier and head, longest first. "-e-" and the
#: dropped "-e" (Schule → Schulbuch) are left out: they add false splits for little gain.
LINKING_ELEMENTS = ("es", "en", "s", "n", "")
#: A part must have at least this many letters; three-letter words ("Rat", "Tor", "Amt")
#: end far too many unrelated compounds.
MIN_PART = 4
#: The rest of the compound next to a matched part must be at least this long.
MIN_REST = 3


def fold_vocabulary(vocabulary: Iterable[str]) -> dict[str, str]:
    """Case-folded form → spelling of the vocabulary words long enough to be compound parts.

    Build it once per post and pass it to :func:`compound_parts` for every word. Every
    case-folded form has at least MIN_PART letters (case folding never shortens a word).
    """
    return {v.casefold(): v for v in vocabulary if len(v) >= MIN_PART}


def compound_parts(
    word: str, vocabulary: Iterable[str], folded: dict[str, str] | None = None
) -> list[tuple[str, str]]:
    """Parts of ``word`` that are words of ``vocabulary``, as (part, role) pairs.

    Args:
        word: A noun lemma ("Kooperationsvertrag"); compared case-insensitively.
        vocabulary: Noun lemmas of the post.
        folded: ``fold_vocabulary(vocabulary)``, when already built.

    Returns:
        At most one ``"modifier"`` (the longest matching first part) and one ``"head"`` (the
        longest matching last part), each as the vocabulary's spelling. Hyphenated compounds
        ("Newsletter-Anbieter") are split at the hyphens first.
    """
    if folded is None:
        folded = fold_vocabulary(vocabulary)
    lower = word.casefold()
    if "-" in lower.strip("-"):
        return _hyphenated(lower, folded)
    parts: list[tuple[str, str]] = []
    modifier = _longest_modifier(lower, folded)
    if modifier:
        parts.append((folded[modifier], "modifier"))
    head = _longest_head(lower, folded)
    if head:
        parts.append((folded[head], "head"))
    return parts


class CompoundSplitter:
    """:func:`compound_parts` against one post's vocabulary, for every noun of the post."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._vocabulary = list(vocabulary)
        self._folded = fold_vocabulary(self._vocabulary)
        # The folded words as a set: a set tests ``isdisjoint`` with another set by walking
        # the smaller one (a dict's keys would be walked whole).
        self._words = set(self._folded)

    def parts(self, word: str) -> list[tuple[str, str]]:
        """``compound_parts(word, vocabulary)``."""
        lower = word.casefold()
        if "-" not in lower and _part_candidates(lower).isdisjoint(self._words):
            # The usual case. Without a hyphen the parts are a modifier and a head found
            # among these prefixes and suffixes; none is a word of the post.
            return []
        return compound_parts(word, self._vocabulary, self._folded)


def _hyphenated(lower: str, folded: dict[str, str]) -> list[tuple[str, str]]:
    pieces = [p for p in lower.split("-") if p]
    parts: list[tuple[str, str]] = []
    first, last = pieces[0], pieces[-1]
    if first in folded and first != lower:
        parts.append((folded[first], "modifier"))
    if last in folded and last != lower:
        parts.append((folded[last], "head"))
    elif len(pieces) > 1:
        # "Kunden-Newsletter": the head may itself be a plain compound.
        head = _longest_head(last, folded) if len(last) > MIN_PART else None
        if head:
            parts.append((folded[head], "head"))
    return parts


def _longest_modifier(lower: str, folded: dict[str, str]) -> str | None:
    # The vocabulary word that starts ``lower`` is one of its prefixes: look the prefixes up,
    # longest first, instead of testing every word of the post.
    return next(filter(folded.__contains__, _modifier_candidates(lower)), None)


def _longest_head(lower: str, folded: dict[str, str]) -> str | None:
    # Likewise for the suffixes, longest first.
    return next(filter(folded.__contains__, _head_candidates(lower)), None)


@lru_cache(maxsize=WORD_CACHE_SIZE)  # pure, and a post's nouns recur in the next posts
def _modifier_candidates(lower: str) -> tuple[str, ...]:
    """The prefixes of ``lower`` that can be its modifier, longest first.

    A prefix followed by a linking element must leave MIN_REST letters, and must have
    MIN_PART letters to be a word of a vocabulary folded by :func:`fold_vocabulary`.
    """
    return tuple(
        lower[:size]
        for size in range(len(lower) - 1, MIN_PART - 1, -1)
        if any(
            lower.startswith(link, size) and len(lower) - size - len(link) >= MIN_REST
            for link in LINKING_ELEMENTS
        )
    )


@lru_cache(maxsize=WORD_CACHE_SIZE)  # pure, and a post's nouns recur in the next posts
def _head_candidates(lower: str) -> tuple[str, ...]:
    """The suffixes of ``lower`` that can be its head, longest first: MIN_REST letters in
    front, and MIN_PART letters or more (see :func:`_modifier_candidates`)."""
    return tuple(lower[start:] for start in range(MIN_REST, len(lower) - MIN_PART + 1))


@lru_cache(maxsize=WORD_CACHE_SIZE)  # pure, and a post's nouns recur in the next posts
def _part_candidates(lower: str) -> frozenset[str]:
    """Every prefix and suffix of ``lower`` that can be a modifier or a head."""
    return frozenset((*_modifier_candidates(lower), *_head_candidates(lower)))
