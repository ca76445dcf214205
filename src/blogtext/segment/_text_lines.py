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
from blogtext.segment._text_phrases import (
    PhraseRule,
    match_phrase,
    normalize,
    number_words,
    rating_words,
)

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
#: Every string ``_URL_ONLY`` can match starts with one of these.
_URL_STARTS = ("http://", "https://", "www.")
#: Stars of a rating widget ("★★★★☆").
_STARS = frozenset("★☆✩✪✭✮⭐ ")
#: Words and marks a pagination line may carry besides its page numbers.
_PAGER_WORDS = frozenset(
    {"…", "...", "»", "«", "›", "‹", "→", "←", "|", "seite", "page", "weiter", "next", "vor"}
    | {"zurück", "prev", "previous", "nächste", "vorherige"}
)
#: Separators between the links of a footer row.
_ROW_SEPARATORS = (" // ", " | ", " · ", " • ", " / ")
#: Arrows that open or close a link to the previous/next post ("← Titel", "Titel →").
_NAV_OPEN = ("← ", "‹ ", "« ", "<< ", "< ", "<- ")
_NAV_CLOSE = (" →", " ›", " »", " >>", " >", " ->")


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
    arrow_nav: bool = False  # "← Vorheriger Titel", "Nächster Titel →", pagination "1 2 3"
    blank: bool = False  # only whitespace
    rating: bool = False  # "3 von 5 (1 Bewertung)", "★★★★☆", a histogram bar "98%"

    @property
    def kind(self) -> str | None:
        """Boilerplate kind by phrase, captcha or placeholder, else ``None``."""
        if self.rule is not None:
            return self.rule.kind
        if self.captcha:
            return "captcha"
        if self.arrow_nav:
            return "navigation"
        if self.rating:
            return "comment-meta"
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
            cached = _content_date(self.content) if len(self.content) <= 300 else None
            self.__dict__["_date"] = cached
        return cached


def split_lines(text: str) -> list[TextLine]:
    """Feature every line of ``text`` (lines split on "\\n")."""
    return [make_line(i, raw) for i, raw in enumerate(text.split("\n"))]


def make_line(index: int, raw: str) -> TextLine:
    """Features of one line.

    Only indentation and the bullet depend on the raw line; everything else is a function
    of the content and comes from :func:`_content_features`, which is cached because
    menus, footers and share bars repeat on every page of a blog.
    """
    if not raw or raw.isspace():
        return TextLine(
            index, raw, len(raw), len(raw), "", False, "", 0, None, False, False, False, blank=True
        )
    stripped = raw.lstrip()
    indent = len(raw) - len(stripped)
    column = indent
    bullet = False
    lead = stripped[0]  # not blank, so there is a first non-space character
    if lead in BULLETS:
        bullet = True
        rest = stripped[1:]
        body = rest.lstrip()
        column = indent + 1 + (len(rest) - len(body))
        stripped = body
    elif indent and lead.isdigit():
        # w3m numbers ordered lists: " 1. Gabi sagt:"; only indented, so "1. Schritt" at
        # column 0 in a flat dump stays as written.
        dot = stripped.find(". ", 0, 4)
        if dot > 0 and stripped[:dot].isdigit() and not _starts_with_date(stripped):
            bullet = True
            column = indent + dot + 2
            stripped = stripped[dot + 2 :]
    content = stripped.rstrip()
    if len(content) > MAX_INSPECT:
        # Not cached: such lines never repeat, and the key alone would pin megabytes.
        words = content.count(" ") + 1
        return TextLine(
            index, raw, indent, column, content, bullet, "", words, None, False, False, False
        )
    norm, words, rule, captcha, placeholder, url_only, arrow_nav, rating = _content_features(
        content
    )
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
        arrow_nav,
        rating=rating,
    )


#: What :func:`_content_features` returns: norm, words, rule, captcha, placeholder,
#: url_only, arrow_nav, rating.
_Features = tuple[str, int, PhraseRule | None, bool, bool, bool, bool, bool]


