"""Segment a plain-text dump of a blog page into body, comments and boilerplate.

A dump (browser "select all / copy", ``w3m -dump``, or a flat copy without indentation)
keeps the page's order: navigation, title, byline, the article, share buttons and related
posts, the comment section (heading, comments, form), sidebar and footer. The segmenter
follows that structure:

1. every line gets features (:mod:`._text_lines`): bullet, indentation, phrase kind from
   the data lists (:mod:`._text_phrases`), date, prose score;
2. the comment section starts at the first comment heading ("2 thoughts on “…", "4 Gedanken
   zu „…“") or, without a heading, at the first comment header ("Tabea sagt:" + date) after
   the article text; a shop's review heading ("Kundenbewertungen") counts when a count or
   rating line confirms it;
3. the article is the maximum-sum run of lines before that point, scoring prose positive
   and furniture negative, then widened upwards to the title (over bylines and dates) and
   downwards over short article lines (lists, signatures) until furniture starts;
4. the comment zone is parsed into comments (:mod:`._text_comments`);
5. everything else is boilerplate, with a kind from the phrase lists or from its position.

Every non-blank line ends up in exactly one of body, one comment, or boilerplate.
"""

from __future__ import annotations

from blogtext.model import Block, Boilerplate, Comment, LineSlice, Post, Segments, ShareQuote
from blogtext.segment._text_comments import CommentZone, parse_header, parse_zone, signature
from blogtext.segment._text_lines import (
    MAX_INSPECT,
    SENTENCE_END,
    TextLine,
    is_breadcrumb,
    is_date_line,
    score,
    split_lines,
)
from blogtext.segment._text_phrases import share_label_set, share_labels

__all__ = ["segment_text"]

#: How far above the article's first paragraph the title may sit (lines).
TITLE_REACH = 16
#: Phrase kinds that are furniture even inside the article (a share bar between paragraphs).
_IN_ARTICLE_KINDS = frozenset(
    {"share-button", "advertising", "cookie-notice", "newsletter", "comment-form", "related-posts"}
)
#: Last characters of the click-to-tweet labels (a quick test before the label loop).
_LABEL_LAST_CHARS = frozenset(label[-1].casefold() for label in share_labels())
#: Most lines merged into one boilerplate item (keeps merging linear on huge menus).
_MERGE_LIMIT = 50
#: Navigation headings that introduce a table of contents (its list items are furniture).
_TOC_HEADINGS = frozenset({"inhalt", "inhaltsverzeichnis", "table of contents", "contents"})


def segment_text(post: Post) -> Segments:
    """Split a plain-text post into title, body blocks, comments and boilerplate.

    Args:
        post: The post; ``post.text`` is the decoded dump, line *i* (0-based) is input line
            ``post.first_line + i``.

    Returns:
        The segments. Every non-blank line of ``post.text`` belongs to exactly one body
        block, one comment, or one (non-inline) boilerplate item.
    """
    lines = split_lines(post.text)
    labels: dict[int, str] = {}  # line index → "body" or a boilerplate kind
    zone = _comment_zone(lines)
    limit = zone[0] if zone else len(lines)
    parsed = parse_zone(lines, zone[0], len(lines)) if zone else CommentZone([], {}, limit)
    start, end, meta = _article(lines, 0, limit, post.title)
    for idx, kind in meta.items():
        labels[idx] = kind
    _label_article(lines, start, end, labels)
    labels.update(parsed.meta_lines)
    comment_lines = {idx for c, _ in parsed.comments for idx in c.text_lines}
    for line in lines:
        if line.blank or line.index in labels or line.index in comment_lines:
            continue
        labels[line.index] = _position_kind(line, start, parsed.end if zone else limit)
    return _assemble(post, lines, labels, parsed)


