"""Batch analysis of a corpus: ``blogtext analyze`` and :func:`analyze_corpus`.

Modules: :mod:`.worker` (the pure per-post function and the chunk a worker runs),
:mod:`.runner` (streaming, executors, files), :mod:`.cache` (SQLite result cache),
:mod:`.progress` (progress observers), :mod:`.api` (the DataFrame API).

The DataFrame API is imported on first use only: it needs pandas (~0.6 s to import), which
``blogtext analyze`` never does.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from blogtext.batch.runner import BatchOptions, BatchSummary, run_batch
from blogtext.batch.worker import analyze_post_dict

if TYPE_CHECKING:
    from blogtext.batch.api import CorpusTables, analyze_corpus

__all__ = [
    "BatchOptions",
    "BatchSummary",
    "CorpusTables",
    "analyze_corpus",
    "analyze_post_dict",
    "run_batch",
]

_LAZY = {"CorpusTables": "blogtext.batch.api", "analyze_corpus": "blogtext.batch.api"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'blogtext.batch' has no attribute {name!r}")
