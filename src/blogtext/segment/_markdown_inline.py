"""Inline Markdown: decide which characters of a block are prose, keeping exact columns.

A block's content pieces (one per line, or per table cell) are joined with ``\\n`` into one
buffer; the scanner collects *dropped* ranges of that buffer (code spans, raw HTML, comments,
URLs, link and image syntax, emphasis markers, shortcodes) and the kept rest is cut into
:class:`Piece` s at every dropped range and every line end. Each piece is a verbatim
substring of one source line, so a position in the joined body text maps back to the file.

Because :class:`blogtext.model.Block` joins its slices with one space, cutting a range out
in the middle of a word would insert a space ("Kund innen"). The scanner therefore keeps
what it cannot cut losslessly: a backslash escape inside a word (``Kund\\*innen``) and ``*``
between two letters (the German gender star ``Kund*innen``, which CommonMark would read as
emphasis) stay in the text.

Every step reads forward only; searches for closers are memoised so unclosed openers cannot
make the scan quadratic.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from blogtext.segment._markdown_links import link_tail, scan_shortcode, trim_url
from blogtext.segment._markdown_syntax import (
    MAX_TAG_LENGTH,
    scan_autolink,
    scan_html_tag,
)

_SPECIAL = re.compile(r"[\\`<!\[\]*_~&{]|(?:https?|ftp)://|www\.", re.IGNORECASE)
#: Inside raw HTML blocks Markdown syntax is not interpreted: only tags, entities, URLs,
#: shortcodes and template tags.
_SPECIAL_HTML = re.compile(r"[<&\[{]|(?:https?|ftp)://|www\.", re.IGNORECASE)
#: Template tags of static site generators, opener → closer: Hugo shortcodes
#: (``{{< figure … >}}``, ``{{% notice %}}``), Liquid/Jekyll (``{% include %}``,
#: ``{{ site.url }}``), attribute lists (kramdown ``{: .klasse}``, heading ids ``{#anker}``).
#: Longest opener first.
_TEMPLATE_TAGS = (
    ("{{<", ">}}"),
    ("{{%", "%}}"),
    ("{{", "}}"),
    ("{%", "%}"),
    ("{:", "}"),
    ("{#", "}"),
    ("{.", "}"),
)
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
#: A bare URL starts a word or follows one of these (GFM autolink rule, plus brackets and
#: German quotation marks, which wrap URLs in running text).
_URL_LEAD = frozenset("*_~([{\"'„“‚‘«»>")
_NBSP = re.compile(r"&(?:nbsp|#160|#x0*a0);", re.IGNORECASE)
_FOOTNOTE_REF = re.compile(r"\[\^[^\s\]]{1,99}\]")
#: Elements whose content is not prose even when written inline.
_SKIPPED_ELEMENTS = ("script", "style", "pre")
_HANDLERS = {
    "\\": "_escape",
    "`": "_code_span",
    "<": "_angle",
    "!": "_bang",
    "[": "_open_bracket",
    "]": "_close_bracket",
    "&": "_entity",
    "{": "_template_tag",
}


class Segment(NamedTuple):
    """Content of a block on one line: ``text`` starts at ``column`` of file line ``line``."""

    line: int
    column: int
    text: str


class Piece(NamedTuple):
    """A kept, whitespace-trimmed run of prose: file line, 0-based column, text."""

    line: int
    column: int
    text: str


@dataclass(frozen=True)
class HtmlComment:
    """An HTML comment found in prose or raw HTML (directives live in these)."""

    line: int  # file line of ``<!--``
    column: int  # 0-based column of ``<!--``
    end_line: int  # file line of ``-->`` (or the block's last line if unclosed)
    body: str  # text between the markers


@dataclass
class InlineResult:
    """What the scanner keeps of one block."""

    pieces: list[Piece] = field(default_factory=list)
    share_quotes: list[list[Piece]] = field(default_factory=list)
    comments: list[HtmlComment] = field(default_factory=list)


@dataclass
class _Delimiter:
    """A run of ``*``, ``_`` or ``~``; ``lo:hi`` is the part not yet used as a marker."""

    char: str
    lo: int
    hi: int
    length: int
    can_open: bool
    can_close: bool


def render_inline(
    segments: Sequence[Segment], labels: Collection[str] = (), *, html: bool = False
) -> InlineResult:
    """Keep the prose of one block.

    Args:
        segments: The block's content, one entry per line (or table cell), in order.
        labels: Normalised labels of the document's link reference definitions.
        html: The block is raw HTML: only tags, comments, entities and URLs are markup.

    Returns:
        Kept pieces, shortcode share quotes and the HTML comments met on the way.
    """
    return _Scanner(segments, labels, html).run()


class _Scanner:
    """One left-to-right pass over a block's buffer; see the module docstring."""

    def __init__(self, segments: Sequence[Segment], labels: Collection[str], html: bool) -> None:
        self.segments = segments
        self.labels = labels
        self.html = html
        self.buf = "\n".join(s.text for s in segments)
        self.bases: list[int] = []
        offset = 0
        for s in segments:
            self.bases.append(offset)
            offset += len(s.text) + 1
        self.drops: list[tuple[int, int]] = []
        self.delims: list[_Delimiter] = []
        self.brackets: list[tuple[int, bool]] = []  # (position, is_image)
        # Links do not nest: a "[" before the end of the last link can no longer open one.
        self._link_floor = 0
        self._first = len(self.buf) - len(self.buf.lstrip())
        # Characters that failed "](…" scans may read in all. Each may read MAX_TAG_LENGTH,
        # so hostile input ("![a](" ten thousand times) could be quadratic; once the budget
        # is spent, "](" stays literal. Real drafts never come close.
        self._budget = 4 * len(self.buf) + 16 * MAX_TAG_LENGTH
        self.quotes: list[tuple[int, int]] = []
        self.comments: list[tuple[int, int, int]] = []  # (start, body_end, end)
        self._found: dict[tuple[str, bool], int] = {}
        self._lower: str | None = None
        self._ticks: dict[int, list[int]] | None = None
        self._tick_ptr: dict[int, int] = defaultdict(int)

    # -- driver ------------------------------------------------------------------------

    def run(self) -> InlineResult:
        pattern = _SPECIAL_HTML if self.html else _SPECIAL
        buf = self.buf
        i = 0
        while True:
            match = pattern.search(buf, i)
            if match is None:
                break
            i = self._dispatch(match.start(), len(match.group()) > 1)
        self._resolve_emphasis()
        return self._result()

    def _dispatch(self, i: int, url: bool) -> int:
        """Handle the construct at ``i``; always returns a position after ``i``."""
        if url:
            return self._url(i)
        handler = getattr(self, _HANDLERS.get(self.buf[i], "_delimiter"))
        return handler(i)

    def _drop(self, start: int, end: int) -> None:
        if end > start:
            self.drops.append((start, end))

    def _find(self, needle: str, start: int, lower: bool = False) -> int:
        """``str.find`` memoised per needle, so failed searches are not repeated."""
        key = (needle, lower)
        cached = self._found.get(key)
        if cached is not None and (cached < 0 or cached >= start):
            return cached
        if lower and self._lower is None:
            self._lower = self.buf.lower()
        found = (self._lower if lower else self.buf).find(needle, start)  # type: ignore[union-attr]
        self._found[key] = found
        return found

    # -- constructs --------------------------------------------------------------------

    def _escape(self, i: int) -> int:
        buf = self.buf
        nxt = buf[i + 1 : i + 2]
        if nxt == "\n":
            self._drop(i, i + 1)  # hard line break
            return i + 1
        if nxt not in _ASCII_PUNCT:
            return i + 1
        # Only drop the backslash where a cut costs nothing: at the start of a word.
        if i == 0 or buf[i - 1].isspace():
            self._drop(i, i + 1)
        return i + 2

    def _code_span(self, i: int) -> int:
        buf = self.buf
        k = i
        while k < len(buf) and buf[k] == "`":
            k += 1
        length = k - i
        if self._ticks is None:
            self._ticks = defaultdict(list)
            for run in re.finditer(r"`+", buf):
                self._ticks[len(run.group())].append(run.start())
        starts = self._ticks.get(length, [])
        ptr = self._tick_ptr[length]
        while ptr < len(starts) and starts[ptr] < k:
            ptr += 1
        self._tick_ptr[length] = ptr
        if ptr == len(starts):
            return k  # no closer: the backticks are literal
        end = starts[ptr] + length
        self._drop(i, end)
        return end

    def _angle(self, i: int) -> int:
        buf = self.buf
        if buf.startswith("<!--", i):
            close = self._find("-->", i + 2)
            if close >= 0:
                self.comments.append((i, close, close + 3))
                self._drop(i, close + 3)
                return close + 3
            if self.html:  # an unclosed comment in raw HTML hides the rest
                self.comments.append((i, len(buf), len(buf)))
                self._drop(i, len(buf))
                return len(buf)
            return i + 1
        skipped = self._skipped_element(i)
        if skipped is not None:
            self._drop(i, skipped)
            return skipped
        end = scan_autolink(buf, i)
        if end is None:
            end = scan_html_tag(buf, i)
        if end is None:
            return i + 1
        self._drop(i, end)
        return end

    def _skipped_element(self, i: int) -> int | None:
        """End of a ``<script>``/``<style>``/``<pre>`` element at ``i`` (content included)."""
        head = self.buf[i + 1 : i + 8].lower()
        for tag in _SKIPPED_ELEMENTS:
            after = head[len(tag) : len(tag) + 1]
            if head.startswith(tag) and (after in (">", "") or after.isspace()):
                close = self._find(f"</{tag}", i, lower=True)
                if close < 0:
                    return len(self.buf)
                gt = self.buf.find(">", close, close + MAX_TAG_LENGTH)
                return gt + 1 if gt >= 0 else len(self.buf)
        return None

    def _bang(self, i: int) -> int:
        if self.buf.startswith("![", i):
            self.brackets.append((i, True))
            return i + 2
        return i + 1

    def _template_tag(self, i: int) -> int:
        for opener, closer in _TEMPLATE_TAGS:
            if self.buf.startswith(opener, i):
                close = self._find(closer, i + len(opener))
                if 0 <= close < i + MAX_TAG_LENGTH:
                    self._drop(i, close + len(closer))
                    return close + len(closer)
                return i + 1
        return i + 1

    def _open_bracket(self, i: int) -> int:
        buf = self.buf
        shortcode = scan_shortcode(buf, i)
        if shortcode is not None:
            end, value = shortcode
            if value is None:
                self._drop(i, end)
            else:
                self._drop(i, value[0])
                self._drop(value[1], end)
                self.quotes.append(value)
            return end
        if self.html:
            return i + 1  # no Markdown links in raw HTML
        footnote = _FOOTNOTE_REF.match(buf, i)
        if footnote is not None:
            self._drop(i, footnote.end())
            return footnote.end()
        if buf[i : i + 3] in ("[ ]", "[x]", "[X]") and i == self._first:
            self._drop(i, i + 3)  # task-list checkbox
            return i + 3
        self.brackets.append((i, False))
        return i + 1

    def _close_bracket(self, i: int) -> int:
        if not self.brackets:
            return i + 1
        start, image = self.brackets.pop()
        if not image and start < self._link_floor:
            return i + 1
        text_start = start + (2 if image else 1)
        # A label is at most 999 characters (CommonMark); longer text never needs copying.
        text = self.buf[text_start:i] if i - text_start <= 999 else None
        end, read = link_tail(self.buf, i + 1, text, self.labels, self._budget)
        if end is None:
            self._budget -= read
            return i + 1
        if image:
            self._drop(start, end)
            # Markers inside the dropped alt text must not pair with markers outside it.
            while self.delims and self.delims[-1].lo > start:
                self.delims.pop()
        else:
            self._drop(start, start + 1)
            self._drop(i, end)
            self._link_floor = end
        return end

    def _entity(self, i: int) -> int:
        match = _NBSP.match(self.buf, i)
        if match is None:
            return i + 1
        self._drop(i, match.end())  # a no-break space separates words like a space
        return match.end()

    def _url(self, i: int) -> int:
        buf = self.buf
        if i > 0 and not (buf[i - 1].isspace() or buf[i - 1] in _URL_LEAD):
            return i + 1
        k = i
        while k < len(buf) and not buf[k].isspace() and buf[k] not in '<>"]':
            k += 1
        end = trim_url(buf, i, k)
        if i > 0 and buf[i - 1] == "(" and buf[end : end + 1] == ")":
            # "(https://…)" says nothing once the URL is gone: drop the parentheses too.
            self._drop(i - 1, end + 1)
            return end + 1
        self._drop(i, end)
        return max(end, i + 1)

    def _delimiter(self, i: int) -> int:
        buf = self.buf
        char = buf[i]
        k = i
        while k < len(buf) and buf[k] == char:
            k += 1
        before = buf[i - 1] if i > 0 else " "
        after = buf[k] if k < len(buf) else " "
        left = not after.isspace() and (
            not _is_punct(after) or before.isspace() or _is_punct(before)
        )
        right = not before.isspace() and (
            not _is_punct(before) or after.isspace() or _is_punct(after)
        )
        if char == "_":
            can_open = left and (not right or _is_punct(before))
            can_close = right and (not left or _is_punct(after))
        elif left and right and before.isalnum() and after.isalnum():
            # "Kund*innen": a gender star, not emphasis (see module docstring).
            can_open = can_close = False
        else:
            can_open, can_close = left, right
        if char == "~" and k - i > 2:
            can_open = can_close = False
        if can_open or can_close:
            self.delims.append(_Delimiter(char, i, k, k - i, can_open, can_close))
        return k

    # -- emphasis (CommonMark "process emphasis", without the rule of three) -----------

    def _resolve_emphasis(self) -> None:
        stacks: dict[str, list[_Delimiter]] = {"*": [], "_": [], "~": []}
        for run in self.delims:
            if run.can_close:
                self._close_run(run, stacks)
            if run.can_open and run.hi > run.lo:
                stacks[run.char].append(run)

    def _close_run(self, run: _Delimiter, stacks: dict[str, list[_Delimiter]]) -> None:
        stack = stacks[run.char]
        while stack and run.hi > run.lo:
            opener = stack[-1]
            if run.char == "~" and opener.length != run.length:
                return
            used = min(opener.hi - opener.lo, run.hi - run.lo)
            self._drop(opener.hi - used, opener.hi)
            self._drop(run.lo, run.lo + used)
            opener.hi -= used
            run.lo += used
            for char, other in stacks.items():
                while char != run.char and other and other[-1].lo > opener.lo:
                    other.pop()
            if opener.hi == opener.lo:
                stack.pop()

    # -- output ------------------------------------------------------------------------

    def _result(self) -> InlineResult:
        drops = _merge(self.drops)
        result = InlineResult()
        for seg, base in zip(self.segments, self.bases, strict=True):
            result.pieces.extend(self._pieces(drops, seg, base, base, base + len(seg.text)))
        for start, end in self.quotes:
            quote = list(self._range_pieces(drops, start, end))
            if quote:
                result.share_quotes.append(quote)
        for start, body_end, end in self.comments:
            line, column = self._locate(start)
            end_line, _ = self._locate(max(start, end - 1))
            body = self.buf[start + 4 : body_end]
            result.comments.append(HtmlComment(line, column, end_line, body))
        return result

    def _range_pieces(self, drops: list[tuple[int, int]], start: int, end: int) -> Iterator[Piece]:
        n = max(0, bisect.bisect_right(self.bases, start) - 1)
        while n < len(self.segments) and self.bases[n] < end:
            seg, base = self.segments[n], self.bases[n]
            lo, hi = max(start, base), min(end, base + len(seg.text))
            if lo < hi:
                yield from self._pieces(drops, seg, base, lo, hi)
            n += 1

    @staticmethod
    def _pieces(
        drops: list[tuple[int, int]], seg: Segment, base: int, lo: int, hi: int
    ) -> Iterator[Piece]:
        """Kept, trimmed runs of ``buf[lo:hi]`` (inside one segment starting at ``base``)."""
        k = max(0, bisect.bisect_right(drops, (lo, lo)) - 1)
        pos = lo
        while pos < hi:
            while k < len(drops) and drops[k][1] <= pos:
                k += 1
            stop = hi if k == len(drops) else min(hi, max(pos, drops[k][0]))
            if stop > pos:
                text = seg.text[pos - base : stop - base]
                stripped = text.lstrip()
                lead = len(text) - len(stripped)
                stripped = stripped.rstrip()
                if stripped:
                    yield Piece(seg.line, seg.column + pos - base + lead, stripped)
            if k == len(drops):
                break
            pos = max(stop, drops[k][1])

    def _locate(self, pos: int) -> tuple[int, int]:
        """(file line, column) of a buffer position."""
        n = max(0, bisect.bisect_right(self.bases, pos) - 1)
        seg = self.segments[n]
        return seg.line, seg.column + pos - self.bases[n]


def _is_punct(ch: str) -> bool:
    """Unicode punctuation or symbol (CommonMark 0.31's definition)."""
    return unicodedata.category(ch)[0] in "PS"


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
