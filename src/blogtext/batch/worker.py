"""The per-post work of a batch run, as plain importable functions.

:func:`analyze_post_dict` is *the* unit of work: a post and the settings in, the per-post
report dict (the JSON contract of DESIGN.md) out. It keeps no state between calls except the
:class:`~blogtext.pipeline.Analyzer` (and through it the German pipeline), created once per
process and settings, so the same function runs in-process, in a process pool, or on another
executor (Ray) unchanged.

:func:`run_chunk` is what a worker process runs: a few posts at once, so the analyzer can feed
them to ``nlp.pipe`` in one batch, plus rendering of the per-post files (rendering is CPU work
and parallelises with the analysis). Workers never touch the output directory or the cache;
the main process writes every file, so a killed run leaves no half-done work behind in workers.
"""

from __future__ import annotations

import ctypes
import gc
import os
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from blogtext.config import Settings
from blogtext.errors import BlogtextError, InputError
from blogtext.model import Post, Report
from blogtext.report.json import dumps, report_to_dict

if TYPE_CHECKING:
    from blogtext.pipeline import Analyzer

__all__ = ["WorkItem", "WorkResult", "analyze_post_dict", "analyze_posts_dicts", "run_chunk"]

_current: tuple[Settings, Analyzer] | None = None


def _analyzer(settings: Settings) -> Analyzer:
    """The analyzer of this process for ``settings`` (created on first use, then reused)."""
    global _current
    if _current is None or _current[0] != settings:
        # Imported on first use: a rerun whose posts all come from the cache analyses nothing
        # and need not load the analyses (pool workers have it preloaded by the fork server).
        from blogtext.pipeline import Analyzer

        _current = (settings, Analyzer(settings))
    return _current[1]


def analyze_post_dict(post: Post, settings: Settings) -> dict[str, Any]:
    """The per-post report of ``post`` as JSON-ready data (a pure function of its arguments).

    Raises:
        InputError: The post has no usable text for analysis.
        ModelNotAvailableError: No German pipeline can be loaded.
    """
    return report_to_dict(_analyzer(settings).analyze_post(post))


@dataclass(frozen=True)
class Failure:
    """Why one post could not be analysed: ``problem`` is one line for errors.csv."""

    problem: str


def analyze_posts_dicts(
    posts: Sequence[Post], settings: Settings
) -> list[dict[str, Any] | Failure]:
    """Reports of ``posts`` in order, analysed as one batch; a failing post becomes a Failure.

    The batch goes through ``Analyzer.analyze_posts`` (``nlp.pipe`` over the batch), which
    yields an :class:`InputError` in place of a post it cannot analyse. Should it raise
    instead, the posts it had not yet returned are analysed one by one, so a single bad post
    costs its own report only.
    """
    analyzer = _analyzer(settings)
    results: list[dict[str, Any] | Failure] = []
    try:
        for outcome in analyzer.analyze_posts(posts):
            results.append(_to_result(outcome, posts[len(results)]))
    except BlogtextError as error:
        if not isinstance(error, InputError):
            raise  # the pipeline or configuration is unusable: stop the run (exit 2)
    except Exception:  # isolated per post below
        pass
    for post in posts[len(results) :]:
        results.append(_analyze_one(analyzer, post))
    return results


def _to_result(outcome: Report | InputError, post: Post) -> dict[str, Any] | Failure:
    if isinstance(outcome, InputError):
        return Failure(outcome.problem)
    if outcome.post.id != post.id:
        raise RuntimeError("analyze_posts returned reports out of order")
    return report_to_dict(outcome)


def _analyze_one(analyzer: Analyzer, post: Post) -> dict[str, Any] | Failure:
    try:
        return report_to_dict(analyzer.analyze_post(post))
    except InputError as error:
        return Failure(error.problem)
    except BlogtextError:
        raise
    except Exception as error:  # a bug on one post must not end the run
        return Failure(f"analysis failed: {type(error).__name__}: {error}")


@dataclass(frozen=True)
class WorkItem:
    """One post to process. ``report`` set: cached, only its files need (re)rendering."""

    seq: int
    post: Post
    key: str
    report: dict[str, Any] | None = None


@dataclass
class WorkResult:
    """What became of one :class:`WorkItem`: a report and its rendered files, or a problem."""

    seq: int
    post_id: str
    location: str
    key: str
    report: dict[str, Any] | None
    files: dict[str, str] = field(default_factory=dict)
    problem: str | None = None
    fresh: bool = True  # analysed now (False: came from the cache)

    @classmethod
    def failed(cls, item: WorkItem, problem: str) -> WorkResult:
        """The result of ``item`` when it could not be analysed (e.g. its worker died)."""
        return cls(item.seq, item.post.id, item.post.location, item.key, None, problem=problem)


def run_chunk(
    items: Sequence[WorkItem], settings: Settings, formats: Sequence[str]
) -> list[WorkResult]:
    """Analyse (or take from the cache) and render every item; results in item order."""
    todo = [item for item in items if item.report is None]
    analysed = iter(analyze_posts_dicts([i.post for i in todo], settings) if todo else [])
    results: list[WorkResult] = []
    for item in items:
        outcome = item.report if item.report is not None else next(analysed)
        result = WorkResult(
            item.seq, item.post.id, item.post.location, item.key, None, fresh=item.report is None
        )
        if isinstance(outcome, Failure):
            result.problem = outcome.problem
        else:
            result.report = outcome
            try:
                result.files = render_files(outcome, item.post, formats)
            except Exception as error:  # a renderer bug costs one post
                result.problem = f"rendering failed: {type(error).__name__}: {error}"
                result.report = None
        results.append(result)
    if _settle_in_workers and todo:  # a pool worker: its pipeline is loaded by now
        settle_collector(freeze=True)
    return results