def _comment_zone(lines: list[TextLine]) -> tuple[int, int] | None:
    """(start, 0) of the comment section, or ``None`` when the page shows no comments.

    The section starts at the first comment heading that follows some article text, or, on
    pages without a heading, at the first comment header (name + date) after article prose.
    """
    seen_prose = False
    for line in lines:
        if line.blank:
            continue
        kind = line.kind
        if kind == "comment-heading" and not _menu_entry(line):
            review = line.rule is not None and line.rule.source == "review_heading.tsv"
            if (seen_prose and not review) or _confirmed_heading(lines, line, seen_prose):
                return (line.index, 0)
        if line.prose:
            seen_prose = True
        if seen_prose and kind is None and _strong_header(lines, line):
            return (line.index, 0)
        if seen_prose and kind == "comment-form" and " " in line.norm:
            # Some themes (wpDiscuz) put the form above the comments.
            return (line.index, 0)
    return None


def _confirmed_heading(lines: list[TextLine], line: TextLine, seen_prose: bool) -> bool:
    """A section heading followed closely by a second comment-section line.

    "Kundenbewertungen" + "Basierend auf 12 Bewertungen", "Reviews" + "★★★★☆": one heading
    alone may be a menu entry or a category name (and a product page may have no prose
    before its reviews), a heading with a count or a rating under it is a section. After
    the article, a form line ("Bewertung schreiben") confirms it too; before any prose it
    does not, since menus print "Kommentare" above "Kommentieren".
    """
    seen = 0
    for nxt in lines[line.index + 1 : line.index + 8]:
        if nxt.blank:
            continue
        seen += 1
        rule = nxt.rule
        counted = rule is not None and rule.kind == "comment-heading" and "{n}" in rule.phrase
        if counted or nxt.rating or (seen_prose and nxt.kind == "comment-form"):
            return True
        if seen >= 2:
            return False
    return False


def _menu_entry(line: TextLine) -> bool:
    """A bare "Kommentare" bullet is a menu entry, not the heading of the comment section."""
    return line.bullet and line.rule is not None and "{n}" not in line.rule.phrase


def _strong_header(lines: list[TextLine], line: TextLine) -> bool:
    """A comment header that cannot be article text: "X sagt:" followed by a date line."""
    if line.words > 8 or not line.content.endswith(":"):
        return False
    header = parse_header(line)
    if header is None or header.date is not None or header.author is None:
        return False
    for nxt in lines[line.index + 1 : line.index + 3]:
        if not nxt.blank:
            return is_date_line(nxt)
    return False


def _article(
    lines: list[TextLine], floor: int, limit: int, title: str | None
) -> tuple[int, int, dict[int, str]]:
    """(first, last) line index of the article in ``lines[floor:limit]`` and the byline
    lines in it."""
    best, best_start, best_end = 0.0, -1, -1
    run, run_start = 0.0, 0
    for line in lines[floor:limit]:
        value = score(line)
        if run <= 0:
            run, run_start = value, line.index
        else:
            run += value
        if run > best:
            best, best_start, best_end = run, run_start, line.index
    if best_start < 0:
        return (0, -1, {})
    while lines[best_start].blank or score(lines[best_start]) < 0:
        best_start += 1
    end = _extend_down(lines, best_end, limit)
    start, meta = _extend_up(lines, best_start, title, floor)
    return (start, end, meta)


def _extend_down(lines: list[TextLine], end: int, limit: int) -> int:
    """Widen the article over short lines (lists, closing words) until furniture starts."""
    i = end + 1
    while i < limit:
        line = lines[i]
        if not line.blank:
            if line.kind is not None or "©" in line.content[:200] or is_breadcrumb(line):
                break
            if is_date_line(line) or line.url_only:
                break
            end = i
        i += 1
    return end


def _is_meta(line: TextLine) -> bool:
    """Post meta between title and article: date, byline, breadcrumb, image, share row."""
    if not line.content:
        return True
    if line.kind in ("byline", "share-button", "tags", "navigation") and line.rule is not None:
        return True
    if line.rating:
        return True  # "4 von 5 (12 Bewertungen)" under the title
    if line.norm.startswith(("von ", "by ")) and ("|" in line.content or "·" in line.content):
        return True  # "von admin | Eingetragen bei: politics"
    if line.words <= 30 and line.content[-1] not in ".!?" and line.date() is not None:
        return True  # "Mittwoch, März 7, 2018 21 Allgemein, Beauty" – a date with categories
    return (
        is_date_line(line)
        or is_breadcrumb(line)
        or line.url_only
        or (line.placeholder and not line.content.startswith("[ "))
    )


