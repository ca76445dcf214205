"""blogtext: German text analysis for business blog posts.

The public API (imported lazily, so ``import blogtext`` stays cheap)::

    import blogtext
    report = blogtext.analyze_text("Liebe Kunden, …")        # -> blogtext.Report
    reports = blogtext.analyze_file("corpus/post.txt")        # -> list[Report]
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "CorpusTables",
    "Finding",
    "LintOptions",
    "LintResult",
    "Post",
    "Report",
    "Settings",
    "__version__",
    "analyze_corpus",
    "analyze_file",
    "analyze_text",
    "lint_paths",
]

_LAZY = {
    "analyze_text": "blogtext.pipeline",
    "analyze_file": "blogtext.pipeline",
    "Report": "blogtext.model",
    "Finding": "blogtext.model",
    "Post": "blogtext.model",
    "Settings": "blogtext.config",
    "lint_paths": "blogtext.lint",
    "analyze_corpus": "blogtext.batch",
    "CorpusTables": "blogtext.batch",
    "LintOptions": "blogtext.lint",
    "LintResult": "blogtext.lint",
}

if TYPE_CHECKING:
    from blogtext.batch import CorpusTables, analyze_corpus
    from blogtext.config import Settings
    from blogtext.lint import LintOptions, LintResult, lint_paths
    from blogtext.model import Finding, Post, Report
    from blogtext.pipeline import analyze_file, analyze_text


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'blogtext' has no attribute {name!r}")
