"""Per-line features of a plain-text dump: indentation, bullets, phrase kind, prose score.

Everything here looks at one line at a time and costs O(length of the line); the zone
logic in :mod:`blogtext.segment.plaintext` and the comment parser in
:mod:`blogtext.segment._text_comments` work on the resulting :class:`TextLine` list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from blogtext.segment._text_dates import DateMatch, find_date
from blogtext.segment._text_phrases import PhraseRule, match_phrase, normalize, number_words

#: Bullet marks that open a list item: browser copies print "•", w3m "•", "◦", "□", "▪".
BULLETS = "•◦▪▫□■‣●○∙"
#: Punctuation that ends a sentence (a line ending so is prose, not a menu entry).
SENTENCE_END = ".!?…:;\"“”»«)'’"
#: Kinds whose lines end the article when they follow it (strong end-of-article signals).
STRONG_KINDS = frozenset(
    {"comment-heading", "comment-form", "related-posts", "tags", "author-box", "pingback"}
)
#: Longest line we inspect word by word; longer lines are treated as one long paragraph.
MAX_INSPECT = 5000

_CAPTCHA_OPS = frozenset("+-−–×x*÷/:=?")
# One token of a captcha line: a number, a number word, an operator or an input box.
_TOKEN = re.compile(r"\S{1,30}")
_URL_ONLY = re.compile(r"(?:https?://|www\.)\S{1,500}")


@dataclass
class TextLine:
    """One input line with the features the segmenter needs."""

    index: int  # 0-based index into post.text lines
    raw: str
    indent: int  # leading whitespace (code points)
    column: int  # start of ``content`` in ``raw`` (after indentation and bullet)
    content: str  # the line's text without indentation, bullet and trailing spaces
    bullet: bool
    norm: str  # normalised for phrase matching (see _text_phrases.normalize)
    words: int
    rule: PhraseRule | None
    captcha: bool
    placeholder: bool  # w3m image/form placeholder "[name]", "[    ]"
    url_only: bool
    arrow_nav: bool = False  # "← Vorheriger Titel", "Nächster Titel →"
    blank: bool = False  # only whitespace

    @property
    def kind(self) -> str | None:
        """Boilerplate kind by phrase, captcha or placeholder, else ``None``."""
        if self.rule is not None:
            return self.rule.kind
        if self.captcha:
            return "captcha"
        if self.arrow_nav:
            return "navigation"
        return None

    @property
    def prose(self) -> bool:
        """A sentence-like line: long enough and ending like a sentence (or very long)."""
        if self.rule is not None or self.words < 8:
            return False
        return self.words >= 14 or self.content[-1] in SENTENCE_END

    def date(self) -> DateMatch | None:
        """The date shown in this line, if any (cached)."""
        cached = self.__dict__.get("_date", False)
        if cached is False:
            cached = find_date(self.content) if len(self.content) <= 300 else None
            self.__dict__["_date"] = cached
        return cached


def split_lines(text: str) -> list[TextLine]:
    """Feature every line of ``text`` (lines split on "\\n")."""
    return [make_line(i, raw) for i, raw in enumerate(text.split("\n"))]


def make_line(index: int, raw: str) -> TextLine:
    """Features of one line."""
    if not raw or raw.isspace():
        return TextLine(
            index, raw, len(raw), len(raw), "", False, "", 0, None, False, False, False, blank=True
        )
    stripped = raw.lstrip()
    indent = len(raw) - len(stripped)
    column = indent
    bullet = False
    if stripped and stripped[0] in BULLETS:
        bullet = True
        rest = stripped[1:]
        body = rest.lstrip()
        column = indent + 1 + (len(rest) - len(body))
        stripped = body
    elif indent and stripped[:1].isdigit():
        # w3m numbers ordered lists: " 1. Gabi sagt:"; only indented, so "1. Schritt" at
        # column 0 in a flat dump stays as written.
        dot = stripped.find(". ", 0, 4)
        if dot > 0 and stripped[:dot].isdigit() and not _starts_with_date(stripped):
            bullet = True
            column = indent + dot + 2
            stripped = stripped[dot + 2 :]
    content = stripped.rstrip()
    if len(content) > MAX_INSPECT:
        words = content.count(" ") + 1
        return TextLine(
            index, raw, indent, column, content, bullet, "", words, None, False, False, False
        )
    norm, rule = _classify(content)
    words = len(content.split())
    captcha = rule is None and _is_captcha(content)
    placeholder = _is_placeholder(content)
    url_only = bool(content) and _URL_ONLY.fullmatch(content) is not None
    return TextLine(
        index,
        raw,
        indent,
        column,
        content,
        bullet,
        norm,
        words,
        rule,
        captcha,
        placeholder,
        url_only,
    )


@lru_cache(maxsize=8192)
def _classify(content: str) -> tuple[str, PhraseRule | None]:
    """Normalised text and phrase rule of a line's content (cached: menus repeat)."""
    norm = normalize(content)
    return norm, (match_phrase(norm) if content else None)


