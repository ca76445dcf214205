"""Recognisers for single Markdown lines and raw-HTML pieces (CommonMark 0.31, GFM tables).

Every function here looks at one line (or a bounded stretch of text) and answers in time
linear in what it reads; nothing backtracks. The block parser (:mod:`._markdown_blocks`) and
the inline scanner (:mod:`._markdown_inline`) build on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: CommonMark tab stop: a tab advances indentation to the next multiple of 4.
TAB_STOP = 4

#: Indentation is measured up to this many characters (see :func:`indent_of`).
MAX_INDENT = 512

#: Longest stretch a raw-HTML tag, an autolink or a shortcode may span. Bounds the work per
#: ``<`` or ``[`` so that hostile input (thousands of unclosed ``<a x="``) stays linear.
MAX_TAG_LENGTH = 4000

#: HTML block type 6 of CommonMark: these tags start a block of raw HTML on their own.
_BLOCK_TAGS_TEXT = (
    "address article aside base basefont blockquote body caption center col colgroup dd "
    "details dialog dir div dl dt fieldset figcaption figure footer form frame frameset "
    "h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav "
    "noframes ol optgroup option p param search section summary table tbody td tfoot th "
    "thead title tr track ul"
)
BLOCK_TAGS = frozenset(_BLOCK_TAGS_TEXT.split())

#: HTML block type 1: content is never prose (scripts, styles, preformatted code).
RAW_TAGS = ("script", "pre", "style", "textarea")

_TAG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_ATTR_NAME = re.compile(r"[A-Za-z_:][A-Za-z0-9_.:-]*")
_UNQUOTED_VALUE = re.compile(r"[^\s\"'=<>`]+")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{1,31}:")
_EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>"
)


def indent_of(text: str) -> tuple[int, int]:
    """Leading indentation of ``text`` as (width in columns, number of characters).

    Only the first :data:`MAX_INDENT` characters are looked at: no decision needs more
    (the deepest container content starts well before), and a line of a million spaces
    examined at every nesting level would otherwise make parsing quadratic.
    """
    if text[:1] not in (" ", "\t"):
        return 0, 0  # most lines: no indentation (an empty line too); asked ~10x per line
    head = text[:MAX_INDENT]
    count = len(head) - len(head.lstrip(" \t"))
    if "\t" not in head[:count]:
        return count, count
    width = 0
    for ch in head[:count]:
        width += 1 if ch == " " else TAB_STOP - width % TAB_STOP
    return width, count


def chars_for_width(text: str, width: int) -> int:
    """How many leading characters of ``text`` make up ``width`` columns of indentation.

    A tab that straddles the limit is consumed whole: columns are code-point offsets in
    this project, so a tab cannot be split.
    """
    count = indent_of(text)[1]
    if "\t" not in text[: min(count, width)]:
        return min(count, width)
    seen = 0
    taken = 0
    for ch in text[:count]:
        if seen >= width:
            break
        seen += 1 if ch == " " else TAB_STOP - seen % TAB_STOP
        taken += 1
    return taken


def is_blank(text: str) -> bool:
    """True for a line with nothing but whitespace (the project-wide meaning of *blank*)."""
    return not text.strip()


@dataclass(frozen=True)
class Fence:
    """An opening code fence: its character, run length and indentation."""

    char: str
    length: int


def fence_open(text: str) -> Fence | None:
    """The code fence that ``text`` opens (```` ``` ```` or ``~~~``, info string allowed)."""
    width, n = indent_of(text)
    if width > 3 or n >= len(text) or text[n] not in "`~":
        return None
    char = text[n]
    k = n
    while k < len(text) and text[k] == char:
        k += 1
    if k - n < 3 or (char == "`" and "`" in text[k:]):
        return None
    return Fence(char, k - n)


def fence_closes(text: str, fence: Fence) -> bool:
    """True if ``text`` closes ``fence`` (same character, at least as long, nothing after)."""
    width, n = indent_of(text)
    if width > 3:
        return False
    rest = text[n:].rstrip()
    return len(rest) >= fence.length and rest == fence.char * len(rest)


def atx_heading(text: str) -> tuple[int, int, int] | None:
    """``(level, start, end)`` of an ATX heading's content in ``text``, else ``None``.

    The opening ``#`` run, the optional closing ``#`` run and surrounding spaces are outside
    ``start:end``; an empty heading gives ``start == end``.
    """
    width, n = indent_of(text)
    if width > 3:
        return None
    k = n
    while k < len(text) and text[k] == "#":
        k += 1
    level = k - n
    if not 1 <= level <= 6 or (k < len(text) and text[k] not in " \t"):
        return None
    end = len(text.rstrip())
    j = end
    while j > k and text[j - 1] == "#":
        j -= 1
    # A closing run counts only when a space separates it from the content ("C#" stays).
    if j == k or text[j - 1] in " \t":
        end = j
    start = k
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return level, start, end


def is_thematic_break(text: str) -> bool:
    """True for ``***``, ``- - -``, ``___`` and the like (three or more, nothing else)."""
    width, n = indent_of(text)
    if width > 3 or text[n : n + 1] not in ("*", "-", "_"):
        return False
    marks = "".join(text.split())
    return len(marks) >= 3 and marks == marks[0] * len(marks)


def setext_level(text: str) -> int | None:
    """1 for a ``===`` underline, 2 for ``---``, else ``None``."""
    width, n = indent_of(text)
    if width > 3:
        return None
    rest = text[n:].rstrip()
    if not rest or rest[0] not in "=-" or rest != rest[0] * len(rest):
        return None
    return 1 if rest[0] == "=" else 2


def blockquote_prefix(text: str) -> int | None:
    """Characters taken by a ``>`` marker and the one space after it, or ``None``."""
    width, n = indent_of(text)
    if width > 3 or text[n : n + 1] != ">":
        return None
    k = n + 1
    if k < len(text) and text[k] in " \t":
        k += 1
    return k


@dataclass(frozen=True)
class ListMarker:
    """A list-item marker: where the item's content starts on its first line.

    Attributes:
        ordered: ``1.``/``1)`` rather than ``-``/``+``/``*``.
        start: The number of an ordered item.
        content_chars: Characters of the first line before the content.
        content_width: Indentation (columns) continuation lines need to belong to the item.
        empty: The first line has no content after the marker.
    """

    ordered: bool
    start: int | None
    content_chars: int
    content_width: int
    empty: bool


def list_marker(text: str) -> ListMarker | None:
    """The list-item marker at the start of ``text``, or ``None``."""
    width, n = indent_of(text)
    if width > 3 or n >= len(text):
        return None
    rest = text[n:]
    number: int | None = None
    if rest[0] in "-+*":
        length = 1
    else:
        digits = 0
        while digits < len(rest) and digits < 10 and "0" <= rest[digits] <= "9":
            digits += 1
        if not 1 <= digits <= 9 or rest[digits : digits + 1] not in (".", ")"):
            return None
        number = int(rest[:digits])
        length = digits + 1
    after = rest[length:]
    if after and after[0] not in " \t":
        return None
    if is_blank(after):
        gap = 1 if after else 0
        return ListMarker(number is not None, number, n + length + gap, width + length + 1, True)
    gap_width, gap_chars = indent_of(after)
    if gap_width > 4:
        # Five or more spaces: the content is indented code and the item starts after one.
        gap_width, gap_chars = 1, 1
    return ListMarker(
        number is not None, number, n + length + gap_chars, width + length + gap_width, False
    )


def html_block_start(text: str) -> int | None:
    """The CommonMark HTML block type (1–7) that ``text`` starts, or ``None``."""
    width, n = indent_of(text)
    if width > 3 or text[n : n + 1] != "<":
        return None
    head = text[n : n + 12].lower()
    for tag in RAW_TAGS:
        after = head[len(tag) + 1 : len(tag) + 2]
        if head.startswith("<" + tag) and (not after or after.isspace() or after == ">"):
            return 1
    if head.startswith("<!--"):
        return 2
    if head.startswith("<?"):
        return 3
    if head.startswith("<![cdata["):
        return 5
    if head.startswith("<!") and head[2:3].isascii() and head[2:3].isalpha():
        return 4
    closing = head.startswith("</")
    match = _TAG_NAME.match(text, n + (2 if closing else 1))
    if match is None:
        return None
    after = text[match.end() : match.end() + 2]
    if match.group().lower() in BLOCK_TAGS and (
        not after or after[0].isspace() or after[0] == ">" or after == "/>"
    ):
        return 6
    end = scan_html_tag(text, n)
    if end is not None and is_blank(text[end:]) and match.group().lower() not in RAW_TAGS:
        return 7
    return None


def html_block_end(kind: int, text: str, start: int = 0) -> bool:
    """True if ``text`` (from ``start``) contains the end condition of HTML block ``kind``."""
    if kind == 1:
        low = text[start:].lower()
        return any(f"</{tag}>" in low for tag in RAW_TAGS)
    closers = {2: "-->", 3: "?>", 4: ">", 5: "]]>"}
    return kind in closers and closers[kind] in text[start:]


def scan_html_tag(text: str, i: int) -> int | None:
    """End of a raw-HTML open or closing tag starting at ``text[i] == "<"``, else ``None``.

    Follows CommonMark's grammar (tag name, attributes with unquoted, '…' or "…" values,
    optional ``/``); line breaks count as whitespace. Reads at most :data:`MAX_TAG_LENGTH`.
    """
    limit = min(len(text), i + MAX_TAG_LENGTH)
    if text.startswith("</", i):
        match = _TAG_NAME.match(text, i + 2, limit)
        if match is None:
            return None
        k = _skip_space(text, match.end(), limit)
        return k + 1 if k < limit and text[k] == ">" else None
    match = _TAG_NAME.match(text, i + 1, limit)
    if match is None:
        return None
    k = match.end()
    while True:
        after_space = _skip_space(text, k, limit)
        if after_space >= limit:
            return None
        if text[after_space] == ">":
            return after_space + 1
        if text.startswith("/>", after_space):
            return after_space + 2
        attr = _ATTR_NAME.match(text, after_space, limit)
        if after_space == k or attr is None:
            return None
        k = _attribute_value_end(text, attr.end(), limit)
        if k is None:
            return None


def _attribute_value_end(text: str, k: int, limit: int) -> int | None:
    """Position after an attribute's optional ``= value`` part, or ``None`` if malformed."""
    eq = _skip_space(text, k, limit)
    if eq >= limit or text[eq] != "=":
        return k
    v = _skip_space(text, eq + 1, limit)
    if v >= limit:
        return None
    if text[v] in "\"'":
        close = text.find(text[v], v + 1, limit)
        return None if close < 0 else close + 1
    value = _UNQUOTED_VALUE.match(text, v, limit)
    return None if value is None else value.end()


def _skip_space(text: str, k: int, limit: int) -> int:
    while k < limit and text[k] in " \t\n\r":
        k += 1
    return k


def scan_autolink(text: str, i: int) -> int | None:
    """End of an autolink ``<https://…>`` or ``<name@example.de>`` at ``text[i]``, else ``None``."""
    scheme = _SCHEME.match(text, i + 1)
    if scheme is not None:
        k = scheme.end()
        limit = min(len(text), i + MAX_TAG_LENGTH)
        while k < limit and text[k] != ">":
            if text[k] == "<" or text[k].isspace() or ord(text[k]) < 0x20:
                return None
            k += 1
        return k + 1 if k < limit else None
    email = _EMAIL.match(text, i + 1, min(len(text), i + MAX_TAG_LENGTH))
    return email.end() if email is not None else None


def reference_label(text: str) -> str | None:
    """The normalised label if ``text`` is a link reference definition ``[x]: url "title"``."""
    width, n = indent_of(text)
    if width > 3 or text[n : n + 1] != "[" or text[n + 1 : n + 2] in ("^", "]"):
        return None
    close = text.find("]", n + 1, n + 1001)
    if close < 0 or "[" in text[n + 1 : close] or text[close + 1 : close + 2] != ":":
        return None
    rest = text[close + 2 :].split(None, 1)
    if not rest:
        return None
    if rest[0].startswith("<") and not rest[0].endswith(">"):
        return None
    title = rest[1].strip() if len(rest) > 1 else ""
    if title and not (
        len(title) >= 2 and title[0] in "\"'(" and title[-1] == {"(": ")"}.get(title[0], title[0])
    ):
        return None
    return normalize_label(text[n + 1 : close])


def normalize_label(label: str) -> str:
    """Link labels match case-insensitively with runs of whitespace collapsed."""
    return " ".join(label.split()).casefold()


def footnote_definition(text: str) -> int | None:
    """Characters before the content of a footnote definition ``[^1]: text``, else ``None``."""
    width, n = indent_of(text)
    if width > 3 or not text.startswith("[^", n):
        return None
    close = text.find("]", n + 2, n + 1001)
    if close <= n + 2 or text[close + 1 : close + 2] != ":":
        return None
    label = text[n + 2 : close]
    if any(ch.isspace() or ch == "[" for ch in label):
        return None
    k = close + 2
    while k < len(text) and text[k] in " \t":
        k += 1
    return k


def table_cells(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each cell of a GFM table row; outer pipes are not cells.

    A backslash-escaped pipe stays inside its cell.
    """
    bounds: list[int] = []
    k = 0
    while k < len(text):
        if text[k] == "\\":
            k += 2
            continue
        if text[k] == "|":
            bounds.append(k)
        k += 1
    start = indent_of(text)[1]
    end = len(text.rstrip())
    if bounds and bounds[0] == start:
        start = bounds.pop(0) + 1
    if bounds and bounds[-1] == end - 1 and end - 1 >= start:
        end = bounds.pop()
    cells: list[tuple[int, int]] = []
    for bound in bounds:
        cells.append((start, bound))
        start = bound + 1
    cells.append((start, max(start, end)))
    return cells


def table_delimiter_cells(text: str) -> int | None:
    """Number of columns if ``text`` is a GFM delimiter row (``|---|:-:|``), else ``None``."""
    if "|" not in text and "-" not in text:
        return None
    width, _ = indent_of(text)
    if width > 3 or not set(text.strip()) <= set("|-: \t"):
        return None
    cells = table_cells(text)
    for start, end in cells:
        cell = text[start:end].strip()
        core = cell.strip(":")
        if not core or set(core) != {"-"} or len(cell) - len(core) > 2:
            return None
    if "|" not in text and len(cells) == 1:
        return None  # "---" alone is a setext underline or a rule, not a table
    return len(cells)
