"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`` with the escaping of
``@actions/core`` (``toCommandValue``/``escapeData``/``escapeProperty`` in its
``command.ts``): ``%`` → ``%25``, CR → ``%0D``, LF → ``%0A`` in the message, and also
``:`` → ``%3A`` and ``,`` → ``%2C`` in property values. GitHub shows at most 10 annotations of
each level per step, so the most severe come first; the whole table goes to
``$GITHUB_STEP_SUMMARY`` (Markdown) when that variable is set.
"""

from __future__ import annotations

import os
from pathlib import Path

from blogtext.lint.result import LintFinding, LintResult

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
#: Annotations GitHub shows per level and step (more are dropped silently by GitHub).
SHOWN_PER_LEVEL = 10


def escape_data(value: str) -> str:
    """Escape a workflow command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_command(item: LintFinding) -> str:
    """One finding as a workflow command."""
    f = item.finding
    properties = {
        "file": item.path,
        "line": str(f.line),
        "col": str(f.column),
        "endLine": str(max(f.end_line, f.line)),
        "endColumn": str(f.end_column),
        "title": f"blogtext {f.rule}",
    }
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    message = f.message
    if f.suggestions:
        message += "\nVorschlag: " + ", ".join(f.suggestions)
    return f"::{_COMMANDS[f.severity]} {props}::{escape_data(message)}"


def ordered(result: LintResult) -> list[LintFinding]:
    """Shown findings, most severe first, then by file and position."""
    return sorted(result.shown, key=lambda item: (-item.rank, item.sort_key()))


def render_github(result: LintResult) -> str:
    """The workflow commands, plus a plain note when GitHub will not show them all."""
    items = ordered(result)
    lines = [format_command(item) for item in items]
    counts = result.counts()
    over = {level: n - SHOWN_PER_LEVEL for level, n in counts.items() if n > SHOWN_PER_LEVEL}
    if over:
        detail = ", ".join(f"{n} more {level}" for level, n in over.items())
        lines.append(
            f"blogtext: GitHub shows 10 annotations per level; {detail} are in the job summary."
        )
    for error in result.errors:
        lines.append(
            f"::error file={escape_property(error.location.split(':')[0])},title=blogtext::{escape_data(error.problem)}"
        )
    return "".join(line + "\n" for line in lines)


def step_summary(result: LintResult) -> str:
    """The full findings table as Markdown for ``$GITHUB_STEP_SUMMARY``."""
    counts = result.counts()
    total = sum(counts.values())
    head = ", ".join(f"{n} {level}" for level, n in counts.items())
    out = [f"## blogtext lint\n\n{total} findings ({head}) in {len(result.files)} files.\n"]
    if total:
        out.append("| Level | File | Line | Rule | Message |")
        out.append("|---|---|---:|---|---|")
        for item in ordered(result):
            f = item.finding
            out.append(
                f"| {f.severity} | {_cell(item.path)} | {f.line}:{f.column} | `{f.rule}` | {_cell(f.message)} |"
            )
    return "\n".join(out) + "\n"


def write_step_summary(result: LintResult) -> bool:
    """Append :func:`step_summary` to ``$GITHUB_STEP_SUMMARY``; ``False`` when it is not set."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    with Path(target).open("a", encoding="utf-8") as handle:
        handle.write(step_summary(result))
    return True


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
