"""Where chunks of work run: in this process (``--jobs 1``) or in a pool of worker processes.

Both executors take chunks with :meth:`submit` and hand every chunk's results to one callback
in the main process, which alone writes files and the cache. The pool keeps at most two chunks
per worker in flight, so the main process never holds more than a few chunks of posts while
reading the inputs ahead.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from blogtext.batch.worker import (
    WorkItem,
    WorkResult,
    init_worker,
    run_chunk,
    settle_collector,
)
from blogtext.config import Settings

if TYPE_CHECKING:  # imported when a pool is made: a --jobs 1 run need not load them
    from concurrent.futures import Future, ProcessPoolExecutor

OnResults = Callable[[list[WorkResult]], None]


class InlineExecutor:
    """Runs each chunk at once, in this process (no pickling, one pipeline load).

    The garbage collector is settled for the run (:func:`~blogtext.batch.worker.settle_collector`;
    the run restores it when it ends), and what is alive is frozen once the first analysis has
    loaded the pipeline.
    """

    def __init__(self, settings: Settings, formats: Sequence[str], on_results: OnResults) -> None:
        self.settings, self.formats, self.on_results = settings, tuple(formats), on_results
        settle_collector(freeze=False)

    def submit(self, chunk: list[WorkItem]) -> None:
        """Process ``chunk`` now."""
        results = run_chunk(chunk, self.settings, self.formats)
        settle_collector(freeze=any(item.report is None for item in chunk))
        self.on_results(results)

    def close(self) -> None:
        """Nothing is pending."""

    def abort(self) -> None:
        """Nothing is pending."""


class PoolExecutor:
    """A process pool; each worker creates its analyzer (and loads the pipeline) once.

    Workers start from a fork server: a clean process with spaCy already imported, so they
    start fast and inherit no threads or open files of the main process. If a worker dies
    (out of memory, a crash in native code), the pool is rebuilt and the posts of the lost
    chunks are retried one per chunk; a post that kills a worker on its own becomes an error.
    """

    def __init__(
        self, jobs: int, settings: Settings, formats: Sequence[str], on_results: OnResults
    ) -> None:
        self.jobs, self.settings, self.formats = jobs, settings, tuple(formats)
        self.on_results = on_results
        self.pending: dict[Future[list[WorkResult]], list[WorkItem]] = {}
        self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["spacy", "blogtext.batch.worker", "blogtext.pipeline"])
        return ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=context,
            initializer=init_worker,
            initargs=(self.settings, os.getpid()),
        )

    def submit(self, chunk: list[WorkItem]) -> None:
        """Queue ``chunk``; first wait while two chunks per worker are in flight."""
        while len(self.pending) >= 2 * self.jobs:
            self._collect()
        self.pending[self.pool.submit(run_chunk, chunk, self.settings, self.formats)] = chunk

    def _collect(self) -> None:
        """Hand on the results of the chunks that are done (at least one; waits for it)."""
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        done, _ = wait(list(self.pending), return_when=FIRST_COMPLETED)
        lost: list[list[WorkItem]] = []
        for future in done:
            chunk = self.pending.pop(future)
            try:
                results = future.result()
            except BrokenProcessPool:
                lost.append(chunk)
                continue
            self.on_results(results)
        if lost:
            self._recover(lost)

    def _recover(self, lost: list[list[WorkItem]]) -> None:
        # Every future of a broken pool fails; move them all to the retry list.
        lost += [self.pending.pop(f) for f in list(self.pending)]
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()
        for chunk in lost:
            if len(chunk) == 1:
                self.on_results([_worker_died(chunk[0])])
            else:
                for item in chunk:
                    self.submit([item])

    def close(self) -> None:
        """Wait for every pending chunk, then stop the workers."""
        try:
            while self.pending:
                self._collect()
        except BaseException:
            self.abort()
            raise
        self.pool.shutdown(wait=True)

    def abort(self) -> None:
        """Drop pending work and stop the workers without waiting (an error or Ctrl-C)."""
        self.pending.clear()
        self.pool.shutdown(wait=False, cancel_futures=True)


def _worker_died(item: WorkItem) -> WorkResult:
    return WorkResult.failed(
        item,
        "the worker process died while analysing this post (out of memory or a crash)",
    )
