"""The batch run behind ``blogtext analyze``: inputs → per-post files → corpus tables → dashboard.

Flow, and why it survives ``kill -9`` at any moment:

1. Take the output directory (lock), delete ``.*.tmp`` leftovers of a killed run.
2. Stream the inputs (:func:`blogtext.ingest.read_inputs`); for each post compute its cache key.
   A post whose report is cached *and* whose files were completed for that key is done
   already; a cached post with missing files is only rendered; the rest is analysed.
3. Chunks go to the executor (in-process or a process pool); the main process writes each
   result's files atomically, then records report and completion in the cache (SQLite, one
   transaction per chunk). A kill between the two only means the rerun redoes that chunk.
4. At the end — and only then — stale per-post files are pruned, and the corpus tables, the
   dashboard and ``errors.csv`` are rebuilt from the per-post JSON files of this run, each
   written to a temporary file and renamed. The tables therefore always describe exactly the
   posts of the last complete run, with one row per post and no duplicates. (Tables that
   already hold exactly these posts and reports are kept as they are: see ``_finish``.)
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from blogtext.batch._executor import InlineExecutor, PoolExecutor
from blogtext.batch._outputs import FORMATS, OutputDir
from blogtext.batch.cache import ReportCache, cache_key
from blogtext.batch.progress import BatchObserver
from blogtext.batch.worker import WorkItem, WorkResult
from blogtext.config import Settings
from blogtext.errors import InputError
from blogtext.ingest import discover, read_inputs
from blogtext.model import PipelineInfo, Post


@dataclass(frozen=True)
class BatchOptions:
    """How a batch run works.

    Attributes:
        out_dir: The output directory (``reports/``).
        jobs: Worker processes; ``None`` = one per CPU core; 1 = in this process.
        use_cache: ``False`` (``--no-cache``) analyses every post again (results still refresh
            the cache).
        formats: Per-post files to write; ``json`` is always written (tables are built from it).
        chunk_posts: Posts per unit of work (one ``nlp.pipe`` batch in a worker).
        chunk_chars: A chunk also ends when its posts reach this many characters.
    """

    out_dir: Path
    jobs: int | None = None
    use_cache: bool = True
    formats: tuple[str, ...] = FORMATS
    chunk_posts: int = 16
    chunk_chars: int = 200_000

    def resolved_formats(self) -> tuple[str, ...]:
        """The formats in canonical order, ``json`` included."""
        return tuple(ext for ext in FORMATS if ext == "json" or ext in self.formats)


@dataclass
class BatchSummary:
    """What a batch run did."""

    out_dir: Path
    posts: int = 0  # posts in the corpus tables
    analysed: int = 0  # analysed in this run
    reused: int = 0  # taken from the cache
    failures: list[tuple[str, str]] = field(default_factory=list)  # (input, problem)
    seconds: float = 0.0


@dataclass
class _Entry:
    seq: int
    location: str
    key: str = ""  # the cache key of the post's report
    ok: bool | None = None  # None while pending


class _RunState:
    """Bookkeeping of the main process: which post ids exist, which failed, counters."""

    def __init__(
        self,
        output: OutputDir,
        cache: ReportCache,
        formats: tuple[str, ...],
        observer: BatchObserver,
    ) -> None:
        self.output, self.cache, self.formats, self.observer = output, cache, formats, observer
        self.formats_key = ",".join(formats)
        self.entries: dict[str, _Entry] = {}
        self.failures: list[tuple[int, str, str]] = []
        self.done = self.analysed = self.reused = 0

    def fail(self, seq: int, location: str, problem: str) -> None:
        self.failures.append((seq, location, problem))
        self.done += 1
        self.observer.failed(location, problem)
        self.observer.advanced(self.done, len(self.failures))

    def finish_skipped(self, post_id: str) -> None:
        self.entries[post_id].ok = True
        self.reused += 1
        self.done += 1
        self.observer.advanced(self.done, len(self.failures))

    def accept(self, results: list[WorkResult]) -> None:
        """Write the files of finished posts and record them in the cache."""
        for result in results:
            entry = self.entries[result.post_id]
            if result.report is None:
                entry.ok = False
                self.failures.append((result.seq, result.location, result.problem or "failed"))
                self.observer.failed(result.location, result.problem or "failed")
            else:
                self.output.write_post_files(result.post_id, result.files)
                if result.fresh:
                    self.cache.put(result.key, result.report, result.files.get("json"))
                    self.analysed += 1
                else:
                    self.reused += 1
                self.cache.mark_written(result.post_id, result.key, self.formats_key)
                entry.ok = True
            self.done += 1
        self.cache.commit()
        self.observer.advanced(self.done, len(self.failures))


def run_batch(
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings | None = None,
    options: BatchOptions | None = None,
    observer: BatchObserver | None = None,
) -> BatchSummary:
    """Analyse every post under ``paths`` into ``options.out_dir`` (see module docstring).

    The work runs in this process or in a pool of ``options.jobs`` worker processes; the rest
    of the run (inputs, cache, outputs, tables) is :func:`~blogtext.batch._sink.run_batch_with`,
    shared with the Ray engine.

    Raises:
        ModelNotAvailableError: No German pipeline (checked before anything is written).
        BlogtextError: Another run holds the output directory.
    """
    from blogtext.batch._sink import run_batch_with  # the sink builds on this module

    options = options or BatchOptions(Path("reports"))
    return run_batch_with(LocalEngine(options), paths, settings, options, observer)


class LocalEngine:
    """Runs work items in this process, or in a process pool when there is enough work."""

    def __init__(self, options: BatchOptions) -> None:
        self.options = options

    def run(
        self,
        items: Iterator[WorkItem],
        settings: Settings,
        formats: tuple[str, ...],
        pipeline: PipelineInfo,
        on_results: Callable[[list[WorkResult]], None],
    ) -> None:
        """Process every item; results go to ``on_results`` in this process."""
        chunks = _chunks(items, self.options)
        first = next(chunks, None)
        if first is None:
            return
        second = next(chunks, None)
        # A pool costs a pipeline load per worker; one chunk of work gains nothing from it.
        jobs = 1 if second is None else max(1, self.options.jobs or os.cpu_count() or 1)
        executor: InlineExecutor | PoolExecutor
        if jobs == 1:
            executor = InlineExecutor(settings, formats, on_results)
        else:
            executor = PoolExecutor(jobs, settings, formats, on_results)
        try:
            for chunk in itertools.chain([first], [second] if second else [], chunks):
                executor.submit(chunk)
        except BaseException:
            executor.abort()
            raise
        executor.close()


def _inputs(
    paths: list[str | os.PathLike[str]], settings: Settings, out_dir: Path
) -> Iterator[Post | InputError]:
    """Posts under ``paths`` except the output directory's own files (a rerun of
    ``analyze . -o reports`` must not read its reports as posts)."""
    skip = out_dir.resolve()
    for item in discover(paths):
        if isinstance(item, InputError):
            yield item
        elif not item.resolve().is_relative_to(skip):
            yield from read_inputs([item], settings)


def _work_items(
    paths: list[str | os.PathLike[str]], settings: Settings, run: str, state: _RunState
) -> Iterator[WorkItem]:
    """Work still to do, in input order; done posts and failures are recorded on the way."""
    for seq, item in enumerate(_inputs(paths, settings, state.output.root)):
        if isinstance(item, InputError):
            state.fail(seq, item.location, item.problem)
            continue
        if item.id in state.entries:
            first = state.entries[item.id].location
            state.fail(
                seq,
                item.location,
                f"duplicate post id '{item.id}' (same as {first}); the first one is kept",
            )
            continue
        key = cache_key(item, run)
        state.entries[item.id] = _Entry(seq, item.location, key)
        if (
            state.cache.written(item.id) == (key, state.formats_key)
            and state.output.has_files(item.id, state.formats)
            and state.cache.has(key)
        ):
            state.finish_skipped(item.id)
            continue
        yield WorkItem(seq, item, key, state.cache.get(key))


def _chunks(items: Iterator[WorkItem], options: BatchOptions) -> Iterator[list[WorkItem]]:
    chunk: list[WorkItem] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item.post.text)
        if len(chunk) >= options.chunk_posts or size >= options.chunk_chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def estimate_posts(
    paths: list[str | os.PathLike[str]], settings: Settings, out_dir: Path
) -> int | None:
    """About how many posts the inputs hold (for the progress bar's ETA; never exact for CSV)."""
    from blogtext.ingest.sniff import format_from_extension

    skip = out_dir.resolve()
    total = 0
    for item in discover(paths):
        if isinstance(item, InputError):
            total += 1
            continue
        if item.resolve().is_relative_to(skip):
            continue
        fmt = (
            settings.input_format
            if settings.input_format != "auto"
            else format_from_extension(item)
        )
        if fmt in ("jsonl", "csv"):
            try:
                with item.open("rb") as handle:
                    lines = sum(1 for line in handle if line.strip())
            except OSError:
                lines = 1
            total += max(lines - (fmt == "csv"), 1)
        else:
            total += 1
    return total
