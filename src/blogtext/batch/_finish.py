"""The end of a batch run: prune, corpus tables, ``errors.csv``, dashboard.

The tables are rebuilt from the per-post JSON files of this run (the contract), read one at a
time in input order, so the tables agree with the files whatever happened before — unless the
tables on disk already hold exactly these posts with these reports: then only ``errors.csv``
and the dashboard are written anew (a rerun over an unchanged corpus, where reading every
report again would be most of the run's work).

"Exactly these posts" is a fingerprint of the post ids in order and their cache keys (a key
covers the post, the settings, the pipeline and blogtext's code, so the same key means the same
report), recorded in the cache with the name, size and mtime of every table file once the
tables are in place, and forgotten before tables are replaced: a run killed in between leaves
no record, and the next run rebuilds.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from blogtext.batch._outputs import OutputDir, write_file
from blogtext.batch.progress import BatchObserver
from blogtext.report.dashboard import CorpusSummary, render_dashboard
from blogtext.report.files import csv_text
from blogtext.report.json import loads

if TYPE_CHECKING:
    from blogtext.batch.runner import BatchSummary, _RunState

ERRORS_HEADER = ("input", "problem")


def finish_run(
    output: OutputDir,
    state: _RunState,
    formats: tuple[str, ...],
    summary: BatchSummary,
    observer: BatchObserver,
) -> None:
    """Write the corpus outputs of a finished run and fill in ``summary``."""
    observer.stage("writing corpus tables and dashboard")
    done = sorted(
        (entry.seq, post_id, entry.location) for post_id, entry in state.entries.items() if entry.ok
    )
    keep = {post_id for _, post_id, _ in done}
    output.prune(keep, formats)
    state.cache.forget_outputs(keep)
    posts = _posts_fingerprint([(post_id, state.entries[post_id].key) for _, post_id, _ in done])
    dashboard = _unchanged_tables(output, state, posts)
    if dashboard is None:
        dashboard = _write_tables(output, state, done)
    failures = [(location, problem) for _, location, problem in sorted(state.failures)]
    write_file(output.root / "errors.csv", csv_text(ERRORS_HEADER, failures))
    generated = datetime.now().astimezone().isoformat(timespec="seconds")
    page = render_dashboard(dashboard, failures, generated, links="html" in formats)
    write_file(output.root / "index.html", page)
    summary.posts = len(dashboard.posts)
    summary.failures = failures


def _write_tables(
    output: OutputDir, state: _RunState, done: list[tuple[int, str, str]]
) -> CorpusSummary:
    """Rebuild the tables from the reports of ``done``; returns the dashboard's summary."""
    # Imported here, not at the top: the table writer needs pyarrow, which start-up (and a
    # rerun that keeps its tables) should not wait for.
    from blogtext.report.corpus import CorpusTableWriter

    state.cache.set_corpus_state(None)
    writer = CorpusTableWriter(output.corpus)
    dashboard = CorpusSummary()
    tabled: list[tuple[str, str]] = []
    try:
        for seq, post_id, location in done:
            try:
                report = loads(output.post_file(post_id, "json").read_bytes())
            except (OSError, ValueError) as error:
                state.failures.append((seq, location, f"report file unreadable ({error})"))
                continue
            dashboard.add(report, writer.add(report))
            tabled.append((post_id, state.entries[post_id].key))
    except BaseException:
        writer.abort()
        raise
    writer.close()
    record = {"posts": _posts_fingerprint(tabled), "files": _table_files(output.corpus)}
    state.cache.set_corpus_state(json.dumps(record), dashboard.to_json())
    return dashboard


def _unchanged_tables(output: OutputDir, state: _RunState, posts: str) -> CorpusSummary | None:
    """The dashboard summary of the tables on disk, if they hold exactly ``posts``."""
    recorded = state.cache.corpus_state()
    if recorded is None:
        return None
    record, summary = recorded
    expected = {"posts": posts, "files": _table_files(output.corpus)}
    if json.loads(record) != expected:
        return None
    return CorpusSummary.from_json(summary)


def _posts_fingerprint(posts: list[tuple[str, str]]) -> str:
    """Hash of (post id, cache key) in table order."""
    return hashlib.sha256(json.dumps(posts).encode("utf-8")).hexdigest()


def _table_files(directory: Path) -> list[list[object]]:
    """Name, size and modification time of every table file (a changed table is noticed)."""
    found = []
    for path in sorted(directory.iterdir()):
        if not path.name.startswith(".") and path.is_file():
            info = path.stat()
            found.append([path.name, info.st_size, info.st_mtime_ns])
    return found
