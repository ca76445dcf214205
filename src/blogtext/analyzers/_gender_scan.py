"""Cheap scans for the gender analysis's regular expressions over the raw text.

Most gender patterns start on a word boundary (``\\b``). That gives the regex engine nothing
to skip ahead to, so ``pattern.finditer(text)`` starts a match attempt at every character of
the text. Each pattern also contains a rare, literal part – the ":" of "Kund:innen", the
"," of "jeder, der", the "eine" of "der eine oder andere" – which a literal regex finds by a
fast scan, and from whose offset the only possible start of a match follows by walking back
over letters or spaces. :func:`finditer_at` then tries the pattern at those candidate starts
only.

For data-file patterns that cannot be taken apart by hand (the Generalklausel patterns),
:func:`required_substrings` reads the words every match contains from the pattern itself, and
:func:`fold_case` lower-cases the text so that those words can be looked for with ``in``.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from typing import Any

# The re module's own parser (see required_substrings). It is internal to CPython: should a
# later Python move it, the patterns are simply searched without the substring test.
try:
    from re import _constants as _codes
    from re import _parser
except ImportError:  # pragma: no cover - depends on the Python version
    _codes = _parser = None  # type: ignore[assignment]

_REPEATS = (
    () if _codes is None else (_codes.MAX_REPEAT, _codes.MIN_REPEAT, _codes.POSSESSIVE_REPEAT)
)
#: Any letter (the ``[^\W\d_]`` of the patterns), zero or more of them.
_LETTERS = re.compile(r"[^\W\d_]*")
#: The lower-case letters of the patterns' ``[a-zäöüß]``, zero or more of them.
_LOWER = re.compile(r"[a-zäöüß]*")
#: Any whitespace (the ``\s`` of the patterns), zero or more of them.
_SPACES = re.compile(r"\s*")


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``, trying a match only at the given candidate starts.

    ``finditer`` tries ``pattern.match(text, pos)`` at each ``pos`` from left to right and
    continues after the end of each match; a try at ``pos`` sees the characters before
    ``pos`` too (``\\b`` and lookbehinds do), so it does not depend on where the scan began.
    The result is therefore the same whenever ``starts`` contains every position at which
    ``pattern.match(text, pos)`` succeeds; other positions only cost a failed try. The
    patterns used with this never match the empty string.
    """
    found: list[re.Match[str]] = []
    end = 0
    for start in sorted(set(starts)):
        if start < end or start < 0:
            continue
        match = pattern.match(text, start)
        if match is not None:
            found.append(match)
            end = match.end()
    return found


def find_all(text: str, word: str) -> list[int]:
    """Every offset at which ``word`` occurs in ``text`` (overlapping occurrences included)."""
    found: list[int] = []
    at = text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


class Backward:
    """Walks back from an offset of ``text`` over a run of letters, lower-case letters or spaces.

    Runs the same character classes as the patterns over the reversed text, so a "letter", a
    "lower-case letter" or a "space" here is exactly what ``[^\\W\\d_]``, ``[a-zäöüß]`` or
    ``\\s`` is there.
    """

    def __init__(self, text: str) -> None:
        self._reversed = text[::-1]
        self._length = len(text)

    def letters_before(self, end: int) -> int:
        """Start of the longest run of letters that ends at ``end`` (``end`` if none)."""
        return self._run_start(_LETTERS, end)

    def lower_before(self, end: int) -> int:
        """Start of the longest run of ``[a-zäöüß]`` that ends at ``end`` (``end`` if none)."""
        return self._run_start(_LOWER, end)

    def spaces_before(self, end: int) -> int:
        """Start of the longest run of whitespace that ends at ``end`` (``end`` if none)."""
        return self._run_start(_SPACES, end)

    def _run_start(self, run: re.Pattern[str], end: int) -> int:
        if end <= 0:
            return end
        # text[end - 1] is reversed[length - end]; the run is as long both ways.
        at = self._length - end
        match = run.match(self._reversed, at)
        return end - (match.end() - at) if match is not None else end


# --- Required substrings of a case-insensitive pattern -------------------------------------

#: Characters a required substring may consist of. For each of them, every character that
#: ``re.IGNORECASE`` lets match it becomes exactly that character under :func:`fold_case`
#: (tests/gender/test_gender_scan.py checks this for every code point). Other characters end a
#: required substring, which only makes the test weaker, never wrong.
FOLDABLE = frozenset(string.ascii_lowercase + string.digits + "äöüß" + string.punctuation + " ")
#: The characters ``str.lower`` does not map to the character ``re.IGNORECASE`` matches them
#: to: "İ" lowers to "i" plus U+0307 (a combining dot), and re also lets "ı" match "i" and "ſ"
#: match "s". Dropping U+0307 only ever joins neighbours, so it can add a substring, never hide one.
_FOLD_FIXES = (("\u0307", ""), ("ı", "i"), ("ſ", "s"))


def fold_case(text: str) -> str:
    """``text`` lower-cased so that a :func:`required_substrings` word can be tested with ``in``.

    Character by character: each character that ``re.IGNORECASE`` matches to a character of
    :data:`FOLDABLE` becomes that character (e.g. "Ä" → "ä", "K" (Kelvin) → "k", "ſ" → "s").
    """
    folded = text.lower()
    for char, replacement in _FOLD_FIXES:
        if char in folded:
            folded = folded.replace(char, replacement)
    return folded


def required_substrings(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Groups of words one of which every match of ``pattern`` contains, as folded text.

    A match can only exist when, for every group, ``fold_case(text)`` contains one of the
    group's words. The words are runs of literal characters in the pattern as the re module
    parses it; a branch contributes a group with one word from each alternative (when every
    alternative has one), a repeat only when it must occur at least once. Everything else –
    classes, optional parts, lookarounds – contributes nothing, so an unusual pattern gets a
    weaker test (at worst none), never a wrong one.
    """
    if _parser is None:
        return ()
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        return tuple(dict.fromkeys(_required(parsed)))
    except Exception:  # an internal API that changed shape: no test rather than a wrong one
        return ()


def _required(items: Iterable[tuple[Any, Any]]) -> list[frozenset[str]]:
    """The groups a sequence of parsed items requires (see :func:`required_substrings`)."""
    groups: list[frozenset[str]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            groups.append(frozenset(("".join(run),)))
            run.clear()

    for op, value in items:
        if op is _codes.LITERAL:
            char = chr(value).lower()
            if len(char) == 1 and char in FOLDABLE:
                run.append(char)
                continue
        end_run()
        if op is _codes.SUBPATTERN:  # (group, add flags, del flags, items)
            groups += _required(value[-1])
        elif op is _codes.ATOMIC_GROUP:
            groups += _required(value)
        elif op in _REPEATS:  # (min, max, items)
            if value[0] >= 1:
                groups += _required(value[2])
        elif op is _codes.BRANCH:  # (None, alternatives)
            group = _branch_group(value[1])
            if group:
                groups.append(group)
    end_run()
    return groups


def _branch_group(alternatives: list[Any]) -> frozenset[str] | None:
    """One word per alternative (its longest required one), or ``None`` if one has none."""
    words = []
    for alternative in alternatives:
        singles = [next(iter(g)) for g in _required(alternative) if len(g) == 1]
        if not singles:
            return None
        words.append(max(singles, key=len))
    return frozenset(words)
