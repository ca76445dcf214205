"""Segment Markdown drafts: prose blocks with exact file positions, markup as boilerplate.

The ingest stage has already taken the front matter off (``post.title``, ``post.metadata``);
``post.text`` line *i* is file line ``post.first_line + i``. This module finds the prose:

* **Headings** (ATX ``#`` and setext ``===``/``---``) → ``heading``; without a front-matter
  title the first top-level H1 becomes the ``title`` block. A front-matter title has no line
  in ``post.text``, so no block is invented for it: ``segments.title = post.title``.
* **Paragraphs** → ``paragraph`` (one slice per hard-wrapped line); **list items** (nested,
  with continuation lines; also ``<li>`` in raw HTML) → ``list-item``; **block quotes**
  → ``quote``; **footnote definitions** ``[^1]: …`` → ``paragraph``.
* **Tables** (GFM): one ``paragraph`` block per row, one slice per cell; the delimiter row is
  markup. A row reads as one sentence, which is what readability counting wants.
* **Raw HTML** blocks: tags are dropped, text between them is kept; ``<h2>`` gives a heading,
  ``<li>`` a list item, ``<blockquote>`` a quote; script, style and pre contents are dropped.
* **WordPress shortcodes** are dropped (``[caption …]…[/caption]`` keeps its caption
  text); the ``tweet`` text of Better Click To Tweet (``[bctt tweet="…"]``) is kept, as a
  ``quote`` block when it stands alone, and listed in ``segments.share_quotes``
  (``source="shortcode"``).

Not prose, and cut out of the slices: fenced and indented code, code spans, HTML comments
(including ``blogtext-…`` directives, see :mod:`._markdown_directives`), HTML tags, bare and
``<…>`` URLs (with the parentheses around a bare one), link destinations (``[text](url)``
keeps *text*), images, emphasis markers (``*``, ``_``, ``~~``), footnote references,
reference definitions, rules, task-list boxes, ``&nbsp;``, template tags of static site
generators (Hugo ``{{< … >}}``/``{{% … %}}``, Liquid ``{% … %}``/``{{ … }}``, attribute
lists ``{: …}``/``{#id}``), MDX ``import``/``export`` lines. Lines left without prose are
reported as ``Boilerplate(kind="markup")``, so every non-blank line is owned exactly once.
Markdown has no reader comments: ``segments.comments`` is always empty.

The parser follows CommonMark 0.31 block structure (containers, lazy continuation, the
paragraph-interruption rules, HTML block types 1–7) and GFM tables; inline emphasis uses
the delimiter-run rules without the "rule of three". One deliberate deviation: ``*``
between two letters is kept as text, because in German drafts it is the gender star
(``Kund*innen``), not emphasis. Run time is linear in the input.

Known limits: a cut inside a word would insert a space when :class:`~blogtext.model.Block`
joins its slices, so backslash escapes inside words (``Kund\\*innen``) stay verbatim, and a
removed marker next to punctuation leaves a space (``**wichtig**,`` → ``wichtig ,``,
``([Vorlage](url))`` → ``( Vorlage )``). A share quote written inside a running paragraph
stays part of that paragraph. Setext/ATX headings inside containers are headings, never
the title.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from blogtext.model import Block, Boilerplate, LineSlice, Post, Segments, ShareQuote
from blogtext.segment._markdown_blocks import Leaf, parse_blocks
from blogtext.segment._markdown_directives import (
    Suppression,
    find_suppression,
    is_suppressed,
    parse_suppressions,
    scan_comments,
    suppressions_from_comments,
    unused_suppressions,
)
from blogtext.segment._markdown_inline import HtmlComment, InlineResult, render_inline

# Later stages (lint) import the directive API from here, not from the private module.
__all__ = [
    "MARKUP",
    "HtmlComment",
    "MarkdownParse",
    "Suppression",
    "find_suppression",
    "is_suppressed",
    "parse_markdown",
    "parse_suppressions",
    "scan_comments",
    "segment_markdown",
    "suppressions_from_comments",
    "unused_suppressions",
]

#: ``Boilerplate.kind`` of Markdown syntax lines (code, fences, comments, rules, …).
MARKUP = "markup"


@dataclass(frozen=True)
class MarkdownParse:
    """Everything one pass over a Markdown draft finds.

    Attributes:
        segments: Title, body blocks, markup boilerplate and share quotes.
        comments: HTML comments outside code, with file lines (suppression directives).
    """

    segments: Segments
    comments: tuple[HtmlComment, ...]


def segment_markdown(post: Post) -> Segments:
    """Split a Markdown draft into title, prose blocks and markup.

    Args:
        post: A post with ``format == "markdown"`` (front matter already removed by ingest;
            if it is still there it is reported as markup).

    Returns:
        The segments; every body slice is a verbatim piece of its file line.
    """
    return parse_markdown(post).segments


def parse_markdown(post: Post) -> MarkdownParse:
    """Segment ``post`` and also return the HTML comments met (see :class:`MarkdownParse`)."""
    lines = post.text.split("\n")
    tree = parse_blocks(lines, post.first_line, mdx=post.path.lower().endswith(".mdx"))
    title = post.title or None
    body: list[Block] = []
    quotes: list[ShareQuote] = []
    comments: list[HtmlComment] = []
    for leaf in tree.leaves:
        result = render_inline(leaf.segments, tree.labels, html=leaf.html)
        comments.extend(result.comments)
        if not result.pieces:
            continue
        kind = _block_kind(leaf, result, title_wanted=title is None)
        block = Block(kind, _glued(result.pieces, lines, post.first_line))
        if kind == "title":
            title = block.text
        body.append(block)
        for quote in result.share_quotes:
            text = " ".join(piece.text for piece in quote)
            lines_of = tuple(sorted({piece.line for piece in quote}))
            quotes.append(ShareQuote(text, lines_of, source="shortcode"))
    boilerplate = _markup(lines, post.first_line, tree.markup, body)
    segments = Segments(title=title, body=body, boilerplate=boilerplate, share_quotes=quotes)
    return MarkdownParse(segments, tuple(comments))


def _glued(pieces: Sequence[Any], lines: list[str], first_line: int) -> tuple[LineSlice, ...]:
    """Slices of a block; a slice is glued to the previous one when only markup without
    whitespace separated them on the same line (``**wichtig**,``, ``([Vorlage](url))``)."""
    slices: list[LineSlice] = []
    for piece in pieces:
        line, column, text = piece[0], piece[1], piece[2]
        glue = False
        if slices and slices[-1].line == line:
            previous = slices[-1]
            gap = lines[line - first_line][previous.column + len(previous.text) : column]
            spaced = previous.text[-1:].isspace() or text[:1].isspace()
            # Whitespace at the edge of the removed markup, an entity or a line break separate
            # words; whitespace inside it (a link title) does not.
            edge = gap[:1].isspace() or gap[-1:].isspace()
            separated = edge or "&nbsp" in gap or "<br" in gap.lower()
            glue = spaced or not separated
        slices.append(LineSlice(line, column, text, glue))
    return tuple(slices)


def _block_kind(leaf: Leaf, result: InlineResult, *, title_wanted: bool) -> str:
    if title_wanted and leaf.kind == "heading" and leaf.level == 1 and leaf.top:
        return "title"
    quoted = {piece for quote in result.share_quotes for piece in quote}
    if quoted and all(piece in quoted for piece in result.pieces):
        return "quote"  # a Click-To-Tweet shortcode on its own
    return leaf.kind


def _markup(
    lines: Sequence[str], first_line: int, ranges: Iterable[tuple[int, int]], body: list[Block]
) -> list[Boilerplate]:
    """Markup boilerplate: the parser's non-prose ranges, then every unowned non-blank line.

    The second step is what guarantees the ownership contract: a line whose prose vanished
    (an image, a lone ``>``, ``</div>``) still belongs to exactly one segment.
    """
    owned = {line for block in body for line in block.lines}
    items: list[Boilerplate] = []
    for first, last in ranges:
        item = _item(lines, first_line, range(first, last + 1), owned)
        if item is not None:
            items.append(item)
    run: list[int] = []
    for offset, text in enumerate(lines):
        line = first_line + offset
        if line in owned or not text.strip():
            continue
        if run and run[-1] != line - 1:
            items.append(_item(lines, first_line, run, owned))  # type: ignore[arg-type]
            run = []
        run.append(line)
    if run:
        items.append(_item(lines, first_line, run, owned))  # type: ignore[arg-type]
    items.sort(key=lambda item: item.lines[0])
    return items


def _item(
    lines: Sequence[str], first_line: int, numbers: Iterable[int], owned: set[int]
) -> Boilerplate | None:
    """One markup item over the not yet owned, non-blank ``numbers``; marks them owned."""
    numbers = [n for n in numbers if n not in owned and lines[n - first_line].strip()]
    if not numbers:
        return None
    owned.update(numbers)
    text = "\n".join(lines[numbers[0] - first_line : numbers[-1] - first_line + 1])
    return Boilerplate(MARKUP, text, tuple(numbers))
