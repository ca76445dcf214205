"""Pick an output format by name (``--format``)."""

from __future__ import annotations

from blogtext.lint.github import render_github
from blogtext.lint.json import render_json
from blogtext.lint.line import render_line
from blogtext.lint.result import LintResult
from blogtext.lint.sarif import render_sarif
from blogtext.lint.text import render_text

FORMATS = ("text", "line", "json", "sarif", "github")


def render(result: LintResult, output_format: str, *, color: bool = False) -> str:
    """The result in one of :data:`FORMATS` (``color`` applies to ``text`` only)."""
    if output_format == "text":
        return render_text(result, color=color)
    renderers = {
        "line": render_line,
        "json": render_json,
        "sarif": render_sarif,
        "github": render_github,
    }
    if output_format not in renderers:
        raise ValueError(f"unknown lint format {output_format!r} (use {', '.join(FORMATS)})")
    return renderers[output_format](result)
