"""CI lint mode: findings only, inline suppression, exit code by severity, CI output formats.

``lint_paths`` is the library entry point; ``blogtext lint`` is a thin command over it.
Output formats live one per module: :mod:`.text`, :mod:`.line`, :mod:`.json`, :mod:`.sarif`,
:mod:`.github`; :func:`render` picks one by name.
"""

from __future__ import annotations

from blogtext.lint.api import Engine, LintOptions, PipelineEngine, lint_paths
from blogtext.lint.result import LintFinding, LintResult

__all__ = ["Engine", "LintFinding", "LintOptions", "LintResult", "PipelineEngine", "lint_paths"]
