"""``blogtext analyze --engine ray``: the per-post analysis on a Ray cluster, outputs as local.

Flow:

1. The driver (this process) reads the inputs, skips posts whose files are current in the
   cache and records failed inputs — the same code as a local run
   (:func:`blogtext.batch._sink.run_batch_with`).
2. The remaining posts become rows of a Ray Dataset (``ray.data.from_items``), a window of at
   most :attr:`RayOptions.window_posts` posts at a time so the driver's memory stays bounded
   on any corpus size. ``map_batches`` runs :class:`~blogtext.distributed._actor.PostAnalyzer`
   in an actor pool: each actor loads the German pipeline once and turns a batch of rows into
   reports and rendered files with :func:`blogtext.batch.worker.run_chunk` — the local
   engine's function, so there is no second implementation of the analysis.
3. Results stream back to the driver, which writes each post's files atomically, dedupes by
   post id, and at the end builds the corpus tables, the dashboard and ``errors.csv``.

Faults: an actor that dies (killed, out of memory) is restarted by Ray and its task retried
(``max_restarts``/``max_task_retries``). Posts whose task still failed after the retries are
run again one post per task, so a post that crashes its worker every time costs only itself
and becomes a row of ``errors.csv``; the run goes on.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import socket
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from types import ModuleType
from typing import Any

from blogtext.batch._sink import OnResults, run_batch_with
from blogtext.batch.progress import BatchObserver
from blogtext.batch.runner import BatchOptions, BatchSummary
from blogtext.batch.worker import WorkItem, WorkResult
from blogtext.config import Settings
from blogtext.distributed._actor import PostAnalyzer, build_label, decode_results, encode_items
from blogtext.errors import BlogtextError
from blogtext.model import PipelineInfo
from blogtext.nlp.model import require_pipeline

__all__ = ["RayEngine", "RayOptions", "import_ray", "run_ray"]

#: Shown when ``--engine ray`` is asked for without Ray installed.
INSTALL_HINT = 'the Ray engine needs Ray: pip install "blogtext[ray]"'


@dataclass(frozen=True)
class RayOptions:
    """How the Ray engine runs.

    Attributes:
        address: A running cluster (``HEAD:6379``, or ``auto``); ``None`` starts a private
            local Ray instance for this run and stops it afterwards.
        num_cpus: CPUs of the local instance (default: every core); ignored with ``address``.
        batch_size: Posts per ``map_batches`` batch (one ``nlp.pipe`` batch on an actor).
        concurrency: Actors in the pool (default: one per CPU of the cluster).
        window_posts: Posts per Ray Dataset; bounds the driver's memory on huge corpora. Each
            window starts a fresh actor pool (one pipeline load per actor and window).
        max_task_retries: How often a batch is retried on a restarted actor after its worker
            died, before its posts are retried one by one.
        actor_pid_dir: If set, every actor writes a file ``<host>-<pid>`` there when it starts
            (monitoring; the fault test uses it to find a worker to kill).
    """

    address: str | None = None
    num_cpus: int | None = None
    batch_size: int = 16
    concurrency: int | None = None
    window_posts: int = 5000
    max_task_retries: int = 3
    actor_pid_dir: Path | None = None


def import_ray() -> ModuleType:
    """Ray, set up to stay quiet and offline.

    Raises:
        BlogtextError: Ray is not installed (exit code 2).
    """
    # Read by Ray when it starts a cluster: no usage statistics are sent (offline machines).
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
        import ray.data  # the extra "ray[data]", not only ray core
    except ImportError:
        raise BlogtextError(INSTALL_HINT) from None
    return ray


def run_ray(
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings | None = None,
    options: BatchOptions | None = None,
    ray_options: RayOptions | None = None,
    observer: BatchObserver | None = None,
) -> BatchSummary:
    """Analyse every post under ``paths`` on Ray into ``options.out_dir`` (as ``run_batch``).

    The outputs — per-post files, corpus tables, dashboard, ``errors.csv`` — are those of
    :func:`blogtext.batch.run_batch` on the same inputs. ``options.jobs`` is not used; the
    pool size is :attr:`RayOptions.concurrency`.

    Raises:
        BlogtextError: Ray is missing, the cluster cannot be reached, a worker node runs
            another blogtext or pipeline, or another run holds the output directory.
        ModelNotAvailableError: No German pipeline on the driver.
    """
    ray = import_ray()
    ray_options = ray_options or RayOptions()
    # Fail fast (exit 2) before a Ray instance is started for nothing.
    require_pipeline((settings or Settings()).model)
    with _ray_session(ray, ray_options) as cpus:
        engine = RayEngine(ray_options, ray_options.concurrency or cpus)
        return run_batch_with(engine, paths, settings, options, observer)


@contextlib.contextmanager
def _ray_session(ray: ModuleType, options: RayOptions) -> Iterator[int]:
    """Connect to (or start) Ray for one run; yields the cluster's CPU count.

    A Ray that the caller initialised already (a notebook, a test) is used as it is and left
    running. Ray Data's progress bars and plan printing are switched off for the run and
    restored afterwards: blogtext's own progress display reports posts.
    """
    started = False
    if not ray.is_initialized():
        quiet: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.WARNING}
        try:
            if options.address:
                _check_reachable(options.address)
                ray.init(address=options.address, **quiet)
            else:
                # "local": a private instance even if another Ray runs on this machine.
                cpus = options.num_cpus or os.cpu_count() or 1
                ray.init(address="local", num_cpus=cpus, include_dashboard=False, **quiet)
        except (ConnectionError, RuntimeError, ValueError) as error:
            where = options.address or "a local Ray instance"
            raise BlogtextError(f"cannot start or reach {where}: {error}") from None
        started = True
    context = ray.data.DataContext.get_current()
    saved = {name: getattr(context, name) for name in _DATA_CONTEXT if hasattr(context, name)}
    for name in saved:
        setattr(context, name, _DATA_CONTEXT[name])
    data_logger = logging.getLogger("ray.data")
    saved_level = data_logger.level
    # Ray Data logs every execution at INFO; failures (a dead worker) still show as errors.
    data_logger.setLevel(logging.ERROR)
    try:
        yield max(1, int(ray.cluster_resources().get("CPU", 1)))
    finally:
        data_logger.setLevel(saved_level)
        for name, value in saved.items():
            setattr(context, name, value)
        if started:
            ray.shutdown()


def _check_reachable(address: str, timeout: float = 5.0) -> None:
    """Fail fast on a ``HOST:PORT`` nobody listens on: ``ray.init`` would retry for minutes.

    Raises:
        BlogtextError: Nothing accepts connections at ``address``.
    """
    host, sep, port = address.rpartition(":")
    if not sep or "://" in address or not port.isdigit():
        return  # "auto", "ray://…": Ray resolves these itself
    try:
        socket.create_connection((host, int(port)), timeout=timeout).close()
    except OSError as error:
        raise BlogtextError(
            f"cannot reach the Ray cluster at {address} ({error}); start its head node with "
            "`ray start --head` and pass the address it prints"
        ) from None


#: Ray Data settings of a run. ``max_errored_blocks=-1``: a batch that fails even after its
#: retries must not fail the whole dataset; its posts are retried one by one (see RayEngine).
_DATA_CONTEXT: dict[str, Any] = {
    "enable_progress_bars": False,
    "print_on_execution_start": False,
    "max_errored_blocks": -1,
}


class RayEngine:
    """Runs work items through ``map_batches`` with an actor pool (see module docstring)."""

    def __init__(self, options: RayOptions, concurrency: int) -> None:
        """``concurrency``: the most actors a window may use."""
        self.options = options
        self.concurrency = max(1, concurrency)

    def run(
        self,
        items: Iterator[WorkItem],
        settings: Settings,
        formats: tuple[str, ...],
        pipeline: PipelineInfo,
        on_results: OnResults,
    ) -> None:
        """Process ``items`` window by window; every item ends in exactly one result."""
        actor_kwargs = {
            "settings": settings,
            "formats": formats,
            "expected_build": build_label(pipeline),
            "pid_dir": str(self.options.actor_pid_dir) if self.options.actor_pid_dir else None,
        }
        while window := list(islice(items, max(1, self.options.window_posts))):
            lost = self._run_dataset(window, self.options.batch_size, actor_kwargs, on_results)
            if lost:
                # One post per task now: a post that kills its worker every time is isolated.
                lost = self._run_dataset(lost, 1, actor_kwargs, on_results)
            if lost:
                on_results([_worker_died(item) for item in lost])

    def _run_dataset(
        self,
        items: list[WorkItem],
        batch_size: int,
        actor_kwargs: dict[str, Any],
        on_results: OnResults,
    ) -> list[WorkItem]:
        """Run ``items`` as one Ray Dataset; returns the items no result came back for."""
        import ray.data

        pending = {item.post.id: item for item in items}
        # One block per batch: a worker that dies loses (and retries) one batch, and the
        # blocks spread evenly over the actors.
        blocks = max(1, math.ceil(len(items) / batch_size))
        dataset = ray.data.from_items(encode_items(items), override_num_blocks=blocks)
        with warnings.catch_warnings():
            # Ray 2.5x deprecates passing actor options as keyword arguments but has no other
            # way to bound the retries; without a bound (its default) a post that crashes
            # its worker every time would be retried forever.
            warnings.simplefilter("ignore", DeprecationWarning)
            analysed = dataset.map_batches(
                PostAnalyzer,
                fn_constructor_kwargs=actor_kwargs,
                batch_size=batch_size,
                batch_format="pyarrow",
                zero_copy_batch=True,
                compute=ray.data.ActorPoolStrategy(size=min(self.concurrency, blocks)),
                num_cpus=1,
                max_restarts=-1,
                max_task_retries=self.options.max_task_retries,
            )
        for table in analysed.iter_batches(batch_size=None, batch_format="pyarrow"):
            results, fatal = decode_results(table)
            if fatal is not None:
                raise BlogtextError(fatal)
            on_results(results)
            for result in results:
                pending.pop(result.post_id, None)
        return list(pending.values())


def _worker_died(item: WorkItem) -> WorkResult:
    return WorkResult.failed(
        item,
        "the Ray worker died while analysing this post, also when retried alone "
        "(out of memory or a crash)",
    )
