"""``--format line``: ``path:line:col: severity rule-id message``, one finding per line.

The format of DESIGN.md, readable by editors' problem matchers (Vim ``errorformat``, VS Code)
and by ``grep``. Newlines in a message become spaces so a finding never spans two lines; a
JSONL/CSV record number is not part of the path (its line is the file line already).
"""

from __future__ import annotations

from blogtext.lint.result import LintFinding, LintResult


def format_line(item: LintFinding) -> str:
    """One finding as one line."""
    f = item.finding
    message = " ".join(f.message.split())
    return f"{item.path}:{f.line}:{f.column}: {f.severity} {f.rule} {message}"


def render_line(result: LintResult) -> str:
    """Every shown finding, one per line (empty output when there is none)."""
    return "".join(format_line(item) + "\n" for item in result.shown)
