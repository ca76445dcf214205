"""The comment zone of a plain-text dump: headers, texts, reply links, nesting.

Blog software prints every comment as a small record: a header (author and/or date:
"Tabea sagt:" + "8. April 2017 um 11:59", "Julia on 11/08/2020 at 9:52", "Kommentar von
Mareike"), the text, and often a reply link ("Antworten", "Reply") that closes it. Some
themes print the header after the text ("Comment by Anna — 17.07, 2011 @ 13:04"); the
parser decides per page which way round it is. Replies are indented (browser copy, w3m);
in flat dumps without indentation the threads are inferred (:mod:`._text_threads`).
Shop review widgets print a letter avatar and the name instead of a dated header.

Pingbacks/trackbacks look like comments whose text is an excerpt in "[…]"; they become
boilerplate, not comments.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from blogtext.segment._text_dates import find_time
from blogtext.segment._text_lines import SENTENCE_END, TextLine, is_date_line
from blogtext.segment._text_phrases import comment_verbs, greetings, month_names
from blogtext.segment._text_threads import FlatComment, infer_parents

#: Phrase kinds that may sit inside the comment zone without ending it.
ZONE_KINDS = frozenset(
    {"comment-heading", "comment-meta", "reply-link", "pingback", "share-button"}
)
#: How many lines above the comment section are searched for the post author's name.
_HEAD_REACH = 400
#: comment-meta phrases that introduce the author's name ("Kommentar von Mareike").
AUTHOR_PREFIXES = (
    "kommentar von",
    "comment by",
    "antwort von",
    "reply by",
    "geschrieben von",
    "posted by",
    "gepostet von",
)
#: Filler words around a date in a header ("am 9. Juni um 13:22 Uhr - Antworten").
_FILLERS = frozenset(
    {
        "um",
        "am",
        "at",
        "on",
        "@",
        "uhr",
        "-",
        "–",
        "—",
        ",",
        "antworten",
        "reply",
        "permalink",
        "schrieb",
        "wrote",
        "sagt",
        "says",
        "sagt:",
        "says:",
        "den",
        "the",
        "o'clock",
        "±",
        "•",
        "/",
    }
)
#: The author prefixes with the space that must follow them (one ``startswith`` test).
_AUTHOR_PREFIXES_SPACED = tuple(prefix + " " for prefix in AUTHOR_PREFIXES)
#: Prepositions that tie a date to the words before it in a sentence ("Beschluss vom …").
_DATE_PREPOSITIONS = frozenset({"vom", "seit", "bis", "ab", "zum", "since", "from", "until"})
_ELLIPSES = ("[…]", "[...]", "[…", "[..]", "…]", "...]")


@dataclass
class Header:
    """A comment header: one or more meta lines with author and date."""

    lines: list[int] = field(default_factory=list)  # indices into the TextLine list
    author: str | None = None
    date: str | None = None
    indent: int = 0
    long_name: bool = False  # a pingback's "Post title – Blog name" in the name position


@dataclass
class ParsedComment:
    """A comment found in the zone, before indices and parents are assigned."""

    header: Header | None
    text_lines: list[int]
    pingback: bool = False


@dataclass
class CommentZone:
    """Result of parsing a comment zone."""

    comments: list[tuple[ParsedComment, int | None]]  # (comment, parent position)
    meta_lines: dict[int, str]  # line index → boilerplate kind
    end: int  # first line index after the zone


def parse_header(line: TextLine) -> Header | None:
    """Author/date header in one line, or ``None`` if the line is not a comment header."""
    if line.blank or line.words > 25 or (line.content[-1:] in ".!?" and line.date() is None):
        return None
    content = line.content
    low = content.casefold()
    rule = line.rule
    if rule is not None and rule.kind == "pingback" and rule.match == "prefix":
        # "Pingback: Post title – Blog 15. März 2021": the header of a pingback record.
        date = line.date()
        return Header([line.index], None, date.iso if date else None, line.indent, True)
    if rule is not None and rule.kind not in ("comment-meta", "byline", "reply-link"):
        return None
    author: str | None = None
    # "Kommentar von Mareike", "Comment by Mirko Lange — 17.07, 2011 @ 13:04"; one
    # tuple test first, since nearly every line has none of the prefixes.
    if low.startswith(_AUTHOR_PREFIXES_SPACED):
        for prefix in AUTHOR_PREFIXES:
            if low.startswith(prefix + " "):
                rest = content[len(prefix) + 1 :]
                date = line.date()
                name_part = rest
                if date is not None:
                    cut = date.start - (len(content) - len(rest))
                    name_part = rest[: max(cut, 0)]
                author = _clean_name(name_part)
                iso = date.iso if date else None
                return Header([line.index], author or None, iso, line.indent)
    if rule is not None and rule.kind != "byline":
        return None
    # "Tabea sagt:", "Anna says:" (the colon test first: it spares the split on most lines)
    if content.endswith(":"):
        words = content.rstrip(":").split()
        if 1 < len(words) <= 8 and words[-1].casefold() in comment_verbs():
            return Header([line.index], _clean_name(" ".join(words[:-1])), None, line.indent)
    date = line.date()
    if date is not None and is_date_line(line, max_rest_words=20):
        before = _strip_fillers(content[: date.start])
        after = _strip_fillers(content[date.end :])
        if _sentence_before_date(before):
            return None  # "Beschluss vom 11.10.2017, 5 W 221/17" is comment text
        name = before or None
        if after and not name and len(after.split()) <= 4:
            name = None  # "8. April 2017 um 11:59 Permalink"-style trailers, no name
        header = Header([line.index], None, date.iso, line.indent)
        if name:
            if len(name.split()) > 6:
                header.long_name = True
            else:
                header.author = _clean_name(name)
        return header
    # Blogger prints the commenter and only a time, glued: "Ruby21:00".
    if line.words <= 5:
        span = find_time(content)
        if span is not None and span[1] == len(content) and span[0] > 0:
            name = _clean_name(content[: span[0]])
            if name:
                return Header([line.index], name, None, line.indent)
    return None


def _sentence_before_date(before: str) -> bool:
    """Text before a date that is a sentence, not a name: "Urteil vom", "[…] Update vom".

    A name is never followed by a preposition that governs the date, and a "[…]" excerpt
    is a quotation (a pingback's or a reader's).
    """
    if before.startswith(_ELLIPSES):
        return True
    words = before.split()
    return len(words) >= 2 and words[-1] in _DATE_PREPOSITIONS


def _strip_fillers(text: str) -> str:
    """Drop filler words and weekday names around a date; what is left is the name."""
    names = month_names()
    kept = []
    for token in text.replace("|", " | ").split():
        low = token.casefold().strip(",.")
        if low in _FILLERS or token in _FILLERS or names.get(low) == 0 or not low:
            continue
        kept.append(token)
    result = " ".join(kept).strip(" ,-–—|:")
    while " | | " in result:
        result = result.replace(" | | ", " | ")
    # Blogger glues the weekday to the name: "Andjela GligorijevicMittwoch,".
    low = result.casefold()
    tails = _weekday_tails()
    if low.endswith(tails):  # one tuple test; the loop finds which name it was
        for name in tails:
            if low.endswith(name) and len(low) > len(name):
                result = result[: -len(name)].rstrip(" ,")
                break
    return result


@cache
def _weekday_tails() -> tuple[str, ...]:
    """Weekday names of five or more letters, in the order of the month list (the first
    match wins), so a header needs one ``endswith`` test instead of a loop over all names."""
    return tuple(name for name, value in month_names().items() if value == 0 and len(name) >= 5)


def _clean_name(text: str) -> str | None:
    """The commenter's name without avatar residue.

    w3m prints the avatar's alt text or file name before the name ("[386ce]Julia",
    "id Kommentar von Mareike") and list marks survive in some dumps ("● Anna"). A leading
    hyphen is kept: "-thh" is how that commenter signs.
    """
    name = text.strip()
    while name.startswith("[") and "]" in name[:40]:
        name = name[name.index("]") + 1 :].lstrip()  # "[0cbabe647] Klaus" → "Klaus"
    low = name.casefold()
    for prefix in AUTHOR_PREFIXES:
        at = low.find(" " + prefix + " ", 0, 30)
        if at >= 0 and " " not in name[:at]:
            name = name[at + len(prefix) + 2 :]  # "id Kommentar von Mareike" → "Mareike"
            break
    name = name.lstrip(" ,:;|•●◦▪·–—").rstrip(" ,:;-–—|•").strip()
    return name or None


def _is_pingback_text(lines: list[TextLine]) -> bool:
    if not lines:
        return False
    first, last = lines[0].content, lines[-1].content
    return first.startswith(_ELLIPSES) or last.endswith(_ELLIPSES)


def signature(lines: list[TextLine]) -> str | None:
    """A signature at the end of a comment ("~Tabea", "lg Stefanie", "LG, Miriam")."""
    if not lines:
        return None
    last = lines[-1].content
    if "~" in last[-40:]:
        name = last[last.rfind("~") + 1 :].strip(" .!")
        if name and len(name.split()) <= 3 and name[:1].isalpha():
            return name
    low = last.casefold().replace(",", " ").replace("!", " ").strip()
    for greeting in sorted(greetings(), key=len, reverse=True):
        if low.startswith(greeting + " "):
            rest = last[len(greeting) :].strip(" ,!.")
            if rest and len(rest.split()) <= 2 and rest[:1].isupper():
                return rest
            break
    if len(lines) >= 2 and 1 <= len(last.split()) <= 2 and last[:1].isupper():
        prev = lines[-2].content.casefold().strip(" ,!.")
        if prev in greetings() and last.replace(" ", "").replace("-", "").isalpha():
            return last.strip()
    return None


def _is_author_line(line: TextLine) -> bool:
    """A bare name line ("• Ameise", "Dr. Annette Pitzer") that can precede a date line."""
    if not line.content or line.rule is not None or line.words > 6 or line.placeholder:
        return False
    return line.content[-1] not in SENTENCE_END or (line.content.endswith(".") and line.words <= 3)


def parse_zone(lines: list[TextLine], start: int, stop: int) -> CommentZone:
    """Parse comments in ``lines[start:stop]`` (``start`` = heading or first header)."""
    items: list[tuple[str, int, Header | None]] = []  # ("H"|"M"|"R"|"T"|"E", index, header)
    end = stop
    seen_header = False
    seen_comment = False  # a comment header (not a pingback's)
    i = start
    while i < stop:
        line = lines[i]
        if line.blank:
            i += 1
            continue
        header = parse_header(line)
        if header is None:
            header = _avatar_header(lines, i, stop)
            if header is not None:
                # Review widgets print the avatar's initial above the name ("S" / "S.").
                items.append(("H", i, header))
                items.append(("M", header.lines[-1], None))
                seen_header = seen_comment = True
                i = header.lines[-1] + 1
                continue
        if header is None and _is_author_line(line):
            nxt = _next_nonblank(lines, i + 1, min(stop, i + 4))
            if nxt is not None:
                date_header = parse_header(lines[nxt])
                if date_header is not None and date_header.author is None and date_header.date:
                    date_header.lines.insert(0, i)
                    date_header.author = _clean_name(line.content)
                    date_header.indent = line.indent
                    items.append(("H", i, date_header))
                    items.append(("M", nxt, None))
                    seen_header = seen_comment = True
                    i = nxt + 1
                    continue
        if header is not None:
            items.append(("H", i, header))
            seen_header = True
            seen_comment = seen_comment or not header.long_name
        elif line.kind == "reply-link":
            items.append(("R", i, None))
        elif line.kind in ZONE_KINDS or line.placeholder:
            items.append(("M", i, None))
        elif line.kind is not None:
            # Form furniture may precede the comments (wpDiscuz); anything else (sidebar,
            # related posts, footer) ends the zone, and so does the form after a comment.
            # A previous/next-post link between the form's feed links and the heading
            # (old themes) does not end the zone either.
            form = line.kind == "comment-form" and not seen_header
            if seen_comment or not (form or line.arrow_nav):
                end = i
                break
            items.append(("M", i, None))
        else:
            items.append(("T", i, None))
        i += 1
    headers = [k for k, (tag, _, _) in enumerate(items) if tag == "H"]
    if not headers:
        return CommentZone([], {}, start)
    first_h, last_h = headers[0], headers[-1]
    text_before = any(tag == "T" for tag, _, _ in items[:first_h])
    text_after = any(tag == "T" for tag, _, _ in items[last_h + 1 :])
    footer_style = text_before and not text_after
    # wpDiscuz and similar: name, text, "Antworten", then the date – the date trails.
    trailing = text_before and first_h > 0 and items[first_h - 1][0] == "R"
    parsed = _group_trailing(items, lines) if trailing else _group(items, lines, footer_style)
    if not footer_style and parsed:
        _trim_last(parsed[-1], lines)
        last_line = max(
            [*parsed[-1].text_lines, *(parsed[-1].header.lines if parsed[-1].header else [])]
        )
        end = min(end, last_line + 1) if parsed[-1].text_lines else end
    meta: dict[int, str] = {}
    owned = {idx for c in parsed if not c.pingback for idx in c.text_lines}
    for c in parsed:
        if c.pingback:
            for idx in [*c.text_lines, *(c.header.lines if c.header else [])]:
                meta[idx] = "pingback"
    for _tag, idx, header in items:
        if idx >= end or idx in owned or idx in meta:
            continue
        if header is not None:
            for h_idx in header.lines:
                meta.setdefault(h_idx, "comment-meta")
            continue
        kind = lines[idx].kind
        meta[idx] = kind if kind and kind != "share-button" else "comment-meta"
    comments = [c for c in parsed if not c.pingback and c.text_lines]
    return CommentZone(_nest(comments, lines, start), meta, end)


def _avatar_header(lines: list[TextLine], i: int, stop: int) -> Header | None:
    """An avatar made of initials ("S", "AM") and the name line under it ("S.", "Anna M.").

    Review widgets and some comment plugins draw a letter avatar when the writer has no
    picture; the text dump shows the letters on their own line, then the name. The letters
    must be the initials of the name, so a stray capital in the text is not taken.
    """
    letters = lines[i].content
    if not (1 <= len(letters) <= 3 and letters.isalpha() and letters.isupper()):
        return None
    nxt = _next_nonblank(lines, i + 1, min(stop, i + 3))
    if nxt is None or not _is_author_line(lines[nxt]):
        return None
    name = lines[nxt].content
    initials = "".join(w[0] for w in name.replace(".", ". ").split() if w[0].isalpha())
    if not initials.upper().startswith(letters):
        return None
    # Three lines for a name and initials: a date may follow on the name line's heels.
    date = lines[nxt].date()
    return Header([i, nxt], _clean_name(name), date.iso if date else None, lines[i].indent)


def _next_nonblank(lines: list[TextLine], i: int, stop: int) -> int | None:
    while i < stop:
        if not lines[i].blank:
            return i
        i += 1
    return None


def _group(
    items: list[tuple[str, int, Header | None]], lines: list[TextLine], footer_style: bool
) -> list[ParsedComment]:
    """Cut the item sequence into comments."""
    comments: list[ParsedComment] = []
    if footer_style:
        texts: list[int] = []
        for tag, idx, header in items:
            if tag == "T":
                texts.append(idx)
            elif tag == "H" and header is not None:
                comments.append(ParsedComment(header, texts))
                texts = []
        for c in comments:
            c.pingback = _is_pingback_text([lines[i] for i in c.text_lines]) or bool(
                c.header and c.header.long_name and not c.text_lines
            )
        return comments
    current: ParsedComment | None = None
    closed = False
    for tag, idx, header in items:
        if tag == "H" and header is not None:
            if (
                current is not None
                and not current.text_lines
                and not closed
                and current.header
                and not current.header.long_name
                and not header.long_name
            ):
                # Two header lines in a row ("Tabea sagt:" + date): one header.
                current.header.lines.extend(header.lines)
                current.header.author = current.header.author or header.author
                current.header.date = current.header.date or header.date
                current.header.long_name = current.header.long_name or header.long_name
                continue
            current = ParsedComment(header, [])
            comments.append(current)
            closed = False
        elif tag == "R":
            # A reply link right under the header (before the text) does not close it.
            closed = current is not None and bool(current.text_lines)
        elif tag == "T" and current is not None and not closed:
            current.text_lines.append(idx)
        elif (
            tag == "T"
            and current is not None
            and current.text_lines
            and lines[idx].indent >= lines[current.text_lines[0]].indent > 0
        ):
            # Text after the reply link and before the next header: still this comment
            # only if indented like it (a trailing greeting); otherwise zone furniture.
            current.text_lines.append(idx)
    for c in comments:
        c.pingback = _is_pingback_text([lines[i] for i in c.text_lines]) or bool(
            c.header and c.header.long_name and (not c.text_lines or _is_pingback_rule(lines, c))
        )
    return comments


def _is_pingback_rule(lines: list[TextLine], comment: ParsedComment) -> bool:
    assert comment.header is not None
    rule = lines[comment.header.lines[0]].rule
    return rule is not None and rule.kind == "pingback"


def _group_trailing(
    items: list[tuple[str, int, Header | None]], lines: list[TextLine]
) -> list[ParsedComment]:
    """Comments laid out as name line, text, reply link, date (the header trails the text).

    A run of text lines is a comment only when a reply link or a date follows it; its first
    line is the author when it looks like a bare name (w3m adds the avatar's alt text as the
    name twice, "FranziFranzi", which is skipped).
    """
    comments: list[ParsedComment] = []
    run: list[int] = []
    pending: ParsedComment | None = None  # closed comment still waiting for its date
    for tag, idx, header in [*items, ("M", -1, None)]:
        if tag == "T":
            if pending is not None and run == []:
                pending = None
            run.append(idx)
            continue
        if run:
            if tag in ("R", "H"):
                pending = _trailing_comment(run, lines)
                comments.append(pending)
            run = []
        if tag == "H" and header is not None and pending is not None:
            assert pending.header is not None
            pending.header.lines.extend(header.lines)
            pending.header.date = pending.header.date or header.date
            pending.header.author = pending.header.author or header.author
            pending = None
    for c in comments:
        c.pingback = _is_pingback_text([lines[i] for i in c.text_lines])
    return comments


def _trailing_comment(run: list[int], lines: list[TextLine]) -> ParsedComment:
    header = Header(indent=lines[run[0]].indent)
    text = list(run)
    first = lines[text[0]].content
    half = len(first) // 2
    if len(text) >= 2 and len(first) % 2 == 0 and half and first[:half] == first[half:]:
        header.lines.append(text.pop(0))  # "FranziFranzi": avatar alt text + name
    if len(text) >= 2 and _is_author_line(lines[text[0]]):
        header.lines.append(text[0])
        header.author = _clean_name(lines[text.pop(0)].content)
    return ParsedComment(header, text)


def _trim_last(comment: ParsedComment, lines: list[TextLine]) -> None:
    """The last comment runs until the indentation falls below its text's (sidebar starts)."""
    if not comment.text_lines:
        return
    base = lines[comment.text_lines[0]].indent
    kept = []
    for idx in comment.text_lines:
        if lines[idx].indent < base:
            break
        kept.append(idx)
    comment.text_lines[:] = kept