def _extend_up(
    lines: list[TextLine], start: int, title: str | None, floor: int = 0
) -> tuple[int, dict[int, str]]:
    """Walk up from the first paragraph (not above ``floor``) to the title; meta lines on
    the way are bylines."""
    if title:
        wanted = " ".join(title.split()).casefold()
        for line in lines[max(floor, start - TITLE_REACH) : start + 1]:
            if " ".join(line.content.split()).casefold() == wanted:
                meta = {
                    ln.index: "byline"
                    for ln in lines[line.index : start]
                    if not ln.blank and _is_meta(ln)
                }
                return (line.index, meta)
    meta: dict[int, str] = {}
    found = 0
    first = start
    crossed_meta = False  # a date or byline lies between ``first`` and the line looked at
    i = start - 1
    while i >= floor and start - i <= TITLE_REACH:
        line = lines[i]
        i -= 1
        if line.blank:
            continue
        if _is_meta(line):
            meta[line.index] = "byline"
            crossed_meta = found > 0
            continue
        if line.kind is not None or line.bullet or line.words > 25 or line.placeholder:
            break
        if crossed_meta:
            break  # above the title's date: the blog's name and tagline, not a kicker
        if line.content.casefold() == lines[first].content.casefold():
            break  # w3m prints a hidden copy of the title above the real one
        first = line.index
        found += 1
        if found >= 2:
            break
    return (first, {idx: kind for idx, kind in meta.items() if idx > first})


def _label_article(lines: list[TextLine], start: int, end: int, labels: dict[int, str]) -> None:
    """Body for the article's lines, except furniture inside it (share bars, a TOC)."""
    in_toc = False
    for line in lines[start : end + 1]:
        if line.blank or line.index in labels:
            continue
        if not line.content:
            labels[line.index] = "other"  # a bare bullet has no text to analyse
            continue
        kind = line.kind
        if kind == "navigation" and line.norm in _TOC_HEADINGS:
            in_toc = True
            labels[line.index] = "navigation"
            continue
        if in_toc:
            if line.bullet:
                labels[line.index] = "navigation"
                continue
            in_toc = False
        if kind in _IN_ARTICLE_KINDS and not _share_suffix(line):
            labels[line.index] = kind
        else:
            labels[line.index] = "body"


def _position_kind(line: TextLine, start: int, comments_end: int) -> str:
    """Kind of a furniture line without a phrase match, from where it sits."""
    if line.kind is not None:
        return line.kind
    if line.index < start:
        return "navigation"
    if line.index < comments_end:
        return "other"
    return "sidebar"


def _share_suffix(line: TextLine) -> str | None:
    """The click-to-tweet label ending ``line`` ("… zugleich. Share on X"), if any."""
    content = line.content
    if len(content) > 2000 or content[-1:].casefold() not in _LABEL_LAST_CHARS:
        return None
    low = content.casefold()
    for label in share_labels():
        cut = len(content) - len(label)
        if cut > 1 and low.endswith(label.casefold()) and content[cut - 1] == " ":
            quote = content[:cut].rstrip()
            if len(quote.split()) >= 3:
                return content[cut:]
    return None


