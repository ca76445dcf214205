"""Sentence splitting for German body text, following docs/readability.md.

Every block (title, heading, paragraph, list item, quote) closes a sentence. Inside a block a
sentence ends after ".", "!", "?" or an ellipsis (closing quotes and brackets may follow,
as in ``.“``) when the next word starts with a capital letter or a digit – except:

- after an abbreviation from ``abbreviations.tsv`` ("z. B. Slack"), unless its policy says
  otherwise ("usw. Der" ends; "12 Mio. Das" ends, "12 Mio. Euro" does not);
- after an ordinal or a date ("am 8. April", "im 2. Quartal", "am 8.4. Die") unless the next
  word is a typical sentence opener ("Platz 3. Danach …"); after "Nr." the number is a cardinal;
- after an initial ("Peter M. Huber");
- after an ellipsis, unless the next word is a typical sentence opener ("eben … Geduld" is
  one sentence, "drucken … Am Ende" two);
- after editorial marks in brackets ("(!)", "[…]").

A colon or semicolon never ends a sentence. A stretch without any word (only numbers or
punctuation) is not a sentence; every other sentence counts, however short.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from blogtext.analyzers._readability_lexicon import sentence_starters
from blogtext.analyzers._readability_tokens import (
    LONG_WORD_LETTERS,
    POLYSYLLABIC_SYLLABLES,
    Token,
    Word,
    strip_punctuation,
    tokenize,
    words_of,
)

TERMINALS = frozenset(".!?…")
#: Closing quotes and brackets that may follow the end mark ("…geholfen.“", "(siehe oben.)").
CLOSERS = frozenset("“”\"'’‘»«)]}>")
ORDINAL_MAX_DIGITS = 3


@dataclass(frozen=True)
class Sentence:
    """A sentence of the body: offsets into ``BodyText.text`` and the words it contains.

    Attributes:
        index: 0-based position among the body's sentences.
        block: Index of the block (paragraph, heading, …) the sentence belongs to.
        start: Offset of the first character (inclusive) in ``BodyText.text``.
        end: Offset after the last character (exclusive).
        text: ``BodyText.text[start:end]``.
        words: The counted words, with offsets into ``BodyText.text``.
        line: 1-based input line of ``start``.
        column: 1-based input column of ``start``.
    """

    index: int
    block: int
    start: int
    end: int
    text: str
    words: tuple[Word, ...]
    line: int = 1
    column: int = 1

    @property
    def word_count(self) -> int:
        return len(self.words)

    @cached_property
    def _counts(self) -> tuple[int, int, int, int, int]:
        """(syllables, letters, long, polysyllabic, monosyllabic words), counted in one pass.

        Readability, its paragraph stats, the rules and the report all read these; the words
        never change, so they are counted once per sentence.
        """
        syllables = letters = long = polysyllabic = monosyllabic = 0
        for word in self.words:
            syllables += word.syllables
            letters += word.letters
            long += word.letters > LONG_WORD_LETTERS
            polysyllabic += word.syllables >= POLYSYLLABIC_SYLLABLES
            monosyllabic += word.syllables == 1
        return syllables, letters, long, polysyllabic, monosyllabic

    @property
    def syllables(self) -> int:
        return self._counts[0]

    @property
    def letters(self) -> int:
        return self._counts[1]

    @property
    def long_words(self) -> int:
        """Words with more than six letters."""
        return self._counts[2]

    @property
    def polysyllabic_words(self) -> int:
        """Words with three or more syllables."""
        return self._counts[3]

    @property
    def monosyllabic_words(self) -> int:
        """Words with one syllable."""
        return self._counts[4]


def split_block(text: str) -> list[tuple[int, int, list[Word]]]:
    """Sentences of one block as (start, end, words), offsets into ``text``.

    Only sentences with at least one word are returned.
    """
    tokens = tokenize(text)
    # For each token, the next token that contains a letter or digit (computed once, from
    # the right, so a long block stays linear).
    following: list[Token | None] = [None] * len(tokens)
    for i in range(len(tokens) - 2, -1, -1):
        after = tokens[i + 1]
        following[i] = after if after.has_alnum else following[i + 1]
    result: list[tuple[int, int, list[Word]]] = []
    group_start = 0
    for i in range(len(tokens)):
        if i + 1 < len(tokens) and not _ends_sentence(tokens, i, following[i]):
            continue
        group = tokens[group_start : i + 1]
        group_start = i + 1
        words = [w for t in group for w in words_of(t)]
        if words:
            result.append((group[0].start, group[-1].end, words))
    return result


def shift_words(words: list[Word], offset: int) -> tuple[Word, ...]:
    """The words with their offsets moved by ``offset`` (block → body offsets)."""
    # Built directly: ``dataclasses.replace`` is several times slower, for every word.
    return tuple(
        Word(w.start + offset, w.end + offset, w.text, w.letters, w.syllables, w.abbreviation)
        for w in words
    )


def _ends_sentence(tokens: list[Token], i: int, following: Token | None) -> bool:
    """Whether the sentence ends after token ``i`` (which is not the last of its block).

    ``following`` is the next token with a letter or digit, if any.
    """
    token = tokens[i]
    body = token.text
    while body and body[-1] in CLOSERS:
        body = body[:-1]
    if not body or body[-1] not in TERMINALS:
        return False
    if body[0] in "([" and not token.has_alnum:
        return False  # editorial marks: "(!)", "[…]", "(?)"
    if following is None:
        return False  # only punctuation follows: it belongs to this sentence
    a, b = strip_punctuation(following.text)
    next_word = following.text[a:b]
    opens = next_word[0].isupper() or next_word[0].isdigit()
    if not opens:
        return False
    is_starter = next_word in sentence_starters() or (
        following.abbreviation is not None
        and following.text[a:].rstrip(",;:") in sentence_starters()
    )
    if body.endswith("…") or body.endswith("..."):
        return is_starter
    if body[-1] in "!?":
        return True
    if token.abbreviation is not None:
        policy = token.abbreviation.ends
        return policy == "capital" or (policy == "starter" and is_starter)
    stem = body[:-1]
    start, _ = strip_punctuation(stem)
    stem = stem[start:]
    if len(stem) == 1 and stem.isalpha() and stem.isupper():
        return False  # an initial: "Peter M. Huber"
    if _is_ordinal(stem) and not _after_number_abbreviation(tokens, i):
        return is_starter and not next_word[0].isdigit()
    return True


def _is_ordinal(stem: str) -> bool:
    """Digits before a full stop read as an ordinal or date: "3", "15", "8.4" (not "2017")."""
    if not stem or not stem[0].isdigit() or not stem[-1].isdigit():
        return False
    parts = stem.split(".")
    return all(p.isdigit() and len(p) <= ORDINAL_MAX_DIGITS for p in parts if p) and (
        len(parts) > 1 or len(stem) <= ORDINAL_MAX_DIGITS
    )


def _after_number_abbreviation(tokens: list[Token], i: int) -> bool:
    """Whether the number at token ``i`` follows "Nr.", "Abb.", "Kap." … (a cardinal)."""
    if i == 0:
        return False
    entry = tokens[i - 1].abbreviation
    return entry is not None and entry.number_follows
