"""Segment an HTML page: title, article body (trafilatura), reader comments (our own), boilerplate.

The body comes from trafilatura, the strongest body extractor we measured; comments come
from :mod:`._html_comments`, which reads the markup of WordPress, WordPress.com/Jetpack,
Blogger, wpDiscuz, judge.me and schema.org microdata and returns authors, dates and reply
nesting (trafilatura returns none of these). The comment area is cut out of the page before
trafilatura runs, so comments cannot leak into the body; body paragraphs that still repeat
a comment line are dropped as a second guard.

HTML has no useful input lines, so positions refer to an **extracted text view** built here
and stored in :attr:`Segments.text_view`: the title, the body blocks, the comment-section
heading, then per comment a meta line (author · date, boilerplate) and its text lines, then
pingbacks and the comment-form heading. Each block is one line per paragraph or ``<br>``
line, blocks are separated by one blank line.
"""

from __future__ import annotations

import logging
import re

import lxml.etree as etree

from blogtext.model import Block, Boilerplate, Comment, LineSlice, Post, Segments, ShareQuote
from blogtext.segment._html_body import (
    BodyResult,
    FoundQuote,
    extract_body,
    find_share_quotes,
    find_title,
    page_text_blocks,
)
from blogtext.segment._html_comments import CommentSection, FoundComment, find_comments
from blogtext.segment._html_text import collapse, parse_html, strip_tags

log = logging.getLogger(__name__)

#: Body blocks shorter than this are dropped as comment leaks only on an exact match.
_LEAK_MIN_CHARS = 40

# Comment-section furniture that trafilatura's comment text often consists of: section
# headings ("2 Gedanken zu „…“", "3 Comments"), "Kommentare sind geschlossen", form labels,
# sidebar widget titles ("Letzte Kommentare"). Anchored alternations of literal words only.
_COMMENT_FURNITURE = re.compile(
    r"^(?:\d{1,5}|ein|eine|one)\s(?:kommentare?|gedanken?|antworten|reaktionen|comments?|"
    r"thoughts?|responses?|replies)\b|"
    r"^(?:letzte|neueste|recent|latest)\s(?:kommentare|comments)|"
    r"^(?:kommentare|comments)\s(?:sind\sgeschlossen|are\sclosed)|"
    r"^(?:schreibe|hinterlasse|leave)\s(?:einen|a)\s(?:kommentar|comment|reply)|"
    r"^(?:kommentar\sverfassen|antworten\sabbrechen|cancel\sreply)|"
    r"e-?mail-adresse\swird\snicht\sveröffentlicht|email\saddress\swill\snot\sbe\spublished",
    re.IGNORECASE,
)

#: Labels that introduce a list of links to other posts inside the article container
#: ("Auch interessant:" + link list). The label and the list items right after it are
#: related-posts boilerplate. Whole-block match only, so prose that mentions them stays.
RELATED_LABELS = frozenset(
    {
        "auch interessant",
        "das könnte dich auch interessieren",
        "das könnte sie auch interessieren",
        "das könnte dich interessieren",
        "das könnte sie interessieren",
        "ähnliche beiträge",
        "ähnliche artikel",
        "verwandte beiträge",
        "weitere beiträge",
        "mehr zum thema",
        "lesetipps",
        "related posts",
        "related articles",
        "you may also like",
    }
)


class _View:
    """The text view under construction: blocks of lines separated by blank lines."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, lines: list[str]) -> tuple[int, ...]:
        """Append one block of already collapsed lines; return their 1-based line numbers."""
        lines = [line for line in lines if line]
        if not lines:
            return ()
        if self.lines:
            self.lines.append("")
        start = len(self.lines) + 1
        self.lines.extend(lines)
        return tuple(range(start, start + len(lines)))

    def text(self) -> str:
        return "\n".join(self.lines) + "\n" if self.lines else ""


def _block(kind: str, view: _View, lines: list[str]) -> Block | None:
    numbers = view.add(lines)
    if not numbers:
        return None
    slices = tuple(LineSlice(n, 0, view.lines[n - 1]) for n in numbers)
    return Block(kind, slices)


def _drop_leaks(
    blocks: list[tuple[str, list[str]]], comments: list[FoundComment], title: str | None
) -> list[tuple[str, list[str]]]:
    """Remove body blocks that repeat the title (first block) or a comment's text."""
    if blocks and title and " ".join(blocks[0][1]).casefold() == title.casefold():
        blocks = blocks[1:]
    if not comments:
        return blocks
    comment_lines = {line.casefold() for c in comments for line in c.lines}
    comment_text = "\n".join(line.casefold() for c in comments for line in c.lines)
    kept: list[tuple[str, list[str]]] = []
    for kind, lines in blocks:
        key = " ".join(lines).casefold()
        if key in comment_lines or (len(key) >= _LEAK_MIN_CHARS and key in comment_text):
            continue
        kept.append((kind, lines))
    return kept


def _fallback_comments(body: BodyResult) -> list[FoundComment]:
    """trafilatura's comment text as one comment: it keeps no item boundaries or authors.

    Lines that are comment-section furniture are dropped; what is left must read like
    text (a line of at least four words), else there is no comment.
    """
    lines = [line for line in body.comment_lines if not _COMMENT_FURNITURE.search(line)]
    if not any(len(line.split()) >= 4 for line in lines):
        return []
    return [FoundComment(parent=None, author=None, date=None, meta="", lines=lines)]


