"""Phrase lists for the plain-text segmenter: loading, normalising, matching.

The lists live in ``blogtext/data/segment/*.tsv`` (see the README there). Every file holds
one boilerplate kind; a row is ``match<TAB>phrase[<TAB>max_words]`` where ``match`` is

* ``line``     – the normalised line equals the phrase,
* ``prefix``   – the normalised line starts with the phrase (at a word boundary),
* ``suffix``   – the normalised line ends with the phrase (at a word boundary),
* ``contains`` – the phrase occurs anywhere (only tried on short lines).

Matching never uses a regex over the phrase list: ``line`` is one dict look-up, ``prefix``
and ``suffix`` look up the first/last few word-boundary cuts of the line in dicts, and
``contains`` is a handful of ``in`` tests. Cost per line is bounded by a constant times
its length, so hostile input (10 MB on one line) stays linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from blogtext.data import read_lines

AREA = "segment"

#: Phrase files in priority order: when two files list the same phrase, the earlier wins.
PHRASE_FILES: tuple[tuple[str, str], ...] = (
    ("comment_heading.tsv", "comment-heading"),
    ("review_heading.tsv", "comment-heading"),
    ("comment_form.tsv", "comment-form"),
    ("reply_link.tsv", "reply-link"),
    ("comment_meta.tsv", "comment-meta"),
    ("pingback.tsv", "pingback"),
    ("share_button.tsv", "share-button"),
    ("related_posts.tsv", "related-posts"),
    ("tags.tsv", "tags"),
    ("author_box.tsv", "author-box"),
    ("cookie_notice.tsv", "cookie-notice"),
    ("newsletter.tsv", "newsletter"),
    ("advertising.tsv", "advertising"),
    ("navigation.tsv", "navigation"),
    ("byline.tsv", "byline"),
    ("footer.tsv", "footer"),
    ("sidebar.tsv", "sidebar"),
)

#: Lines longer than this are never furniture; skipping them keeps matching cheap.
MAX_PHRASE_LINE = 600
#: How many word-boundary cuts of a line are tried as prefix/suffix keys.
MAX_CUTS = 12

# Leading list/decoration marks stripped before matching: bullets of browser copies (•),
# w3m (□ ◦ ▪), arrows of post navigation, "±" toggles, numbering "1." of w3m lists.
_LEAD_MARKS = "•◦▪▫□■‣●○·∙→←»«›‹±|*-–—>~#✓✔☐☑"
_TRAIL_MARKS = " :.…!?»«›‹→←↓↑|*-–—>)]([ \u00a0"
# A run of digits (bounded: page numbers, counts, years). No nested quantifier.
_DIGITS = re.compile(r"\d{1,12}")
_ANY_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class PhraseRule:
    """One row of a phrase file."""

    kind: str
    match: str
    phrase: str
    max_words: int | None = None
    source: str = ""  # the phrase file, e.g. "review_heading.tsv"


@dataclass(frozen=True)
class PhraseIndex:
    """All phrase rules, indexed for constant-time look-ups per word cut."""

    line: dict[str, PhraseRule]
    prefix: dict[str, PhraseRule]
    suffix: dict[str, PhraseRule]
    contains: tuple[PhraseRule, ...]
    #: First words of the ``prefix`` keys: a line whose first word is not among them
    #: cannot match a prefix at any cut, which spares the cut loop on most lines.
    prefix_heads: frozenset[str]


@cache
def number_words() -> dict[str, int]:
    """Number words ("ein", "zwanzig", "one") → value."""
    words: dict[str, int] = {}
    for row in read_lines(AREA, "number_words.tsv"):
        word, value = row.split("\t")
        words[word.strip()] = int(value)
    return words


@cache
def month_names() -> dict[str, int]:
    """Month names and abbreviations → month number; weekdays map to 0."""
    names: dict[str, int] = {}
    for row in read_lines(AREA, "months.tsv"):
        name, value = row.split("\t")
        names[name.strip()] = 0 if value.strip() == "weekday" else int(value)
    return names


@cache
def comment_verbs() -> frozenset[str]:
    """Verbs after a commenter's name ("sagt", "says")."""
    return frozenset(w.strip() for w in read_lines(AREA, "comment_verbs.tsv"))


@cache
def greetings() -> frozenset[str]:
    """Closing greetings that precede a signature ("lg", "liebe grüße")."""
    return frozenset(w.strip() for w in read_lines(AREA, "greetings.tsv"))


@cache
def rating_words() -> frozenset[str]:
    """Words of a rating line besides its numbers ("Bewertungen", "Sterne", "out of")."""
    return frozenset(w.strip() for w in read_lines(AREA, "rating_words.txt"))


@cache
def share_label_set() -> frozenset[str]:
    """The click-to-tweet labels, case-folded."""
    return frozenset(label.casefold() for label in share_labels())


@cache
def share_labels() -> tuple[str, ...]:
    """Click-to-tweet labels, longest first so "Click To Tweet" wins over "Tweet"."""
    labels = {w.strip() for w in read_lines(AREA, "share_labels.txt")}
    return tuple(sorted(labels, key=lambda s: (-len(s), s)))