def render_files(report: dict[str, Any], post: Post, formats: Sequence[str]) -> dict[str, str]:
    """The per-post files of ``report`` by extension (``json`` always, ``md``/``html`` on request)."""
    from blogtext.report.html import render_post_html
    from blogtext.report.markdown import render_markdown

    files = {"json": dumps(report)}
    if "md" in formats:
        files["md"] = render_markdown(report)
    if "html" in formats:
        files["html"] = render_post_html(report, source_lines(post))
    return files


def source_lines(post: Post) -> dict[int, str] | None:
    """Input-file line number → line text, when report line numbers refer to the input file.

    For HTML input the report's lines refer to an extracted text view that the report does not
    carry, so there is no line view (the HTML report then shows the segments instead).
    """
    if post.format == "html":
        return None
    return {post.first_line + i: line for i, line in enumerate(post.text.split("\n"))}


# --- worker process set-up -------------------------------------------------------------------

#: Set in pool workers: settle the collector once a chunk has loaded the pipeline.
_settle_in_workers = False

#: Collections of the youngest generation every this many new container objects (Python's
#: default is 700). Parsing and analysing allocate millions of short-lived objects, and each
#: collection also moves survivors towards the oldest generation, whose full collections walk
#: the whole heap.
YOUNG_GENERATION_THRESHOLD = 10_000


def settle_collector(freeze: bool) -> None:
    """Make the cyclic garbage collector cheap for the rest of a batch run (idempotent).

    A higher threshold for the youngest generation makes collections rarer (and so the full
    ones that walk the whole heap). With ``freeze`` — once the pipeline is loaded — everything
    alive now (modules, the pipeline, lexicons), which lives as long as the run, is taken out
    of the collector's walks (:func:`gc.freeze`). Together they cut the collector's share of a
    run from about 1.1 s to 0.3 s per 200 posts.
    """
    global _settled_from, _frozen
    if _settled_from is None:
        _settled_from = gc.get_threshold()
        gc.set_threshold(YOUNG_GENERATION_THRESHOLD, _settled_from[1], _settled_from[2])
    if freeze and not _frozen:
        gc.freeze()
        _frozen = True


#: glibc's ``mallopt`` parameters (malloc.h) and the values :func:`keep_freed_memory` sets.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
#: Largest block served from the heap instead of its own ``mmap`` (glibc's upper limit, 32 MiB).
_MMAP_THRESHOLD = 32 * 1024 * 1024
#: Free memory at the top of the heap kept instead of being returned to the system.
_TRIM_THRESHOLD = 1 << 30


def keep_freed_memory() -> None:
    """Let glibc's allocator keep freed memory for reuse (a process that is a batch run only).

    By default glibc gives large blocks their own ``mmap`` and returns free memory at the top
    of the heap to the system. Parsing and analysing a batch allocates and frees the same
    large buffers again and again, so the pages were unmapped and faulted in anew for every
    batch: about 270,000 page faults and 1.2 s of system time per 200 posts (a bare
    ``nlp.pipe`` has 68,000). With both thresholds raised the heap keeps those pages: about
    60,000 faults, at the cost of a peak RSS about 80 MB higher that stays flat however long
    the run is. Only for processes blogtext owns (``blogtext analyze`` and its workers), not a
    notebook; without glibc (macOS, musl) it does nothing.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
    mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD)


def restore_collector() -> None:
    """Undo :func:`settle_collector` (the process may outlive the run: a notebook)."""
    global _settled_from, _frozen
    if _settled_from is not None:
        gc.set_threshold(*_settled_from)
        _settled_from = None
    if _frozen:
        gc.unfreeze()
        _frozen = False


#: The collector's thresholds before :func:`settle_collector`; ``None`` when not settled.
_settled_from: tuple[int, int, int] | None = None
_frozen = False


def init_worker(settings: Settings, main_pid: int) -> None:
    """Process-pool initializer: create the analyzer once, and exit when the run's main
    process is gone.

    Workers are children of the fork server, not of the main process, and each holds the
    fork server's "alive" pipe and both ends of the pool's task queue: after ``kill -9`` of the
    main process nothing would ever tell them to stop, and they would keep the fork server
    (and the run's stdout/stderr pipes) alive forever. So a thread polls the main process.
    """
    global _settle_in_workers
    keep_freed_memory()
    _analyzer(settings)
    _settle_in_workers = True
    settle_collector(freeze=False)

    def watch() -> None:
        while _process_alive(main_pid):
            time.sleep(0.25)
        os._exit(1)

    threading.Thread(target=watch, name="blogtext-main-watch", daemon=True).start()


def _process_alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie — killed, not yet reaped — counts as gone)."""
    if not os.path.isdir("/proc/self"):  # no /proc (macOS): a signal-0 probe
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False
