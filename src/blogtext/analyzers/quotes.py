"""Share-quote metrics: does a click-to-tweet quote fit a post on X, does it repeat the body,
and which quotes does a blog reuse across posts.

The segmenters find the quotes (``Segments.share_quotes``, labels from
``data/segment/share_labels.txt``); this module only measures them. Everything is pure string
work over :class:`~blogtext.model.ShareQuote` and the body blocks — no spaCy needed.

Length as X counts it (twitter-text, configuration v3, the one X uses since 2017): every code
point in the ranges below weighs 1, every other (CJK, emoji) weighs 2, and any link counts 23
whatever its length. A shared quote is posted as ``<quote>[ via @handle] <post URL>`` (Better
Click To Tweet's order), so it fits when ``weighted(quote) + len(" via @handle") + 1 + 23``
is at most 280.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from blogtext.model import Block, ShareQuote

__all__ = [
    "LINK_LENGTH",
    "POST_LIMIT",
    "QuoteMetrics",
    "QuoteOptions",
    "ReusedQuote",
    "analyze_quote",
    "analyze_quotes",
    "normalise",
    "reused_quotes",
    "weighted_length",
]

#: Maximum weighted length of a post on X.
POST_LIMIT = 280
#: X shortens every link to t.co and counts it as 23 characters.
LINK_LENGTH = 23
#: Code point ranges that weigh 1 (twitter-text v3 ``ranges``); everything else weighs 2.
_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
#: A body sentence shorter than this many words is not compared on its own ("Warum?"):
#: short questions recur by chance and are not what "repeats the body" is about.
MIN_SENTENCE_WORDS = 5
_HANDLE = re.compile(r"@?[A-Za-z0-9_]{1,15}")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'“”»«)]*\s+(?=[\"'„“»«(]*[A-ZÄÖÜ0-9])")
_PUNCT_MAP = str.maketrans(
    {
        "„": '"',
        "“": '"',
        "”": '"',
        "»": '"',
        "«": '"',
        "‚": "'",
        "‘": "'",
        "’": "'",
        "–": "-",
        "—": "-",
        "\u00a0": " ",
    }
)


@dataclass(frozen=True)
class QuoteOptions:
    """How quotes are measured.

    Attributes:
        via: X handle added as ``via @handle`` by the share plugin (with or without ``@``);
            ``None`` when the plugin adds none.
        limit: Maximum weighted post length.
        link_length: Weighted length of the post URL.
    """

    via: str | None = None
    limit: int = POST_LIMIT
    link_length: int = LINK_LENGTH

    def __post_init__(self) -> None:
        if self.via is not None and not _HANDLE.fullmatch(self.via):
            raise ValueError(
                f"'via' must be an X handle (1–15 letters, digits, _), got {self.via!r}"
            )

    @classmethod
    def from_mapping(cls, table: Mapping[str, Any] | None) -> QuoteOptions:
        """Options from the config's ``[tool.blogtext.quotes]`` table (keys ``via``,
        ``limit``, ``link-length``). Raises ``ValueError`` naming a bad key."""
        table = dict(table or {})
        known = {"via", "limit", "link-length"}
        unknown = sorted(set(table) - known)
        if unknown:
            raise ValueError(f"unknown key(s) in [quotes]: {', '.join(unknown)}")
        for key in ("limit", "link-length"):
            if key in table and (not isinstance(table[key], int) or table[key] <= 0):
                raise ValueError(f"[quotes] key '{key}' must be a positive integer")
        via = table.get("via")
        if via is not None and not isinstance(via, str):
            raise ValueError("[quotes] key 'via' must be a string")
        return cls(
            via=via or None,
            limit=table.get("limit", POST_LIMIT),
            link_length=table.get("link-length", LINK_LENGTH),
        )

    @property
    def suffix(self) -> str:
        """What the plugin appends before the link: ``" via @handle"`` or ``""``."""
        if not self.via:
            return ""
        return f" via @{self.via.lstrip('@')}"


@dataclass(frozen=True)
class QuoteMetrics:
    """Measurements of one share-quote.

    Attributes:
        text: The quote (label removed), as the segmenter found it.
        lines: Its input lines.
        source: How it was found (``label``, ``bctt``, ``intent-link``, ``shortcode`` …).
        label: The button label, when there was one.
        chars: Weighted length of the quote as X counts it.
        post_length: Weighted length of the whole post (quote, via, space, link).
        fits: Whether that post is within the limit.
        repeats_body: Whether the quote is also in the body outside its own place (the whole
            quote inside a paragraph, or one of its sentences of five or more words as a
            sentence of a paragraph).
        repeated_lines: Input lines of those repetitions.
    """

    text: str
    lines: tuple[int, ...]
    source: str
    label: str | None
    chars: int
    post_length: int
    fits: bool
    repeats_body: bool
    repeated_lines: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The report's ``share_quotes`` entry (DESIGN.md: ``text``, ``lines``) plus metrics."""
        return {
            "text": self.text,
            "lines": list(self.lines),
            "source": self.source,
            "label": self.label,
            "chars": self.chars,
            "post_length": self.post_length,
            "fits": self.fits,
            "repeats_body": self.repeats_body,
            "repeated_lines": list(self.repeated_lines),
        }