@lru_cache(maxsize=8192)
def _content_features(content: str) -> _Features:
    """Every feature of a line that depends only on its content (at most MAX_INSPECT long).

    Cached by content (the same bound as the phrase match it absorbs): a blog's menus,
    footers and share bars repeat line for line, so most furniture lines are a look-up.
    """
    norm = normalize(content)
    rule = match_phrase(norm) if content else None
    words = len(content.split())
    captcha = rule is None and _is_captcha(content)
    placeholder = _is_placeholder(content)
    # The prefix test spares the regex on the (vast majority of) lines that are no URL.
    url_only = content.startswith(_URL_STARTS) and _URL_ONLY.fullmatch(content) is not None
    arrow_nav = rating = False
    if rule is None and 3 <= words <= 20:
        rule = _link_row(content)
    if words <= 15:
        digits = "{n}" in norm  # the normaliser marks every digit run
        if digits and is_pagination(content):
            rule, arrow_nav = None, True  # "123" is a pager, not a bare comment number
        elif rule is None and not captcha:
            arrow_nav = _is_arrow_link(content)
            rating = not arrow_nav and (digits or content[:1] in _STARS) and is_rating(content)
    return norm, words, rule, captcha, placeholder, url_only, arrow_nav, rating


def _link_row(content: str) -> PhraseRule | None:
    """A row of footer or menu links on one line: "Impressum // Über mich // Datenschutz".

    Three or more short parts between the same separator, one of which is a footer or
    navigation phrase on its own; the row takes that phrase's rule.
    """
    for sep in _ROW_SEPARATORS:
        if content.count(sep) < 2:
            continue
        parts = content.split(sep)
        if any(not p.strip() or len(p.split()) > 4 for p in parts):
            return None
        for part in parts:
            rule = match_phrase(normalize(part))
            if rule is not None and rule.kind in ("footer", "navigation"):
                return rule
        return None
    return None


def _is_arrow_link(content: str) -> bool:
    """A link to the previous or next post: "← Älterer Titel", "Neuerer Titel →".

    German quotation marks »…« are not arrows: an opening "«"/"‹" counts only with a space
    after it, a closing "»"/"›" only with a space before it, and a line ending a sentence
    is text.
    """
    if content.startswith(_NAV_OPEN) or content.endswith(_NAV_CLOSE):
        return content.rstrip(" →›»>-")[-1:] not in ".!?" and len(content) > 3
    return False


def is_pagination(content: str) -> bool:
    """Page links of a comment or archive pager: "123", "1 2 3 … 9 »", "« Zurück 1 2 3"."""
    if len(content) > 80:
        return False
    if content.isdigit():
        # Glued page links "123", "1234": a run 1..k (three or more; "12" is a comment number).
        return len(content) >= 3 and content == "123456789"[: len(content)]
    numbers: list[int] = []
    for token in content.casefold().split():
        # isdecimal, not isdigit: int() rejects digit-like marks such as "²" and "①".
        if token.isdecimal() and len(token) <= 4:
            numbers.append(int(token))
        elif token not in _PAGER_WORDS:
            return False
    return len(numbers) >= 2 and numbers == sorted(set(numbers)) and numbers[0] <= 2


def is_rating(content: str) -> bool:
    """A rating line: "3 von 5, (1 Bewertung)", "4,5 von 5 Sternen", "★★★★☆", "98%".

    Only numbers and rating words (``rating_words.txt``), with "von"/"of"/"/" between two
    numbers; or a row of stars; or a lone percentage (a bar of a rating histogram).
    """
    if len(content) > 80:
        return False
    if len(content) >= 3 and all(ch in _STARS for ch in content):
        return True
    if content.endswith("%") and content[:-1].replace(",", "").replace(".", "").isdigit():
        return True
    low = content.casefold()
    if "von" not in low and "of" not in low and "/" not in low:
        return False
    numbers = 0
    words = rating_words()
    for token in low.translate(_RATING_PUNCT).split():
        if token.isdigit():
            numbers += 1
        elif token not in words:
            return False
    return numbers >= 2


_RATING_PUNCT = str.maketrans({ch: " " for ch in "()[],.:;/|-–"})


@lru_cache(maxsize=8192)
def _content_date(content: str) -> DateMatch | None:
    """:func:`find_date` of a line's content (at most 300 characters, so the cache stays
    small), cached like the other content features: bylines and comment dates are asked
    for by several passes and recur across a blog's pages."""
    return find_date(content)


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
    if line.rating:
        return -1.0  # post rating under the title, or a cell of a table with percentages
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
