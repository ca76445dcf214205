"""``--format text``: findings grouped by file, coloured on a terminal, and a summary line."""

from __future__ import annotations

from itertools import groupby

import click

from blogtext.lint.result import LintResult

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def render_text(result: LintResult, color: bool = False) -> str:
    """The human-readable report.

    Args:
        result: What the run found.
        color: Use ANSI colours (the caller decides: a TTY, no ``NO_COLOR``, no output file).
    """

    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if color else text  # type: ignore[arg-type]

    lines: list[str] = []
    shown = result.shown
    for path, group in groupby(shown, key=lambda item: item.path):
        items = list(group)
        lines.append(style(path, bold=True, underline=True))
        position_width = max(
            len(_position(item.finding.line, item.finding.column, item.record)) for item in items
        )
        for item in items:
            f = item.finding
            position = _position(f.line, f.column, item.record).ljust(position_width)
            severity = style(f.severity.ljust(7), fg=_COLOURS.get(f.severity))
            message = " ".join(f.message.split())
            lines.append(
                f"  {style(position, dim=True)}  {severity}  {message}  {style(f.rule, dim=True)}"
            )
        lines.append("")
    lines.append(_summary(result, style))
    return "\n".join(lines) + "\n"


def _position(line: int, column: int, record: int | None) -> str:
    return f"{line}:{column}" if record is None else f"#{record} {line}:{column}"


def _summary(result: LintResult, style) -> str:  # type: ignore[no-untyped-def]
    counts = result.counts()
    total = sum(counts.values())
    files = len(result.files)
    file_word = "file" if files == 1 else "files"
    if total == 0:
        head = (
            style(f"No findings in {files} {file_word}.", fg="green", bold=True)
            if not result.failing
            else f"No findings shown in {files} {file_word}."
        )
    else:
        parts = [
            f"{n} {name}{'s' if n != 1 and name != 'info' else ''}"
            for name, n in counts.items()
            if n
        ]
        affected = len({item.path for item in result.shown})
        noun = "finding" if total == 1 else "findings"
        colour = "red" if counts["error"] else "yellow" if counts["warning"] else "cyan"
        head = style(
            f"{total} {noun} ({', '.join(parts)}) in {affected} of {files} {file_word}.",
            fg=colour,
            bold=True,
        )
    notes = []
    if result.hidden:
        notes.append(f"{result.hidden} below --min-level {result.min_level} not shown")
    if result.suppressed:
        notes.append(f"{result.suppressed} suppressed by blogtext-disable comments")
    if result.cached:
        notes.append(f"{result.cached} of {result.posts} posts from cache")
    if result.skipped:
        notes.append(f"{len(result.skipped)} without text skipped")
    if result.errors:
        notes.append(f"{len(result.errors)} could not be read")
    failing = len(result.failing)
    if failing:
        notes.append(f"{failing} at or above --fail-level {result.fail_level}")
    return head + (f" ({'; '.join(notes)})" if notes else "")