@dataclass(frozen=True)
class ReusedQuote:
    """A quote that appears in more than one post (by normalised text)."""

    text: str
    posts: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.posts)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "posts": list(self.posts), "count": self.count}


def weighted_length(text: str) -> int:
    """Length of ``text`` as X counts it (NFC; light code points 1, others 2)."""
    total = 0
    for char in unicodedata.normalize("NFC", text):
        code = ord(char)
        total += 1 if any(lo <= code <= hi for lo, hi in _LIGHT_RANGES) else 2
    return total


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Comparison form: NFKC, case-folded, typographic quotes/dashes unified, punctuation
    dropped, whitespace collapsed — so "Kunst!" equals "Kunst." and „…“ equals "…"."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT_MAP).casefold()
    text = "".join(c if c.isalnum() or c.isspace() else " " for c in text)
    return " ".join(text.split())


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph (end punctuation followed by a capital or digit)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def analyze_quote(
    quote: ShareQuote, blocks: Sequence[Block] = (), options: QuoteOptions | None = None
) -> QuoteMetrics:
    """Measure one quote against the post's body blocks."""
    options = options or QuoteOptions()
    chars = weighted_length(quote.text)
    post_length = chars + weighted_length(options.suffix) + 1 + options.link_length
    repeated = _repetitions(quote, blocks)
    return QuoteMetrics(
        text=quote.text,
        lines=tuple(quote.lines),
        source=quote.source,
        label=quote.label,
        chars=chars,
        post_length=post_length,
        fits=post_length <= options.limit,
        repeats_body=bool(repeated),
        repeated_lines=repeated,
    )


def analyze_quotes(
    quotes: Iterable[ShareQuote], blocks: Sequence[Block] = (), options: QuoteOptions | None = None
) -> list[QuoteMetrics]:
    """Measure every quote of a post (``Segments.share_quotes`` against ``Segments.body``)."""
    return [analyze_quote(q, blocks, options) for q in quotes]


def _repetitions(quote: ShareQuote, blocks: Sequence[Block]) -> tuple[int, ...]:
    whole = normalise(quote.text)
    if not whole:
        return ()
    own = _own_blocks(quote, blocks, whole)
    sentences = {
        n
        for s in split_sentences(quote.text)
        if len((n := normalise(s)).split()) >= MIN_SENTENCE_WORDS
    }
    lines: set[int] = set()
    for index, block in enumerate(blocks):
        if index in own:
            continue
        # The whole quote anywhere in a block (word-bounded), or one of its sentences as a
        # sentence of the block.
        if _contains(normalise(block.text), whole) or sentences & {
            normalise(s) for s in split_sentences(block.text)
        }:
            lines.update(block.lines)
    return tuple(sorted(lines))


def _contains(text: str, part: str) -> bool:
    return f" {part} " in f" {text} "


def _own_blocks(quote: ShareQuote, blocks: Sequence[Block], whole: str) -> set[int]:
    """Blocks that *are* the quote's place in the article (plain text keeps the quote in the
    body), found by line; without lines (HTML views) the first block containing it."""
    containing = [i for i, b in enumerate(blocks) if _contains(normalise(b.text), whole)]
    if quote.lines:
        wanted = set(quote.lines)
        by_line = {i for i in containing if wanted.intersection(blocks[i].lines)}
        if by_line:
            return by_line
    return set(containing[:1])


def reused_quotes(pairs: Iterable[tuple[str, str]]) -> list[ReusedQuote]:
    """Quotes used in more than one post.

    Args:
        pairs: (post id, quote text) for every quote of a corpus.

    Returns:
        One entry per normalised quote text found in two or more distinct posts (most posts
        first, then by text), showing the first spelling seen and the posts in input order.
    """
    posts: dict[str, list[str]] = defaultdict(list)
    spelling: dict[str, str] = {}
    for post_id, text in pairs:
        key = normalise(text)
        if not key:
            continue
        spelling.setdefault(key, text)
        if post_id not in posts[key]:
            posts[key].append(post_id)
    reused = [ReusedQuote(spelling[k], tuple(p)) for k, p in posts.items() if len(p) > 1]
    reused.sort(key=lambda r: (-r.count, normalise(r.text)))
    return reused
