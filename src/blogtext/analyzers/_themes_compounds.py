"""Split German compounds against the nouns of the same post.

"Kooperationsvertrag" supports the theme "Kooperation" (modifier, linking -s-) and
"Kundenbindung" supports "Kunde" (linking -n-) and "Bindung" (head) — but only when those
words occur in the post on their own. Splitting against the post's own vocabulary instead of a
dictionary keeps false splits rare ("Beamer" is not "Bea" + "mer") and needs no data file.
"""

from __future__ import annotations

from collections.abc import Iterable

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

    Build it once per post and pass it to :func:`compound_parts` for every word.
    """
    return {v.casefold(): v for v in vocabulary if len(v) >= MIN_PART}


def compound_parts(
    word: str, vocabulary: Iterable[str], folded: dict[str, str] | None = None
) -> list[tuple[str, str]]:
    """Parts of ``word`` that are words of ``vocabulary``, as (part, role) pairs.

    Args:
        word: A noun lemma ("Kooperationsvertrag"); compared case-insensitively.
        vocabulary: Noun lemmas of the post.

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
    for size in range(len(lower) - 1, 0, -1):
        part = lower[:size]
        if part not in folded:
            continue
        for link in LINKING_ELEMENTS:
            if lower.startswith(link, size) and len(lower) - size - len(link) >= MIN_REST:
                return part
    return None


def _longest_head(lower: str, folded: dict[str, str]) -> str | None:
    # Likewise for the suffixes, longest first; the rest in front must be MIN_REST letters.
    for start in range(MIN_REST, len(lower)):
        part = lower[start:]
        if part in folded:
            return part
    return None