def _split_related(
    blocks: list[tuple[str, list[str]]],
) -> tuple[list[tuple[str, list[str]]], list[str]]:
    """Separate "Auch interessant:" link lists from the body blocks."""
    kept: list[tuple[str, list[str]]] = []
    related: list[str] = []
    in_list = False
    for kind, lines in blocks:
        short = len(lines) == 1 and len(lines[0]) <= 60 and kind in ("paragraph", "heading")
        if short and lines[0].rstrip(" :").casefold() in RELATED_LABELS:
            related.append(" ".join(lines))
            in_list = True
            continue
        if in_list and kind == "list-item":
            related.append(" ".join(lines))
            continue
        in_list = False
        kept.append((kind, lines))
    return kept, related


def _add_comments(
    view: _View, comments: list[FoundComment], boilerplate: list[Boilerplate]
) -> list[Comment]:
    result: list[Comment] = []
    for found in comments:
        if found.meta:
            meta_lines = view.add([found.meta])
            boilerplate.append(Boilerplate("comment-meta", found.meta, meta_lines))
        lines = view.add(found.lines)
        text = "\n".join(view.lines[n - 1] for n in lines)
        result.append(
            Comment(
                index=len(result),
                parent=found.parent,
                author=found.author,
                date=found.date,
                text=text,
                lines=lines,
            )
        )
    return result


def _quote_lines(quote: FoundQuote, body: list[Block]) -> tuple[int, ...]:
    key = collapse(quote.text).casefold()[:60]
    for block in body:
        if key and key in block.text.casefold():
            return tuple(block.lines)
    return ()


def _assemble(
    title: str | None,
    body: BodyResult,
    section: CommentSection,
    quotes: list[FoundQuote],
) -> Segments:
    view = _View()
    segments = Segments(title=title)
    if title and (block := _block("title", view, [title])):
        segments.body.append(block)
    comments = section.comments or _fallback_comments(body)
    blocks, related = _split_related(_drop_leaks(body.blocks, section.comments, title))
    for kind, lines in blocks:
        if block := _block(kind, view, lines):
            segments.body.append(block)
    boilerplate = segments.boilerplate
    if related:
        boilerplate.append(Boilerplate("related-posts", "\n".join(related), view.add(related)))
    if section.heading:
        boilerplate.append(
            Boilerplate("comment-heading", section.heading, view.add([section.heading]))
        )
    segments.comments = _add_comments(view, comments, boilerplate)
    for ping in section.pingbacks:
        boilerplate.append(Boilerplate("pingback", ping, view.add([ping])))
    if section.form_heading:
        form = section.form_heading
        boilerplate.append(Boilerplate("comment-form", form, view.add([form])))
    for quote in quotes:
        lines = _quote_lines(quote, segments.body)
        segments.share_quotes.append(ShareQuote(quote.text, lines, quote.source, quote.label))
        if quote.label:
            boilerplate.append(Boilerplate("share-button", quote.label, view.add([quote.label])))
    segments.text_view = view.text()
    return segments


def _drop(elements: list[etree._Element]) -> None:
    for el in elements:
        if el.getparent() is not None:
            try:
                el.drop_tree()  # keeps the tail text, which belongs to the surrounding markup
            except ValueError:  # text lxml cannot store back; drop the element with its tail
                el.getparent().remove(el)


def segment_html(post: Post) -> Segments:
    """Split an HTML page into title, body blocks, comments, boilerplate and share quotes.

    Args:
        post: The page; ``post.text`` is the decoded markup, ``post.title`` a title from
            the ingest stage if it found one.

    Returns:
        The segments; ``lines`` refer to ``segments.text_view``. Markup that cannot be
        parsed gives empty segments with the given title; a page where trafilatura finds
        nothing gives every visible line of the page as body.
    """
    try:
        root = parse_html(post.text)
    except (etree.LxmlError, ValueError) as exc:
        log.debug("%s: unparsable HTML: %r", post.location, exc)
        body = BodyResult(blocks=[("paragraph", [line]) for line in strip_tags(post.text)])
        return _assemble(post.title, body, CommentSection(), [])
    title = find_title(root, post.title)
    section = find_comments(root)
    quotes = find_share_quotes(root, title)
    _drop(section.removable)
    try:
        body = extract_body(root, with_comments=not section.comments)
    except (etree.LxmlError, ValueError, RecursionError) as exc:
        log.debug("%s: body extraction failed: %r", post.location, exc)
        body = BodyResult()
    if not body.blocks:
        body.blocks = _page_text(post.text, title)
        body.extractor = "page-text"
    return _assemble(title, body, section, quotes)


def _page_text(markup: str, title: str | None) -> list[tuple[str, list[str]]]:
    """Degraded body from a fresh tree (trafilatura prunes the one it was given)."""
    try:
        root = parse_html(markup)
        _drop(find_comments(root).removable)
        find_share_quotes(root, title)  # drops button labels
        blocks = page_text_blocks(root)
    except (etree.LxmlError, ValueError):
        blocks = []
    if not blocks:  # the parser lost the text (nesting deeper than libxml2's limit)
        blocks = [("paragraph", [line]) for line in strip_tags(markup)]
    return blocks
