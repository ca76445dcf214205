"""Data tables of the readability counter, loaded once from ``blogtext/data/readability/``.

The tables are data, not code, so a missing abbreviation or loanword is fixed by adding a line
(see the folder's README for formats).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from blogtext.data import read_lines, read_tsv

AREA = "readability"

#: How a full stop after an abbreviation is read when the next word is capitalised:
#: ``never`` – never a sentence end ("z. B. Slack"); ``capital`` – a sentence end ("usw. Der");
#: ``starter`` – a sentence end only if the next word is a typical sentence opener
#: ("12 Mio. Euro" vs "12 Mio. Das").
END_POLICIES = frozenset({"never", "capital", "starter"})

#: Where an entry of the syllable exception table may match inside a word.
WHERE_VALUES = frozenset({"any", "start", "end", "whole"})


@dataclass(frozen=True)
class Abbreviation:
    """One entry of ``abbreviations.tsv``."""

    text: str  # canonical spelling, e.g. "z. B."
    spoken: str  # e.g. "zum Beispiel"
    syllables: int  # syllables of the spoken form
    ends: str  # one of END_POLICIES
    number_follows: bool  # "Nr. 3": the number after it is a cardinal, not an ordinal

    @property
    def key(self) -> str:
        """Lookup key: lower case, without whitespace ("z. B." and "z.B." → "z.b.")."""
        return abbreviation_key(self.text)


def abbreviation_key(text: str) -> str:
    """Normalise an abbreviation as written to its lookup key."""
    return "".join(text.split()).lower()


@cache
def abbreviations() -> dict[str, Abbreviation]:
    """All abbreviations by :func:`abbreviation_key`."""
    table: dict[str, Abbreviation] = {}
    for row in read_tsv(AREA, "abbreviations.tsv"):
        text, spoken, syllables, ends, number_follows = row
        entry = Abbreviation(text, spoken, int(syllables), ends, number_follows == "yes")
        table[entry.key] = entry
    return table


@cache
def max_abbreviation_parts() -> int:
    """The most whitespace-separated parts an abbreviation has ("u. v. m." → 3)."""
    return max(len(a.text.split()) for a in abbreviations().values())


@dataclass(frozen=True)
class SyllableException:
    """One entry of ``syllables.tsv``: a word or word part whose syllables the rules miss."""

    text: str  # lower case letters
    syllables: int
    where: str  # one of WHERE_VALUES


@cache
def syllable_exceptions() -> dict[str, SyllableException]:
    """The syllable exception table by lower-case text."""
    table: dict[str, SyllableException] = {}
    for row in read_tsv(AREA, "syllables.tsv"):
        text, syllables, where = row[0], row[1], row[2]
        table[text] = SyllableException(text, int(syllables), where)
    return table


@cache
def exception_lengths() -> tuple[int, ...]:
    """Distinct entry lengths of the exception table, longest first (for longest match)."""
    return tuple(sorted({len(t) for t in syllable_exceptions()}, reverse=True))


@cache
def sentence_starters() -> frozenset[str]:
    """Capitalised words that typically open a sentence (see ``sentence_starters.txt``)."""
    return frozenset(read_lines(AREA, "sentence_starters.txt"))
