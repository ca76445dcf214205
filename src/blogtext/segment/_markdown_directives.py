"""Inline suppression directives in HTML comments (Markdown drafts, also HTML and text).

Forms, one per comment (rule ids separated by spaces or commas; none = every rule; a rule
area such as ``gender`` covers all ``gender/…`` rules; text after a lone ``--`` is a reason)::

    <!-- blogtext-disable style/fuellwort, style/man -- Zitat, bleibt wörtlich -->
    …                                   (suppressed from this comment's line on)
    <!-- blogtext-enable style/fuellwort -->   (back on from this line; style/man stays off)
    <!-- blogtext-disable-next-line gender/generic-masculine -->
    <!-- blogtext-disable-line -->     (the comment's own line(s); for inline comments)
    <!-- blogtext-disable-file readability -->

A state change takes effect on the line of the comment: ``disable`` covers its own line,
``enable`` re-enables its own line. Comments inside code (fenced, indented, inline) are not
directives in Markdown. The lint stage asks :func:`find_suppression` for each finding and
reports directives that never matched with :func:`unused_suppressions`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from blogtext.model import Post
from blogtext.segment._markdown_inline import HtmlComment

DIRECTIVE_KINDS = ("disable", "enable", "disable-next-line", "disable-line", "disable-file")

_DIRECTIVE = re.compile(r"\s*blogtext-(disable-next-line|disable-line|disable-file|disable|enable)")


@dataclass(frozen=True)
class Suppression:
    """A stretch of lines on which some rules are switched off by one directive.

    Attributes:
        kind: ``disable``, ``disable-next-line``, ``disable-line`` or ``disable-file``.
        rules: Rule ids or areas switched off; empty = every rule.
        line: File line of the directive's ``<!--`` (1-based).
        column: 1-based column of the directive's ``<!--``.
        start: First suppressed line.
        end: Last suppressed line; ``None`` = to the end of the file.
        except_rules: Rules re-enabled inside a disable-everything range.
        reason: Text after ``--`` in the directive, if any.
    """

    kind: str
    rules: tuple[str, ...]
    line: int
    column: int
    start: int
    end: int | None
    except_rules: tuple[str, ...] = ()
    reason: str | None = None

    def covers(self, rule: str, line: int) -> bool:
        """True if this suppression switches ``rule`` off on file line ``line``."""
        if line < self.start or (self.end is not None and line > self.end):
            return False
        if any(_matches(token, rule) for token in self.except_rules):
            return False
        return not self.rules or any(_matches(token, rule) for token in self.rules)


def _matches(token: str, rule: str) -> bool:
    """``gender/generic-masculine`` matches itself and the area token ``gender``."""
    return rule == token or rule.startswith(token + "/")


def parse_suppressions(post: Post) -> list[Suppression]:
    """The suppression directives of a post, in file order.

    Markdown posts use the comments the Markdown parser found outside code; other formats
    use every ``<!-- … -->`` in ``post.text`` (its lines are file lines from
    ``post.first_line``).
    """
    if post.format == "markdown":
        from blogtext.segment.markdown import parse_markdown

        comments: Iterable[HtmlComment] = parse_markdown(post).comments
    else:
        comments = scan_comments(post.text, post.first_line)
    return suppressions_from_comments(comments)


def scan_comments(text: str, first_line: int = 1) -> list[HtmlComment]:
    """Every closed ``<!-- … -->`` of ``text``, positioned by file line and column."""
    comments: list[HtmlComment] = []
    line = first_line
    line_start = 0  # offset where ``line`` starts
    pos = 0
    while True:
        start = text.find("<!--", pos)
        close = text.find("-->", start + 2) if start >= 0 else -1
        if close < 0:
            return comments
        # Count and search only the stretch since the last comment: linear in the text.
        line += text.count("\n", pos, start)
        line_start = max(line_start, text.rfind("\n", pos, start) + 1)
        end_line = line + text.count("\n", start, close)
        comments.append(HtmlComment(line, start - line_start, end_line, text[start + 4 : close]))
        line_start = max(line_start, text.rfind("\n", start, close) + 1)
        pos, line = close + 3, end_line


def suppressions_from_comments(comments: Iterable[HtmlComment]) -> list[Suppression]:
    """Turn directive comments into suppressions; other comments are ignored.

    ``disable`` ranges stay open until an ``enable`` that names their rules (or names
    none); an ``enable`` of some rules inside a disable-everything range splits it into a
    closed part and an open part with those rules excepted.
    """
    done: list[Suppression] = []
    open_: list[Suppression] = []
    for comment in sorted(comments, key=lambda c: (c.line, c.column)):
        parsed = _parse_directive(comment.body)
        if parsed is None:
            continue
        kind, rules, reason = parsed
        where = (comment.line, comment.column + 1)
        if kind == "enable":
            open_ = _enable(open_, done, set(rules), comment.line)
        elif kind == "disable":
            open_.append(Suppression(kind, rules, *where, comment.line, None, (), reason))
        else:
            start, end = {
                "disable-next-line": (comment.end_line + 1, comment.end_line + 1),
                "disable-line": (comment.line, comment.end_line),
                "disable-file": (1, None),
            }[kind]
            done.append(Suppression(kind, rules, *where, start, end, (), reason))
    done.extend(open_)
    done.sort(key=lambda s: (s.line, s.column, s.start))
    return done


def _enable(
    open_: list[Suppression], done: list[Suppression], rules: set[str], line: int
) -> list[Suppression]:
    """Apply ``enable RULES`` on ``line`` to the open ranges; return those still open."""
    still_open: list[Suppression] = []
    for item in open_:
        if not rules:
            done.append(replace(item, end=line - 1))
        elif not item.rules:
            done.append(replace(item, end=line - 1))
            excepted = tuple(sorted(set(item.except_rules) | rules))
            still_open.append(replace(item, start=line, except_rules=excepted))
        else:
            ended = tuple(r for r in item.rules if r in rules)
            kept = tuple(r for r in item.rules if r not in rules)
            if ended:
                done.append(replace(item, rules=ended, end=line - 1))
            if kept:
                still_open.append(replace(item, rules=kept))
    return still_open


def _parse_directive(body: str) -> tuple[str, tuple[str, ...], str | None] | None:
    """``(kind, rules, reason)`` if a comment body is a directive, else ``None``."""
    match = _DIRECTIVE.match(body)
    if match is None:
        return None
    rest = body[match.end() :]
    if rest and not rest[0].isspace() and rest[0] != ",":
        return None  # "blogtext-disabled" is no directive
    tokens = rest.replace(",", " ").split()
    reason = None
    if "--" in tokens:
        cut = tokens.index("--")
        reason = " ".join(tokens[cut + 1 :]) or None
        tokens = tokens[:cut]
    return match.group(1), tuple(dict.fromkeys(tokens)), reason


def find_suppression(
    suppressions: Iterable[Suppression], rule: str, line: int
) -> Suppression | None:
    """The first suppression that switches ``rule`` off on ``line``, or ``None``."""
    for item in suppressions:
        if item.covers(rule, line):
            return item
    return None


def is_suppressed(suppressions: Iterable[Suppression], rule: str, line: int) -> bool:
    """True if some directive switches ``rule`` off on file line ``line``."""
    return find_suppression(suppressions, rule, line) is not None


def unused_suppressions(
    suppressions: Iterable[Suppression], used: Iterable[Suppression]
) -> list[Suppression]:
    """Directives none of whose ranges suppressed a finding (one entry per directive).

    Args:
        suppressions: All suppressions of a post.
        used: What :func:`find_suppression` returned for the post's findings.
    """
    used_at = {(item.line, item.column) for item in used}
    unused: list[Suppression] = []
    seen: set[tuple[int, int]] = set()
    for item in suppressions:
        key = (item.line, item.column)
        if key not in used_at and key not in seen:
            unused.append(item)
        seen.add(key)
    return unused
