"""Findings from worker processes: ``blogtext lint --jobs N``.

Each worker process creates one :class:`~blogtext.pipeline.Analyzer` per settings and keeps it
(the German pipeline loads once per worker); the main process splits a batch of posts into
one contiguous chunk per worker and gets findings back in input order. Workers start from a
fork server with spaCy preloaded, so they inherit no threads or open files of the main process.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from blogtext.config import Settings
from blogtext.errors import InputError
from blogtext.model import Finding, Post

if TYPE_CHECKING:
    from blogtext.pipeline import Analyzer

#: Below this many posts in a batch, the pool's start-up costs more than it saves.
MIN_POSTS_FOR_POOL = 8

#: Settings fingerprint → the analyzer of this process for those settings.
_analyzers: dict[str, Analyzer] = {}


def findings_of(posts: list[Post], settings: Settings) -> list[list[Finding] | InputError]:
    """Findings of each post (or why it failed), computed in this process."""
    from blogtext.lint.cache import settings_fingerprint
    from blogtext.pipeline import Analyzer

    key = settings_fingerprint(settings)
    if key not in _analyzers:
        _analyzers[key] = Analyzer(settings)
    return [
        item if isinstance(item, InputError) else list(item.findings)
        for item in _analyzers[key].analyze_posts(posts)
    ]


class WorkerPool:
    """A lazily started process pool that analyses chunks of posts."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def analyze(self, posts: list[Post], settings: Settings) -> list[list[Finding] | InputError]:
        """Findings of ``posts`` in input order, spread over the workers."""
        if self.jobs <= 1 or len(posts) < MIN_POSTS_FOR_POOL:
            return findings_of(posts, settings)
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["spacy", "blogtext.lint._parallel"])
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context)
        size = -(-len(posts) // self.jobs)  # ceiling division: one chunk per worker
        chunks = [posts[i : i + size] for i in range(0, len(posts), size)]
        results: list[list[Finding] | InputError] = []
        for part in self._pool.map(findings_of, chunks, [settings] * len(chunks)):
            results.extend(part)
        return results

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