def _nest(
    comments: list[ParsedComment], lines: list[TextLine], start: int
) -> list[tuple[ParsedComment, int | None]]:
    """Parent by indentation: the nearest earlier comment indented less.

    When every comment sits at the same indentation (a flat dump, or a theme that does not
    indent replies), the threads come from dates, names and the post author's answers
    (:mod:`._text_threads`).
    """
    result: list[tuple[ParsedComment, int | None]] = []
    stack: list[tuple[int, int]] = []  # (indent, position)
    indents: set[int] = set()
    for pos, c in enumerate(comments):
        if c.header is not None and c.header.lines:
            indent = lines[c.header.lines[0]].indent
        else:
            indent = lines[c.text_lines[0]].indent
        indents.add(indent)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        result.append((c, stack[-1][1] if stack else None))
        stack.append((indent, pos))
    if len(indents) > 1 or len(comments) < 2:
        return result
    flat = [
        FlatComment(
            (c.header.author if c.header else None) or signature([lines[i] for i in c.text_lines]),
            c.header.date if c.header else None,
            lines[c.text_lines[0]].content,
        )
        for c in comments
    ]
    head = [ln.content for ln in lines[max(0, start - _HEAD_REACH) : start] if 0 < ln.words <= 12]
    parents = infer_parents(flat, head)
    return [(c, parent) for c, parent in zip(comments, parents, strict=True)]
