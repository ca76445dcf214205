"""``--format json``: the lint report as one JSON document (schema in docs/lint-json.md).

``schema_version`` follows the per-post report's rule (DESIGN.md): keys are only added; a
change or removal bumps the version.
"""

from __future__ import annotations

import json
from typing import Any

from blogtext import __version__
from blogtext.lint.result import LintResult

SCHEMA_VERSION = "1"


def lint_to_dict(result: LintResult) -> dict[str, Any]:
    """The JSON-ready lint report."""
    counts = result.counts()
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "blogtext", "version": __version__, "pipeline": result.pipeline},
        "summary": {
            "files": len(result.files),
            "posts": result.posts,
            "findings": sum(counts.values()),
            "by_severity": counts,
            "hidden": result.hidden,
            "suppressed": result.suppressed,
            "cached": result.cached,
            "skipped": len(result.skipped),
            "errors": len(result.errors),
            "min_level": result.min_level,
            "fail_level": result.fail_level,
            "failing": len(result.failing),
            "exit_code": int(result.exit_code),
        },
        "findings": [
            {"path": item.path, "record": item.record, **item.finding.to_dict()}
            for item in result.shown
        ],
        "files": result.files,
        "skipped": [{"input": e.location, "problem": e.problem} for e in result.skipped],
        "errors": [{"input": e.location, "problem": e.problem} for e in result.errors],
    }


def render_json(result: LintResult) -> str:
    """The report as indented JSON (UTF-8, German characters unescaped)."""
    return json.dumps(lint_to_dict(result), ensure_ascii=False, indent=2) + "\n"