def _assemble(
    post: Post, lines: list[TextLine], labels: dict[int, str], zone: CommentZone
) -> Segments:
    """Build the Segments from per-line labels and the parsed comments."""
    first = post.first_line
    body: list[Block] = []
    boilerplate = _BoilerplateRuns()
    share_quotes: list[ShareQuote] = []
    previous: TextLine | None = None  # last body line, for joining hard-wrapped paragraphs
    for line in lines:
        label = labels.get(line.index)
        if label is None:
            if not line.blank:
                previous = None
            continue
        if label != "body":
            # ``previous`` first: the cheap test rules out nearly every furniture line.
            if previous is not None and line.content and line.norm and _is_bare_label(line):
                quote = body[-1].text
                share_quotes.append(ShareQuote(quote, tuple(body[-1].lines), "label", line.content))
            boilerplate.add(label, line.content, first + line.index)
            previous = None
            continue
        text = line.content
        suffix = _share_suffix(line)
        if suffix is not None:
            text = text[: len(text) - len(suffix)].rstrip()
            number = first + line.index
            boilerplate.add_inline(Boilerplate("share-button", suffix, (number,), inline=True))
            share_quotes.append(ShareQuote(text, (number,), "label", suffix))
        piece = LineSlice(first + line.index, line.column, text)
        kind = _block_kind(line, text, not body)
        if (
            kind == "paragraph"
            and previous is not None
            and body
            and body[-1].kind == "paragraph"
            and previous.index == line.index - 1
            and previous.content[-1:] not in SENTENCE_END
            and text[:1].islower()
        ):
            body[-1] = Block("paragraph", (*body[-1].slices, piece))
        else:
            body.append(Block(kind, (piece,)))
        previous = line
    comments = _comments(post, lines, zone)
    title = post.title or (body[0].text if body else None)
    return Segments(
        title=title,
        body=body,
        comments=comments,
        boilerplate=boilerplate.finish(),
        share_quotes=share_quotes,
    )


def _is_bare_label(line: TextLine) -> bool:
    """A line that is only a click-to-tweet label ("Click To Tweet" under a quote)."""
    low = line.content.casefold()
    return (
        low in share_label_set()
        and line.kind == "share-button"
        and low not in ("tweet", "twittern")
    )


def _block_kind(line: TextLine, text: str, is_first: bool) -> str:
    """title (first body line), list-item (bullet), heading (short, no sentence end), paragraph."""
    if is_first:
        return "title"
    if line.bullet:
        return "list-item"
    # The line's own word count is the same number when no share suffix was cut off.
    same = text is line.content and len(text) <= MAX_INSPECT
    words = line.words if same else len(text.split())
    if 0 < words <= 10 and text[-1:] not in ".,:;?" and (text[:1].isupper() or text[:1].isdigit()):
        return "heading"
    return "paragraph"


class _BoilerplateRuns:
    """Furniture lines, each merged into the previous item of the same kind if adjacent.

    The open run is kept as lists and turned into a :class:`Boilerplate` once, when it
    closes: rebuilding the (frozen) item for every merged line took a third of the
    assembly's time. A run still closes after ``_MERGE_LIMIT`` lines, so a huge menu
    becomes items of at most that many lines.
    """

    def __init__(self) -> None:
        self.items: list[Boilerplate] = []
        self.kind = ""  # kind of the open run ("" = no open run)
        self.texts: list[str] = []
        self.numbers: list[int] = []

    def add(self, kind: str, text: str, number: int) -> None:
        """A furniture line (file line ``number``) of ``kind``."""
        if (
            kind == self.kind
            and self.numbers[-1] >= number - 2
            and len(self.numbers) < _MERGE_LIMIT
        ):
            self.texts.append(text)
            self.numbers.append(number)
            return
        self._close()
        self.kind, self.texts, self.numbers = kind, [text], [number]

    def add_inline(self, item: Boilerplate) -> None:
        """An inline item (part of a body line); nothing merges into or across it."""
        self._close()
        self.items.append(item)

    def finish(self) -> list[Boilerplate]:
        """All items in line order."""
        self._close()
        return self.items

    def _close(self) -> None:
        if self.kind:
            self.items.append(Boilerplate(self.kind, "\n".join(self.texts), tuple(self.numbers)))
            self.kind = ""


def _comments(post: Post, lines: list[TextLine], zone: CommentZone) -> list[Comment]:
    """Comment records with file line numbers; author falls back to the signature."""
    result: list[Comment] = []
    for pos, (parsed, parent) in enumerate(zone.comments):
        text_lines = [lines[i] for i in parsed.text_lines]
        header = parsed.header
        author = header.author if header else None
        if not author:
            author = signature(text_lines)
        result.append(
            Comment(
                index=pos,
                parent=parent,
                author=author,
                date=header.date if header else None,
                text="\n".join(ln.content for ln in text_lines),
                lines=tuple(post.first_line + ln.index for ln in text_lines),
            )
        )
    return result
