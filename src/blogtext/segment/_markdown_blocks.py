"""Markdown block structure: which lines form headings, paragraphs, list items, quotes, code.

A line-based parser after CommonMark 0.31 (plus GFM tables, footnote definitions and front
matter). Containers (block quotes, list items, footnotes) are parsed recursively on their
content with the container markers cut off, so every leaf keeps the exact column at which its
text starts. The parser never looks back more than one line and each line is examined a
bounded number of times per nesting level; nesting deeper than :data:`MAX_DEPTH` is read as
plain paragraphs so that hostile input cannot exhaust the stack.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from blogtext.segment._markdown_inline import Segment
from blogtext.segment._markdown_syntax import (
    BLOCK_TAGS,
    Fence,
    atx_heading,
    blockquote_prefix,
    chars_for_width,
    fence_closes,
    fence_open,
    footnote_definition,
    html_block_end,
    html_block_start,
    indent_of,
    is_blank,
    is_thematic_break,
    list_marker,
    reference_label,
    setext_level,
    table_cells,
    table_delimiter_cells,
)

#: Container nesting (quotes in lists in quotes …) read as structure; deeper is plain text.
MAX_DEPTH = 24

#: Kind of body block for the HTML elements that say what they are.
_HTML_KINDS = {"li": "list-item", "blockquote": "quote", "dt": "list-item", "dd": "list-item"}
_HTML_HEADINGS = {f"h{level}": level for level in range(1, 7)}


@dataclass
class Leaf:
    """A block whose content is inline text.

    Attributes:
        kind: Body block kind: ``heading``, ``paragraph``, ``list-item`` or ``quote``.
        segments: The content, one entry per line (per cell for table rows).
        level: Heading level (1–6); 0 for other kinds.
        top: The block is not inside a container (only such an H1 can be the title).
        html: The content is raw HTML (Markdown syntax is not interpreted there).
    """

    kind: str
    segments: list[Segment]
    level: int = 0
    top: bool = False
    html: bool = False


@dataclass
class BlockTree:
    """Result of the block pass: leaves in document order, markup line ranges, link labels."""

    leaves: list[Leaf] = field(default_factory=list)
    markup: list[tuple[int, int]] = field(default_factory=list)  # inclusive file-line ranges
    labels: set[str] = field(default_factory=set)


def parse_blocks(lines: Sequence[str], first_line: int = 1, *, mdx: bool = False) -> BlockTree:
    """Parse the lines of a Markdown document (front matter already removed or not).

    Args:
        lines: The document split at ``\n``.
        first_line: File line number of ``lines[0]``; all results use file line numbers.
        mdx: The document is MDX: top-level ``import``/``export`` statements are markup.
    """
    tree = BlockTree()
    parser = _Parser(tree, mdx)
    start = _front_matter_end(lines)
    if start:
        tree.markup.append((first_line, first_line + start - 1))
    vlines = [Segment(first_line + i, 0, text) for i, text in enumerate(lines)][start:]
    parser.parse(vlines, "paragraph", 0)
    return tree


def _front_matter_end(lines: Sequence[str]) -> int:
    """Lines taken by YAML (``---``) or TOML (``+++``) front matter at the very top, or 0."""
    if not lines or lines[0].rstrip() not in ("---", "+++"):
        return 0
    closers = ("---", "...") if lines[0].rstrip() == "---" else ("+++",)
    for i in range(1, len(lines)):
        if lines[i].rstrip() in closers:
            return i + 1
    return 0


class _Parser:
    """Recursive-descent block parser writing into one :class:`BlockTree`."""

    def __init__(self, tree: BlockTree, mdx: bool = False) -> None:
        self.tree = tree
        self.mdx = mdx

    def parse(self, lines: Sequence[Segment], kind: str, depth: int) -> None:
        """Parse ``lines`` (content of a container); paragraphs there get ``kind``."""
        i = 0
        while i < len(lines):
            if is_blank(lines[i].text):
                i += 1
            elif depth > MAX_DEPTH:
                i = self._paragraph(lines, i, kind, depth)
            else:
                i = self._block(lines, i, kind, depth)

    def _markup(self, first: int, last: int) -> None:
        self.tree.markup.append((first, last))

    def _block(self, lines: Sequence[Segment], i: int, kind: str, depth: int) -> int:
        """Parse the block starting at non-blank ``lines[i]``; return the next index."""
        text = lines[i].text
        if indent_of(text)[0] >= 4:
            return self._indented_code(lines, i)
        fence = fence_open(text)
        if fence is not None:
            j = i + 1
            while j < len(lines) and not fence_closes(lines[j].text, fence):
                j += 1
            end = min(j, len(lines) - 1)
            self._markup(lines[i].line, lines[end].line)
            return end + 1
        if blockquote_prefix(text) is not None:
            return self._container(lines, i, _collect_quote(lines, i), "quote", depth)
        heading = atx_heading(text)
        if heading is not None:
            level, start, end = heading
            seg = lines[i]
            content = Segment(seg.line, seg.column + start, text[start:end])
            self.tree.leaves.append(Leaf("heading", [content], level, depth == 0))
            return i + 1
        if is_thematic_break(text):
            self._markup(lines[i].line, lines[i].line)
            return i + 1
        html = html_block_start(text)
        if html is not None:
            return self._html_block(lines, i, html, kind, depth)
        return self._block_rest(lines, i, kind, depth)

    def _block_rest(self, lines: Sequence[Segment], i: int, kind: str, depth: int) -> int:
        text = lines[i].text
        footnote = footnote_definition(text)
        if footnote is not None:
            items = _collect_item(lines, i, footnote, 4)
            return self._container(lines, i, items, "paragraph", depth)
        marker = list_marker(text)
        if marker is not None:
            items = _collect_item(lines, i, marker.content_chars, marker.content_width)
            return self._container(lines, i, items, "list-item", depth)
        label = reference_label(text)
        if label is not None:
            self.tree.labels.add(label)
            self._markup(lines[i].line, lines[i].line)
            return i + 1
        if _starts_table(lines, i):
            return self._table(lines, i, kind)
        if self.mdx and depth == 0 and text.startswith(("import ", "export ")):
            j = i
            while j < len(lines) and not is_blank(lines[j].text):
                j += 1
            self._markup(lines[i].line, lines[j - 1].line)  # MDX ESM, up to a blank line
            return j
        return self._paragraph(lines, i, kind, depth)

    def _container(
        self, lines: Sequence[Segment], i: int, content: list[Segment], kind: str, depth: int
    ) -> int:
        self.parse(content, kind, depth + 1)
        return i + len(content)

    def _indented_code(self, lines: Sequence[Segment], i: int) -> int:
        j = i
        last = i
        while j < len(lines) and (is_blank(lines[j].text) or indent_of(lines[j].text)[0] >= 4):
            if not is_blank(lines[j].text):
                last = j
            j += 1
        self._markup(lines[i].line, lines[last].line)
        return last + 1

    def _paragraph(self, lines: Sequence[Segment], i: int, kind: str, depth: int) -> int:
        j = i + 1
        while j < len(lines):
            text = lines[j].text
            if is_blank(text):
                break
            level = setext_level(text)
            if level is not None and depth <= MAX_DEPTH:
                leaf = Leaf("heading", list(lines[i:j]), level, depth == 0)
                self.tree.leaves.append(leaf)
                self._markup(lines[j].line, lines[j].line)
                return j + 1
            if depth <= MAX_DEPTH and (interrupts_paragraph(text) or _starts_table(lines, j)):
                break
            j += 1
        self.tree.leaves.append(Leaf(kind, list(lines[i:j]), 0, depth == 0))
        return j

    def _table(self, lines: Sequence[Segment], i: int, kind: str) -> int:
        self._row(lines[i], kind)
        self._markup(lines[i + 1].line, lines[i + 1].line)
        j = i + 2
        while j < len(lines) and not is_blank(lines[j].text):
            if interrupts_paragraph(lines[j].text):
                break
            self._row(lines[j], kind)
            j += 1
        return j

    def _row(self, line: Segment, kind: str) -> None:
        """One body block per table row, one segment per cell (cells read as a sentence)."""
        cells = [
            Segment(line.line, line.column + start, line.text[start:end])
            for start, end in table_cells(line.text)
        ]
        self.tree.leaves.append(Leaf(kind, cells))

    def _html_block(
        self, lines: Sequence[Segment], i: int, html: int, kind: str, depth: int
    ) -> int:
        if html in (6, 7):
            j = i
            while j < len(lines) and not is_blank(lines[j].text):
                j += 1
            self.tree.leaves.extend(_split_html(lines[i:j], kind, depth == 0))
            return j
        j = i
        start = indent_of(lines[i].text)[1] + 2
        while j < len(lines) and not html_block_end(html, lines[j].text, start if j == i else 0):
            j += 1
        end = min(j, len(lines) - 1)
        if html == 2:
            # Comments go through the inline scanner: it records them (suppression
            # directives) and keeps any text after "-->" on the last line.
            self.tree.leaves.append(Leaf(kind, list(lines[i : end + 1]), 0, False, True))
        else:
            self._markup(lines[i].line, lines[end].line)
        return end + 1


def interrupts_paragraph(text: str) -> bool:
    """True if ``text`` starts a block that ends a running paragraph (CommonMark rules)."""
    if indent_of(text)[0] >= 4:
        return False
    if fence_open(text) is not None or atx_heading(text) is not None:
        return True
    if blockquote_prefix(text) is not None or is_thematic_break(text):
        return True
    html = html_block_start(text)
    if html is not None and html != 7:
        return True
    marker = list_marker(text)
    # Only a non-empty bullet or a list starting at 1 may interrupt: "2024 war" stays prose.
    return marker is not None and not marker.empty and marker.start in (None, 1)


def _starts_table(lines: Sequence[Segment], i: int) -> bool:
    if i + 1 >= len(lines) or "|" not in lines[i].text:
        return False
    columns = table_delimiter_cells(lines[i + 1].text)
    return columns is not None and columns == len(table_cells(lines[i].text))


class _ParagraphState:
    """Tracks whether a container's content currently ends in a paragraph.

    Only then may a line without the container's marker continue it ("lazy continuation").
    """

    def __init__(self) -> None:
        self.fence: Fence | None = None
        self.open = False

    def feed(self, text: str) -> None:
        if self.fence is not None:
            if fence_closes(text, self.fence):
                self.fence = None
            return
        self.fence = fence_open(text)
        if (
            self.fence is not None
            or is_blank(text)
            or atx_heading(text) is not None
            or is_thematic_break(text)
            or (indent_of(text)[0] >= 4 and not self.open)
        ):
            self.open = False
        else:
            self.open = True

    def lazy(self, text: str) -> bool:
        """True if ``text`` (outside the container's marker) continues the paragraph."""
        return (
            self.fence is None
            and self.open
            and not is_blank(text)
            and not interrupts_paragraph(text)
            and list_marker(text) is None
        )


def _collect_quote(lines: Sequence[Segment], i: int) -> list[Segment]:
    """Content of the block quote starting at ``lines[i]``, markers cut off."""
    content: list[Segment] = []
    state = _ParagraphState()
    for line in lines[i:]:
        k = blockquote_prefix(line.text)
        if k is not None:
            line = Segment(line.line, line.column + k, line.text[k:])
        elif not state.lazy(line.text):
            break
        content.append(line)
        state.feed(line.text)
    return content


def _collect_item(lines: Sequence[Segment], i: int, first: int, width: int) -> list[Segment]:
    """Content of the list item (or footnote) at ``lines[i]``.

    Args:
        first: Characters of the first line before the content (marker and spaces).
        width: Indentation a following line needs to belong to the item.
    """
    head = lines[i]
    content = [Segment(head.line, head.column + first, head.text[first:])]
    state = _ParagraphState()
    state.feed(content[0].text)
    for line in lines[i + 1 :]:
        text = line.text
        if is_blank(text):
            line = Segment(line.line, line.column, "")
        elif indent_of(text)[0] >= width:
            k = chars_for_width(text, width)
            line = Segment(line.line, line.column + k, text[k:])
        elif not state.lazy(text):
            break
        content.append(line)
        state.feed(line.text)
    while len(content) > 1 and is_blank(content[-1].text):
        content.pop()
    return content


def _split_html(lines: Sequence[Segment], kind: str, top: bool) -> list[Leaf]:
    """Split a raw-HTML block into one leaf per block-level element that opens a line.

    ``<h2>`` gives a heading, ``<li>`` a list item, ``<blockquote>`` a quote; lines inside
    a comment never start a new leaf, so the comment stays whole for the inline scanner.
    """
    leaves: list[Leaf] = []
    in_comment = False
    for line in lines:
        stripped = line.text.lstrip()
        name = _opening_tag_name(stripped)
        if not leaves or (not in_comment and name is not None and name.lstrip("/") in BLOCK_TAGS):
            tag = (name or "").lower()
            level = _HTML_HEADINGS.get(tag, 0)
            leaf_kind = "heading" if level else _HTML_KINDS.get(tag, kind)
            leaves.append(Leaf(leaf_kind, [], level, top, True))
        leaves[-1].segments.append(line)
        in_comment = _comment_open_after(line.text, in_comment)
    return leaves


def _opening_tag_name(text: str) -> str | None:
    """``div`` for ``<div …``, ``/div`` for ``</div>``; ``None`` if no tag starts ``text``."""
    if not text.startswith("<"):
        return None
    k = 2 if text.startswith("</") else 1
    end = k
    while end < len(text) and (text[end].isascii() and (text[end].isalnum() or text[end] == "-")):
        end += 1
    return text[1:end].lower() if end > k else None


def _comment_open_after(text: str, in_comment: bool) -> bool:
    """Whether an HTML comment is still open at the end of ``text``."""
    k = 0
    while True:
        if in_comment:
            close = text.find("-->", k)
            if close < 0:
                return True
            in_comment, k = False, close + 3
        else:
            start = text.find("<!--", k)
            if start < 0:
                return False
            in_comment, k = True, start + 2