@cache
def phrase_index() -> PhraseIndex:
    """Load every phrase file into one index (earlier files win on duplicates)."""
    line: dict[str, PhraseRule] = {}
    prefix: dict[str, PhraseRule] = {}
    suffix: dict[str, PhraseRule] = {}
    contains: list[PhraseRule] = []
    for name, kind in PHRASE_FILES:
        for row in read_lines(AREA, name):
            cols = row.split("\t")
            match, phrase = cols[0].strip(), normalize(cols[1])
            max_words = int(cols[2]) if len(cols) > 2 and cols[2].strip() else None
            rule = PhraseRule(kind, match, phrase, max_words, name)
            table = {"line": line, "prefix": prefix, "suffix": suffix}.get(match)
            if table is not None:
                table.setdefault(phrase, rule)
            elif match == "contains":
                contains.append(rule)
            else:  # pragma: no cover - guarded by the data test
                raise ValueError(f"{name}: unknown match type {match!r}")
    heads = frozenset(phrase.split(" ")[0] for phrase in prefix)
    return PhraseIndex(line, prefix, suffix, tuple(contains), heads)


def normalize(text: str) -> str:
    """Case-folded line with marks, numbers and spacing made uniform for matching.

    Leading bullets/arrows and trailing colons/ellipses go, every digit run becomes ``{n}``
    (so "35 Comments" and "2 Kommentare" meet "{n} comments"), a leading number word
    ("Ein Kommentar zu") becomes ``{n}`` too, and a count glued to a word ("52Comments")
    is split off.
    """
    if len(text) > MAX_PHRASE_LINE:
        text = text[:MAX_PHRASE_LINE]
    text = text.strip().lstrip(_LEAD_MARKS).strip()
    # w3m numbers ordered lists " 1. Name sagt:" – drop a leading "12." list number.
    head = text[:4]
    dot = head.find(". ")
    if 0 < dot <= 2 and head[:dot].isdigit():
        text = text[dot + 2 :]
    text = text.rstrip(_TRAIL_MARKS).casefold()
    # str.split() and the regex ``\s`` agree on what whitespace is, and split-join is
    # the cheaper way to collapse runs and strip the ends.
    text = " ".join(text.split())
    # Most lines hold no digit, and looking for one is much cheaper than the substitution
    # (for ASCII text ``\d`` is 0-9, so ten ``in`` tests do).
    if text.isascii():
        has_digit = any(digit in text for digit in "0123456789")
    else:
        has_digit = _ANY_DIGIT.search(text) is not None
    if has_digit:
        text = _DIGITS.sub("{n}", text)
    if "{n}" in text:
        # Without a "{n}" every replacement below is a no-op (the text holds no double
        # spaces and no trailing space any more), so most lines skip the ten scans.
        text = text.replace("{n}", " {n} ").replace("  ", " ").replace("( {n}", "({n}").strip()
        text = text.replace("{n} )", "{n})").replace("# {n}", "#{n}").replace("{n} . ", "{n}. ")
        text = text.replace("{n} .", "{n}.").replace("{n} ,", "{n},").replace("{n} :", "{n}:")
        text = text.replace("{n} /", "{n}/").replace("{n} -", "{n}-").replace("{n} %", "{n}%")
        text = text.rstrip()
    first, sep, rest = text.partition(" ")
    if sep and first in number_words():
        text = "{n} " + rest
    return text


def word_count(norm: str) -> int:
    """Words of a normalised line (spaces + 1)."""
    return norm.count(" ") + 1 if norm else 0


def _cuts(norm: str, from_end: bool) -> list[str]:
    """The first (or last) up to MAX_CUTS word-boundary prefixes (suffixes) of ``norm``."""
    cuts: list[str] = []
    if from_end:
        pos = len(norm)
        for _ in range(MAX_CUTS):
            pos = norm.rfind(" ", 0, pos)
            if pos < 0:
                break
            cuts.append(norm[pos + 1 :])
    else:
        pos = 0
        for _ in range(MAX_CUTS):
            pos = norm.find(" ", pos + 1)
            if pos < 0:
                break
            cuts.append(norm[:pos])
    return cuts


def match_phrase(norm: str) -> PhraseRule | None:
    """The phrase rule a normalised line matches, or ``None``."""
    if not norm or len(norm) >= MAX_PHRASE_LINE:
        return None
    index = phrase_index()
    rule = index.line.get(norm)
    if rule is not None:
        return rule
    words = word_count(norm)
    # Every cut (and every cut stripped of its trailing marks) starts with the line's
    # first word, or is that word stripped; without a key starting so, no cut can match.
    head = norm.split(" ", 1)[0]
    heads = index.prefix_heads
    if head in heads or head.rstrip(":,.;!?") in heads:
        for cut in _cuts(norm, from_end=False):
            rule = index.prefix.get(cut) or index.prefix.get(cut.rstrip(":,.;!?"))
            if rule is not None and (rule.max_words is None or words <= rule.max_words):
                return rule
    # A prefix phrase may also be the whole line ("Tags: a, b" normalises to "tags: a, b").
    rule = index.prefix.get(norm)
    if rule is not None and (rule.max_words is None or words <= rule.max_words):
        return rule
    for cut in _cuts(norm, from_end=True) if index.suffix else ():
        rule = index.suffix.get(cut)
        if rule is not None and (rule.max_words is None or words <= rule.max_words):
            return rule
    # "Kategorie:Fashion", "Schlagwörter:Natur" – a label glued to its value by a colon.
    colon = norm.find(":", 0, 30)
    if colon > 0:
        rule = index.prefix.get(norm[:colon])
        if rule is not None and (rule.max_words is None or words <= rule.max_words):
            return rule
    # Share buttons with their counter glued on: "Pinterest192.0K", "Facebook764".
    count = norm.find(" {n}")
    if count > 0 and " " not in norm[:count] and word_count(norm) <= 4:
        rule = index.line.get(norm[:count])
        if rule is not None and rule.kind == "share-button":
            return rule
    if len(norm) <= 300:
        for rule in index.contains:
            if rule.phrase in norm and (rule.max_words is None or words <= rule.max_words):
                return rule
    return None