def _starts_with_date(text: str) -> bool:
    """ "15. April 2019" is a date, not item 15 of a numbered list."""
    date = find_date(text[:80])
    return date is not None and date.start == 0


def _is_captcha(content: str) -> bool:
    """A math captcha: numbers or number words, an operator and "=" ("zwanzig − 17 =")."""
    if not content or len(content) > 80 or "=" not in content:
        return False
    numbers = number_words()
    seen_op = False
    for token in _TOKEN.findall(content.replace("[", " ").replace("]", " ")):
        low = token.casefold().strip(".,")
        if low.isdigit() or low in numbers:
            continue
        if all(ch in _CAPTCHA_OPS or ch == "_" for ch in low):
            seen_op = seen_op or any(ch != "=" and ch != "_" for ch in low) or low == "="
            continue
        return False
    return seen_op


def _is_placeholder(content: str) -> bool:
    """w3m placeholders: an image name or form box in brackets, alone on the line."""
    if len(content) < 2 or len(content) > 300 or content.startswith(("[…", "[...")):
        return False  # "[…] excerpt […]" is a pingback's text, not a placeholder
    if content[0] == "[" and content[-1] == "]":
        return True
    # "1 [60afcbfb6a3d]" – a comment number with an avatar placeholder.
    head, sep, tail = content.partition(" [")
    return bool(sep) and head.isdigit() and tail.endswith("]")


def is_breadcrumb(line: TextLine) -> bool:
    """ "Home / Buch / Titel", "Startseite » Beauty » …": a path of two or more steps."""
    text = line.content
    if len(text) > 300:
        return False
    return (
        text.count(" » ") >= 1
        or text.count(" › ") >= 1
        or text.count(" / ") >= 2
        or (text.count(" > ") >= 2)
    )


def is_date_line(line: TextLine, max_rest_words: int = 6) -> bool:
    """A line that is mainly a date (a byline or comment date), not a sentence with one."""
    if line.blank or line.words > 20:
        return False
    date = line.date()
    if date is None:
        return False
    rest = (line.content[: date.start] + " " + line.content[date.end :]).split()
    return len(rest) <= max_rest_words and not line.content.endswith((".", "!", "?"))


def score(line: TextLine) -> float:
    """Article-likeness of a line for the maximum-sum search (positive = article text)."""
    if line.blank:
        return 0.0
    if not line.content:
        return -1.0  # a bare bullet
    kind = line.kind
    if kind is not None:
        if kind in STRONG_KINDS:
            return -12.0
        return -6.0 if kind == "share-button" else -4.0
    if "©" in line.content[:200]:
        return -6.0
    if line.words <= 30 and line.content[-1] not in ".!?" and line.date() is not None:
        return -2.0  # post meta ("16. Mai 2019 Markus Elsberger Netzwerk") or a dated teaser
    if line.prose:
        return 1.0 + min(line.words, 40) / 5.0
    if line.placeholder or line.url_only:
        return -0.5
    if line.bullet:
        if line.words < 8:
            return -1.5
        return 0.5 if line.content[-1] in SENTENCE_END else 0.0
    if line.words < 4:
        return -1.0
    return 0.2 if line.content[-1] in SENTENCE_END else -0.5
