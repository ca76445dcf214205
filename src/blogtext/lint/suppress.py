"""Inline suppression: ``<!-- blogtext-disable … -->`` comments in Markdown and HTML.

Four forms, each with an optional list of rule ids (spaces or commas between them; none means
every rule) and an optional ``-- reason`` at the end::

    <!-- blogtext-disable gender/generic-masculine -->   … from here …
    <!-- blogtext-enable gender/generic-masculine -->    … to here
    <!-- blogtext-disable-next-line style/anglizismus -- Produktname -->
    <!-- blogtext-disable-file readability/long-sentence -->

``disable``/``enable`` work per rule and by position: a finding is suppressed when the last
directive before it that names its rule (or names none) is a ``disable``. ``disable-next-line``
covers findings that start on the line after the comment's last line. Directives inside fenced
code, indented code and code spans are examples, not directives, and are skipped.

The meta rules ``lint/unused-disable`` (with ``--report-unused-disables``) and
``lint/unknown-rule`` (a directive naming a rule that does not exist) report on directives;
their findings cannot themselves be suppressed.

Known limitation: in HTML, positions of findings refer to the extracted text view
(DESIGN.md), not to the markup where comments live, so a ``blogtext-disable`` there acts
like ``blogtext-disable-file`` (the whole page), ``blogtext-enable`` is ignored, and
``blogtext-disable-next-line`` is matched against markup lines (it rarely hits).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field

from blogtext.model import Finding, Post
from blogtext.rules.registry import Rule

DISABLE = "disable"
ENABLE = "enable"
NEXT_LINE = "disable-next-line"
FILE = "disable-file"

_DIRECTIVE = re.compile(
    r"<!--\s*blogtext-(?P<kind>disable-next-line|disable-file|disable|enable)(?![\w-])"
    r"(?P<args>.*?)-->",
    re.DOTALL,
)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_RULE_SPLIT = re.compile(r"[\s,]+")


@dataclass
class Directive:
    """One suppression comment.

    Attributes:
        kind: ``disable``, ``enable``, ``disable-next-line`` or ``disable-file``.
        rules: Rule ids named (empty = every rule).
        line: 1-based file line of ``<!--``.
        column: 1-based column of ``<!--``.
        end_line: File line of ``-->``.
        used: Rule ids of the findings this directive suppressed.
    """

    kind: str
    rules: tuple[str, ...]
    line: int
    column: int
    end_line: int
    used: set[str] = field(default_factory=set)

    def covers(self, rule_id: str) -> bool:
        return not self.rules or rule_id in self.rules

    @property
    def comment(self) -> str:
        return f"blogtext-{self.kind}"


def parse_directives(post: Post) -> list[Directive]:
    """The suppression directives of a Markdown or HTML post, in file order (others: none)."""
    if post.format not in ("markdown", "html"):
        return []
    text = post.text
    skipped = _code_spans(text) if post.format == "markdown" else []
    line_starts = _line_starts(text)
    directives = []
    for match in _DIRECTIVE.finditer(text):
        if any(start <= match.start() < end for start, end in skipped):
            continue
        kind = match.group("kind")
        if post.format == "html" and kind in (DISABLE, ENABLE):
            # No position mapping from markup to the text view: a range means the page.
            if kind == ENABLE:
                continue
            kind = FILE
        args = match.group("args").split(" -- ", 1)[0].strip()
        rules = tuple(part for part in _RULE_SPLIT.split(args) if part)
        line_index, column = _position(line_starts, match.start())
        end_index, _ = _position(line_starts, match.end() - 1)
        directives.append(
            Directive(
                kind=kind,
                rules=rules,
                line=post.source_line(line_index),
                column=column + 1,
                end_line=post.source_line(end_index),
            )
        )
    return directives


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, char in enumerate(text) if char == "\n")
    return starts


def _position(line_starts: list[int], offset: int) -> tuple[int, int]:
    """0-based (line index, column) of a character offset."""
    index = bisect.bisect_right(line_starts, offset) - 1
    return index, offset - line_starts[index]


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of Markdown code (fenced, indented, inline) where directives are text.

    A small scanner, not a CommonMark parser: fences open and close with the same character
    and at least the opening length; a line indented by four or more spaces after a blank
    line is indented code; backtick runs pair with the next run of the same length on the line.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    fence: str | None = None
    fence_start = 0
    previous_blank, in_indented = True, False
    for line in text.split("\n"):
        end = offset + len(line) + 1
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                spans.append((fence_start, end))
                fence = None
        elif match:
            fence, fence_start = match.group(1), offset
        elif (previous_blank or in_indented) and line.startswith(("    ", "\t")):
            spans.append((offset, end))
            in_indented = True
        else:
            in_indented = in_indented and not line.strip()
            spans.extend(_inline_code(line, offset))
        previous_blank = not line.strip()
        offset = end
    if fence is not None:
        spans.append((fence_start, len(text)))
    return spans


def _inline_code(line: str, offset: int) -> Iterable[tuple[int, int]]:
    runs = [(m.start(), len(m.group())) for m in re.finditer(r"`+", line)]
    i = 0
    while i < len(runs):
        start, length = runs[i]
        closing = next((j for j in range(i + 1, len(runs)) if runs[j][1] == length), None)
        if closing is None:
            i += 1
            continue
        yield (offset + start, offset + runs[closing][0] + length)
        i = closing + 1


def is_suppressed(finding: Finding, directives: list[Directive]) -> Directive | None:
    """The directive that suppresses ``finding`` (and is marked used), or ``None``."""
    rule = finding.rule
    for directive in directives:
        if directive.kind == FILE and directive.covers(rule):
            directive.used.add(rule)
            return directive
        on_next_line = directive.kind == NEXT_LINE and directive.end_line + 1 == finding.line
        if on_next_line and directive.covers(rule):
            directive.used.add(rule)
            return directive
    state: Directive | None = None
    position = (finding.line, finding.column)
    for directive in directives:
        if directive.kind not in (DISABLE, ENABLE) or (directive.line, directive.column) > position:
            continue
        if directive.covers(rule):
            state = directive if directive.kind == DISABLE else None
    if state is not None:
        state.used.add(rule)
    return state


@dataclass
class SuppressionOutcome:
    """What suppression left of one post's findings."""

    kept: list[Finding]
    suppressed: int
    directive_findings: list[Finding]


