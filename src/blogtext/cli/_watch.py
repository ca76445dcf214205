"""Re-run a job whenever watched files change (``blogtext check --watch``).

Polling, not inotify: it works the same on every platform and in containers, and checking two
or three files' ``stat`` every few hundred milliseconds costs nothing. Editors save in steps
(truncate, write, rename), so a change only triggers a run once the files have stopped changing
for one polling interval.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

__all__ = ["Stamp", "stamps", "watch"]

#: (modification time in ns, size) of a file; None when it does not exist (mid-save, deleted).
Stamp = tuple[int, int] | None


def stamps(
    paths: Iterable[Path], stat: Callable[[Path], os.stat_result] = os.stat
) -> tuple[Stamp, ...]:
    """The stamp of each path, in order."""
    result: list[Stamp] = []
    for path in paths:
        try:
            info = stat(path)
        except OSError:
            result.append(None)
        else:
            result.append((info.st_mtime_ns, info.st_size))
    return tuple(result)


def watch(
    paths: Callable[[], list[Path]],
    run: Callable[[], None],
    *,
    interval: float = 0.3,
    sleep: Callable[[float], None] = time.sleep,
    stat: Callable[[Path], os.stat_result] = os.stat,
    max_runs: int | None = None,
) -> int:
    """Call ``run`` now and after every settled change of ``paths()``; returns the run count.

    ``paths`` is asked again after each run, so a job can start watching a file it found
    meanwhile (e.g. a config file created next to the draft). Stops after ``max_runs`` runs
    (tests) or when interrupted (Ctrl-C), which is the normal way to end watching.
    """
    runs = 0
    try:
        run()
        runs += 1
        watched = paths()
        last = stamps(watched, stat)
        while max_runs is None or runs < max_runs:
            sleep(interval)
            current = stamps(watched, stat)
            if current == last:
                continue
            # Wait until a save has finished: two polls in a row that agree.
            while True:
                sleep(interval)
                settled = stamps(watched, stat)
                if settled == current:
                    break
                current = settled
            run()
            runs += 1
            watched = paths()
            last = stamps(watched, stat)
    except KeyboardInterrupt:
        pass
    return runs
