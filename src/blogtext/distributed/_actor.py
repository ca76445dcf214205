"""What runs on the Ray workers: the callable class of ``map_batches`` and the row encoding.

Rows travel as Arrow tables with three columns: ``seq`` (input order), ``post_id`` and a pickled
payload — a :class:`~blogtext.batch.worker.WorkItem` on the way in, a
:class:`~blogtext.batch.worker.WorkResult` on the way out. Pickling keeps a post exactly as it
was read (front-matter metadata may hold dates and nested values that a JSON round trip would
change) and the payloads are only ever produced by blogtext itself. This module imports no Ray:
the class is plain Python, Ray instantiates it once per actor.
"""

from __future__ import annotations

import os
import pickle
import socket
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa

from blogtext import __version__
from blogtext.batch.cache import code_fingerprint
from blogtext.batch.worker import WorkItem, WorkResult, run_chunk
from blogtext.config import Settings
from blogtext.errors import BlogtextError
from blogtext.model import PipelineInfo
from blogtext.nlp.model import load_pipeline, require_pipeline
from blogtext.pipeline import UNUSED_COMPONENTS

#: Columns of the rows the actors receive.
ITEM_SCHEMA = pa.schema([("seq", pa.int64()), ("post_id", pa.string()), ("item", pa.binary())])
#: Columns of the rows the actors return; ``fatal`` is set when the whole run must stop.
RESULT_SCHEMA = pa.schema(
    [
        ("seq", pa.int64()),
        ("post_id", pa.string()),
        ("result", pa.binary()),
        ("fatal", pa.string()),
    ]
)


def build_label(pipeline: PipelineInfo) -> str:
    """What must be the same on the driver and every worker for identical reports.

    The code fingerprint catches an editable install that differs from the driver's although
    the version string is the same; the pipeline path is left out (it differs between nodes).
    """
    return f"blogtext {__version__} (code {code_fingerprint()[:12]}) with {pipeline.label}"


def encode_items(items: Sequence[WorkItem]) -> list[dict[str, object]]:
    """Rows for ``ray.data.from_items``."""
    return [
        {"seq": item.seq, "post_id": item.post.id, "item": pickle.dumps(item, protocol=5)}
        for item in items
    ]


def decode_results(table: pa.Table) -> tuple[list[WorkResult], str | None]:
    """The results in an output batch, and the first fatal message if there is one."""
    fatal = next((message for message in table.column("fatal").to_pylist() if message), None)
    results = [pickle.loads(blob) for blob in table.column("result").to_pylist() if blob]
    return results, fatal


class PostAnalyzer:
    """The ``map_batches`` callable: one instance per Ray actor, the German pipeline loaded once.

    A batch of rows becomes one :func:`~blogtext.batch.worker.run_chunk` call (one
    ``nlp.pipe`` batch, plus rendering of the per-post files), so a post that cannot be
    analysed comes back as a result with a ``problem`` — a row for ``errors.csv``, not a failed
    task. Environment errors (no pipeline, a node with another blogtext or pipeline) come back
    as ``fatal`` rows: the driver stops the run with exit code 2, as the local engine does.
    """

    def __init__(
        self,
        settings: Settings,
        formats: tuple[str, ...],
        expected_build: str,
        pid_dir: str | None = None,
    ) -> None:
        """Load the pipeline and check that this node matches the driver.

        Never raises: Ray would just start replacement actors that fail the same way, so a
        problem is kept and reported by every batch instead.
        """
        self.settings, self.formats = settings, formats
        self.problem: str | None = None
        try:
            build = build_label(require_pipeline(settings.model))
            load_pipeline(settings.model, UNUSED_COMPONENTS)  # the one load of this actor
        except BlogtextError as error:
            self.problem = f"{socket.gethostname()}: {error}"
        else:
            if build != expected_build:
                self.problem = (
                    f"Ray worker on {socket.gethostname()} runs {build}, the driver runs "
                    f"{expected_build}; install the same blogtext version and German pipeline "
                    "on every node"
                )
        if pid_dir is not None:
            # For monitoring and the fault test: which processes are the analysis actors.
            Path(pid_dir, f"{socket.gethostname()}-{os.getpid()}").write_text(str(os.getpid()))

    def __call__(self, batch: pa.Table) -> pa.Table:
        """Analyse and render the posts of ``batch`` (rows of :data:`ITEM_SCHEMA`)."""
        seqs = batch.column("seq").to_pylist()
        post_ids = batch.column("post_id").to_pylist()
        if self.problem is not None:
            return _fatal(seqs, post_ids, self.problem)
        items = [pickle.loads(blob) for blob in batch.column("item").to_pylist()]
        try:
            results = run_chunk(items, self.settings, self.formats)
        except BlogtextError as error:  # the pipeline is unusable: every post would fail
            return _fatal(seqs, post_ids, str(error))
        return pa.table(
            {
                "seq": [r.seq for r in results],
                "post_id": [r.post_id for r in results],
                "result": [pickle.dumps(r, protocol=5) for r in results],
                "fatal": [None] * len(results),
            },
            schema=RESULT_SCHEMA,
        )


def _fatal(seqs: list[int], post_ids: list[str], message: str) -> pa.Table:
    return pa.table(
        {
            "seq": seqs,
            "post_id": post_ids,
            "result": [None] * len(seqs),
            "fatal": [message] * len(seqs),
        },
        schema=RESULT_SCHEMA,
    )