def apply_suppressions(
    findings: list[Finding],
    directives: list[Directive],
    known_rules: Collection[str],
    *,
    report_unused: bool,
) -> SuppressionOutcome:
    """Drop suppressed findings; report unknown rule ids and (optionally) unused directives."""
    kept: list[Finding] = []
    suppressed = 0
    for finding in findings:
        if finding.rule.startswith("lint/") or is_suppressed(finding, directives) is None:
            kept.append(finding)
        else:
            suppressed += 1
    reported: list[Finding] = []
    for directive in directives:
        for rule_id in directive.rules:
            if rule_id not in known_rules:
                reported.append(_directive_finding(directive, UNKNOWN_RULE, _unknown(rule_id)))
        if report_unused and directive.kind != ENABLE:
            reported.extend(_unused(directive, known_rules))
    return SuppressionOutcome(kept, suppressed, reported)


def _unknown(rule_id: str) -> str:
    return f"unknown rule '{rule_id}' in a blogtext directive (see `blogtext rules`)"


def _unused(directive: Directive, known_rules: Collection[str]) -> Iterator[Finding]:
    if not directive.rules:
        if not directive.used:
            message = f"unused {directive.comment} directive (no finding was suppressed)"
            yield _directive_finding(directive, UNUSED_DISABLE, message)
        return
    for rule_id in directive.rules:
        if rule_id in known_rules and rule_id not in directive.used:
            message = f"unused {directive.comment} directive (no {rule_id} finding was suppressed)"
            yield _directive_finding(directive, UNUSED_DISABLE, message)


def _directive_finding(directive: Directive, rule: Rule, message: str) -> Finding:
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        message=message,
        line=directive.line,
        column=directive.column,
        end_line=directive.line,
        end_column=directive.column + 4,  # the "<!--" that opens the directive
        text="<!--",
    )


def _unused_disable_doc() -> None:
    """A suppression comment that suppresses nothing.

    ## What it flags
    A `<!-- blogtext-disable … -->`, `blogtext-disable-next-line` or `blogtext-disable-file`
    comment under which no finding of the named rules (or of any rule) was suppressed.
    Reported only with `blogtext lint --report-unused-disables`.

    ## Why it matters
    A stale suppression hides the next real finding in that place and misleads readers of
    the source about what the checks say.

    ## Example
    <!-- blogtext-disable-next-line gender/generic-masculine -->
    Das Team freut sich auf Ihre Fragen.

    ## Use instead
    Das Team freut sich auf Ihre Fragen.

    ## Options
    None.

    ## Known limitations
    With `--changed-only`, only directives on changed lines are reported.

    ## References
    ESLint `--report-unused-disable-directives`.
    """


def _unknown_rule_doc() -> None:
    """A suppression comment names a rule that does not exist.

    ## What it flags
    A rule id in a `<!-- blogtext-disable … -->` style comment that is not a registered rule
    (a typo, or a rule that was removed).

    ## Why it matters
    The comment suppresses nothing, so the finding it was meant for still fails the build,
    and the typo is hard to spot.

    ## Example
    <!-- blogtext-disable gender/generic-maskulin -->

    ## Use instead
    <!-- blogtext-disable gender/generic-masculine -->

    ## Options
    None.

    ## Known limitations
    None.

    ## References
    `blogtext rules` lists every rule id.
    """


def _meta_rule(rule_id: str, doc_holder: object) -> Rule:
    def check(context: object) -> list[Finding]:
        return []

    check.__doc__ = doc_holder.__doc__  # type: ignore[attr-defined]
    summary = (doc_holder.__doc__ or "").strip().split("\n", 1)[0]  # type: ignore[attr-defined]
    return Rule(rule_id, "warning", summary, check)


#: Rules reported by lint itself about directives (not in the registry: they need no document).
UNUSED_DISABLE = _meta_rule("lint/unused-disable", _unused_disable_doc)
UNKNOWN_RULE = _meta_rule("lint/unknown-rule", _unknown_rule_doc)
META_RULES = (UNKNOWN_RULE, UNUSED_DISABLE)
