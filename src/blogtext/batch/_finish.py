"""The end of a batch run: prune, corpus tables, ``errors.csv``, dashboard.

Everything here is rebuilt from the per-post JSON files of this run (the contract), read one
at a time in input order, so the tables agree with the files whatever happened before.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING

from blogtext.batch._outputs import OutputDir, write_file
from blogtext.batch.progress import BatchObserver
from blogtext.report.corpus import CorpusTableWriter
from blogtext.report.dashboard import CorpusSummary, render_dashboard
from blogtext.report.files import write_csv_atomic

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
    writer = CorpusTableWriter(output.corpus)
    dashboard = CorpusSummary()
    try:
        for seq, post_id, location in done:
            try:
                report = json.loads(output.post_file(post_id, "json").read_text("utf-8"))
            except (OSError, ValueError) as error:
                state.failures.append((seq, location, f"report file unreadable ({error})"))
                continue
            dashboard.add(report, writer.add(report))
    except BaseException:
        writer.abort()
        raise
    writer.close()
    failures = [(location, problem) for _, location, problem in sorted(state.failures)]
    write_csv_atomic(output.root / "errors.csv", ERRORS_HEADER, failures)
    generated = datetime.now().astimezone().isoformat(timespec="seconds")
    page = render_dashboard(dashboard, failures, generated, links="html" in formats)
    write_file(output.root / "index.html", page)
    summary.posts = len(dashboard.posts)
    summary.failures = failures
