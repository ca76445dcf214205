"""A batch run with a pluggable engine for the per-post work, and the same outputs either way.

:func:`run_batch_with` is the whole run: the inputs are read, deduplicated and checked against
the cache, the :class:`Engine` (:class:`blogtext.batch.runner.LocalEngine`, or the Ray engine)
turns :class:`WorkItem` objects into :class:`WorkResult` objects
(analysis + rendering, by :func:`blogtext.batch.worker.run_chunk` on its workers), and this
process alone writes every file, the cache, the corpus tables, the dashboard and ``errors.csv``.
So a distributed run produces byte-for-byte the per-post files and the tables of a local run.

Engines may deliver a result twice (a task retried after its worker died may have reported
before it died); :class:`_OnceSink` keeps the first result per post id and drops the rest, so
the output never has duplicates.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Protocol

from blogtext.batch._finish import finish_run
from blogtext.batch._outputs import OutputDir
from blogtext.batch.cache import ReportCache, run_fingerprint
from blogtext.batch.progress import BatchObserver, NullObserver
from blogtext.batch.runner import (
    BatchOptions,
    BatchSummary,
    _RunState,
    _work_items,
    estimate_posts,
)
from blogtext.batch.worker import WorkItem, WorkResult, restore_collector
from blogtext.config import Settings
from blogtext.model import PipelineInfo
from blogtext.nlp.model import require_pipeline

__all__ = ["Engine", "OnResults", "run_batch_with"]

OnResults = Callable[[list[WorkResult]], None]


class Engine(Protocol):
    """Turns work items into results somewhere else (a cluster) and hands them back."""

    def run(
        self,
        items: Iterator[WorkItem],
        settings: Settings,
        formats: tuple[str, ...],
        pipeline: PipelineInfo,
        on_results: OnResults,
    ) -> None:
        """Process every item of ``items`` and call ``on_results`` in this process.

        Every item must end in exactly one result (a report, or a ``problem`` for a post that
        could not be analysed); extra results for an item already delivered are ignored.
        ``items`` is lazy: consuming it reads the inputs (and records failed inputs).
        """


class _OnceSink:
    """Passes each post's first result to the run state; later ones are duplicates."""

    def __init__(self, state: _RunState) -> None:
        self.state = state

    def __call__(self, results: list[WorkResult]) -> None:
        fresh: list[WorkResult] = []
        seen: set[str] = set()
        for result in results:
            entry = self.state.entries.get(result.post_id)
            if entry is None or entry.ok is not None or result.post_id in seen:
                continue  # unknown, or already written/failed: a retried task's second answer
            seen.add(result.post_id)
            fresh.append(result)
        if fresh:
            self.state.accept(fresh)


def _fail_missing(state: _RunState) -> None:
    """Posts the engine never answered for become errors (a safety net: never silently lost)."""
    for entry in state.entries.values():
        if entry.ok is None:
            entry.ok = False
            state.fail(entry.seq, entry.location, "no result came back from the engine")


def run_batch_with(
    engine: Engine,
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings | None = None,
    options: BatchOptions | None = None,
    observer: BatchObserver | None = None,
) -> BatchSummary:
    """A batch run (see :func:`~blogtext.batch.runner.run_batch`) with ``engine`` doing the work.

    ``options.jobs`` and the chunk sizes are the engine's business (it batches on its own).

    Raises:
        ModelNotAvailableError: No German pipeline here (checked before anything is written).
        BlogtextError: Another run holds the output directory, or the engine failed as a whole.
    """
    settings = settings or Settings()
    options = options or BatchOptions(Path("reports"))
    observer = observer or NullObserver()
    started = time.perf_counter()
    pipeline = require_pipeline(settings.model)
    run = run_fingerprint(settings, pipeline)
    paths = list(paths)
    formats = options.resolved_formats()
    with OutputDir(options.out_dir) as output:
        cache = ReportCache(output.cache / "cache.sqlite", enabled=options.use_cache)
        try:
            state = _RunState(output, cache, formats, observer)
            observer.started(estimate_posts(paths, settings, output.root))
            items = _work_items(paths, settings, run, state)
            engine.run(items, settings, formats, pipeline, _OnceSink(state))
            _fail_missing(state)
            summary = BatchSummary(output.root, analysed=state.analysed, reused=state.reused)
            finish_run(output, state, formats, summary, observer)
        finally:
            restore_collector()  # the local engine settles it for the run (worker.py)
            cache.close()
    summary.seconds = time.perf_counter() - started
    observer.finished(summary)
    return summary
