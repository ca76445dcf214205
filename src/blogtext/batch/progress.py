"""How a batch run reports progress: an observer interface and two presentations.

The runner only calls a :class:`BatchObserver` (the library never prints). The command line
picks :class:`RichProgress` on a terminal (a bar with posts/s and ETA, via ``rich``) and
:class:`LogProgress` elsewhere (CI, pipes): a plain line every few seconds.
"""

from __future__ import annotations

import os
import sys
import time
from typing import IO, TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from blogtext.batch.runner import BatchSummary


class BatchObserver(Protocol):
    """Callbacks of a batch run (all in the main process, in order)."""

    def started(self, estimate: int | None) -> None:
        """The run starts; ``estimate`` is about how many posts the inputs hold."""

    def advanced(self, done: int, failed: int) -> None:
        """``done`` posts/inputs are finished so far, ``failed`` of them failed."""

    def failed(self, location: str, problem: str) -> None:
        """One input or post failed (it goes to errors.csv)."""

    def stage(self, message: str) -> None:
        """The run enters a new stage ("writing corpus tables …")."""

    def finished(self, summary: BatchSummary) -> None:
        """The run is complete."""


class NullObserver:
    """Reports nothing (the library default)."""

    def started(self, estimate: int | None) -> None: ...
    def advanced(self, done: int, failed: int) -> None: ...
    def failed(self, location: str, problem: str) -> None: ...
    def stage(self, message: str) -> None: ...
    def finished(self, summary: BatchSummary) -> None: ...


def _rate_and_eta(done: int, estimate: int | None, elapsed: float) -> tuple[float, str]:
    rate = done / elapsed if elapsed > 0 else 0.0
    if not estimate or rate <= 0 or done >= estimate:
        return rate, "?"
    seconds = int((estimate - done) / rate)
    return rate, f"{seconds // 60}m{seconds % 60:02d}s"


class LogProgress:
    """Plain log lines on ``stream``: failures at once, progress every ``interval`` seconds."""

    def __init__(self, stream: IO[str] | None = None, interval: float = 5.0) -> None:
        self.stream = stream or sys.stderr
        self.interval = interval
        self.estimate: int | None = None
        self.start = self.last = time.monotonic()

    def _print(self, text: str) -> None:
        print(f"blogtext: {text}", file=self.stream, flush=True)

    def started(self, estimate: int | None) -> None:
        self.estimate = estimate
        self.start = self.last = time.monotonic()
        self._print(f"analysing about {estimate} post(s)" if estimate else "analysing")

    def advanced(self, done: int, failed: int) -> None:
        now = time.monotonic()
        if now - self.last < self.interval:
            return
        self.last = now
        rate, eta = _rate_and_eta(done, self.estimate, now - self.start)
        of = f"/{self.estimate}" if self.estimate else ""
        self._print(f"{done}{of} done, {failed} failed, {rate:.1f} posts/s, ETA {eta}")

    def failed(self, location: str, problem: str) -> None:
        self._print(f"error: {location}: {problem}")

    def stage(self, message: str) -> None:
        self._print(message)

    def finished(self, summary: BatchSummary) -> None:
        """The summary line is printed by the command."""


class RichProgress:
    """A progress bar on the terminal (stderr) with posts/s and ETA."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} posts/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
        )
        self.task: Any = None
        self.start = time.monotonic()

    def started(self, estimate: int | None) -> None:
        self.start = time.monotonic()
        self.progress.start()
        self.task = self.progress.add_task("analyse", total=estimate, rate="0.0")

    def advanced(self, done: int, failed: int) -> None:
        rate, _ = _rate_and_eta(done, None, time.monotonic() - self.start)
        total = self.progress.tasks[0].total
        # The estimate can be low (CSV rows with line breaks); never run past the end.
        if total is not None and done > total:
            self.progress.update(self.task, total=done)
        self.progress.update(self.task, completed=done, rate=f"{rate:.1f}")

    def failed(self, location: str, problem: str) -> None:
        # markup=False: input names and problems may contain "[…]" from hostile files.
        self.console.print(f"blogtext: error: {location}: {problem}", markup=False, highlight=False)

    def stage(self, message: str) -> None:
        self.progress.update(self.task, description=message)

    def finished(self, summary: BatchSummary) -> None:
        self.progress.stop()


def choose_observer(stream: IO[str] | None = None) -> BatchObserver:
    """A progress bar on an interactive terminal, log lines otherwise (CI, pipes, dumb)."""
    stream = stream or sys.stderr
    interactive = stream.isatty() and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"
    if interactive:
        try:
            return RichProgress()
        except ImportError:
            pass
    return LogProgress(stream)
