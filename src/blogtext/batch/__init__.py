"""Batch analysis of a corpus: ``blogtext analyze`` and :func:`analyze_corpus`.

Modules: :mod:`.worker` (the pure per-post function and the chunk a worker runs),
:mod:`.runner` (streaming, executors, files), :mod:`.cache` (SQLite result cache),
:mod:`.progress` (progress observers), :mod:`.api` (the DataFrame API).
"""

from __future__ import annotations

from blogtext.batch.api import CorpusTables, analyze_corpus
from blogtext.batch.runner import BatchOptions, BatchSummary, run_batch
from blogtext.batch.worker import analyze_post_dict

__all__ = [
    "BatchOptions",
    "BatchSummary",
    "CorpusTables",
    "analyze_corpus",
    "analyze_post_dict",
    "run_batch",
]
