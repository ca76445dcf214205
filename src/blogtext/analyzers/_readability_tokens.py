"""Tokens and words of one block of body text, for the readability counts.

A token is a whitespace-separated chunk ("„Kunden“," or "12,5"), except that an abbreviation
written with inner spaces ("z. B.", "u. v. m.") is merged into one token. A word is a token
(or a slash-separated part of one) that contains a letter: numbers, symbols and punctuation
are not words. See docs/readability.md for the conventions.
"""

from __future__ import annotations

from dataclasses import dataclass

from blogtext.analyzers._readability_lexicon import (
    Abbreviation,
    abbreviation_key,
    abbreviations,
    max_abbreviation_parts,
)
from blogtext.analyzers._syllables import count_syllables

#: Characters that may precede an abbreviation in its token: quotes and opening brackets.
OPENERS = frozenset("„‚“‘”’\"'«»([{<")

#: Gender suffixes after a slash stay with the word ("Kund/innen", "Mitarbeiter/-innen").
GENDER_SUFFIXES = frozenset({"in", "innen", "-in", "-innen"})

#: A word is "long" above this many letters (LIX, Björnsson 1968; WSTF "IW").
LONG_WORD_LETTERS = 6
#: A word is "polysyllabic" from this many syllables on (WSTF "MS").
POLYSYLLABIC_SYLLABLES = 3


@dataclass(frozen=True, slots=True)
class Token:
    """A whitespace-separated chunk of a block (offsets into the block's text)."""

    start: int
    end: int
    text: str
    abbreviation: Abbreviation | None = None

    @property
    def has_alnum(self) -> bool:
        return any(ch.isalnum() for ch in self.text)


@dataclass(frozen=True, slots=True)
class Word:
    """One counted word (offsets into the block's text)."""

    start: int
    end: int
    text: str
    letters: int
    syllables: int
    abbreviation: bool = False

    @property
    def is_long(self) -> bool:
        """More than six letters (LIX "long word", WSTF "IW")."""
        return self.letters > LONG_WORD_LETTERS

    @property
    def is_polysyllabic(self) -> bool:
        """Three or more syllables (WSTF "MS")."""
        return self.syllables >= POLYSYLLABIC_SYLLABLES

    @property
    def is_monosyllabic(self) -> bool:
        """Exactly one syllable (WSTF "ES")."""
        return self.syllables == 1


def split_whitespace(text: str) -> list[Token]:
    """Whitespace-separated chunks with offsets (a linear scan, no regular expression)."""
    tokens: list[Token] = []
    start = -1
    for i, ch in enumerate(text):
        if ch.isspace():
            if start >= 0:
                tokens.append(Token(start, i, text[start:i]))
                start = -1
        elif start < 0:
            start = i
    if start >= 0:
        tokens.append(Token(start, len(text), text[start:]))
    return tokens


def tokenize(text: str) -> list[Token]:
    """Tokens of a block, with abbreviations ("z. B.", "Mio.") merged and marked."""
    raw = split_whitespace(text)
    tokens: list[Token] = []
    i = 0
    while i < len(raw):
        merged = _match_abbreviation(raw, i)
        if merged is None:
            tokens.append(raw[i])
            i += 1
            continue
        entry, parts = merged
        first, last = raw[i], raw[i + parts - 1]
        tokens.append(Token(first.start, last.end, text[first.start : last.end], entry))
        i += parts
    return tokens


def _match_abbreviation(raw: list[Token], i: int) -> tuple[Abbreviation, int] | None:
    """The longest abbreviation starting at token ``i`` and how many tokens it spans."""
    table = abbreviations()
    head = raw[i].text
    lead = 0
    while lead < len(head) and head[lead] in OPENERS:
        lead += 1
    head = head[lead:]
    # Every abbreviation starts with a letter and has a dot in its first part ("z.", "Mio.").
    if not head or not head[0].isalpha() or "." not in head:
        return None
    for parts in range(min(max_abbreviation_parts(), len(raw) - i), 0, -1):
        before_last = head + "".join(t.text for t in raw[i + 1 : i + parts - 1])
        candidate = before_last + (raw[i + parts - 1].text if parts > 1 else "")
        if parts == 1:
            before_last = ""
        dot = candidate.rfind(".")
        # The abbreviation must end inside the last token, and only closing punctuation
        # (",", ")", "“", ":") may follow it there.
        if dot < len(before_last) or any(ch.isalnum() for ch in candidate[dot + 1 :]):
            continue
        entry = table.get(abbreviation_key(candidate[: dot + 1]))
        if entry is not None and parts <= len(entry.text.split()):
            return entry, parts
    return None


def strip_punctuation(text: str) -> tuple[int, int]:
    """Offsets of ``text`` without leading and trailing non-alphanumeric characters."""
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def words_of(token: Token) -> list[Word]:
    """The words in a token: none for numbers and punctuation, one for most tokens.

    A slash separates words ("und/oder" = 2) except before a gender suffix ("Kund/innen").
    """
    if token.abbreviation is not None:
        start, end = strip_punctuation(token.text)
        text = token.text[start:end] + "."
        return [
            Word(
                token.start + start,
                token.start + end + 1,
                text,
                sum(ch.isalpha() for ch in text),
                token.abbreviation.syllables,
                abbreviation=True,
            )
        ]
    start, end = strip_punctuation(token.text)
    core = token.text[start:end]
    if not any(ch.isalpha() for ch in core):
        return []
    pieces: list[tuple[int, int]] = []  # offsets within core
    piece_start = 0
    for j, ch in enumerate(core + "/"):
        if ch != "/":
            continue
        piece = core[piece_start:j]
        if pieces and piece in GENDER_SUFFIXES:
            pieces[-1] = (pieces[-1][0], j)
        else:
            pieces.append((piece_start, j))
        piece_start = j + 1
    words = []
    for a, b in pieces:
        a2, b2 = strip_punctuation(core[a:b])
        text = core[a + a2 : a + b2]
        if any(ch.isalpha() for ch in text):
            offset = token.start + start + a + a2
            words.append(
                Word(
                    offset,
                    offset + len(text),
                    text,
                    sum(ch.isalpha() for ch in text),
                    count_syllables(text),
                )
            )
    return words
