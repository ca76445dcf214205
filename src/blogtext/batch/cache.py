"""The result cache of ``analyze``: SQLite in ``DIR/.cache/cache.sqlite`` (WAL).

Two tables:

``reports``
    cache key → the per-post report dict (JSON text: the per-post file's own text, or compact
    JSON). The key is the SHA-256 of everything that decides the report (:func:`cache_key`), so
    an entry never goes stale: a change to the post, blogtext, the pipeline or the settings
    gives a new key.
``outputs``
    post id → (cache key, formats) of the per-post files last written completely. A rerun that
    finds the same key and formats and the files on disk skips the post entirely, which is what
    makes a rerun over an unchanged corpus nearly free.

``meta`` also records which posts the corpus tables on disk hold
(:meth:`ReportCache.corpus_state`), so a rerun over an unchanged corpus keeps them instead of
reading every report again.

Only the main process of a run opens the database (workers never do), and a run holds an
exclusive lock on ``DIR/.cache/lock`` so two runs never write one directory at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from blogtext import __version__
from blogtext.config import Settings
from blogtext.model import PipelineInfo, Post
from blogtext.report.json import loads

#: Bump when the layout of the database changes (an old file is then replaced, not migrated).
CACHE_FORMAT = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (key TEXT PRIMARY KEY, report TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outputs (
    post_id TEXT PRIMARY KEY, key TEXT NOT NULL, formats TEXT NOT NULL
);
"""


def settings_fingerprint(settings: Settings) -> str:
    """Hash of the settings that can change a report.

    ``source`` (where the config came from) and ``max_file_bytes`` (which only decides whether
    an input is read at all) are left out; reader settings such as ``fields`` and
    ``input_format`` change the :class:`Post` and are covered by its hash anyway.
    """
    values = asdict(settings)
    values.pop("source", None)
    values.pop("max_file_bytes", None)
    return _sha256(json.dumps(values, sort_keys=True, default=str))


@cache
def code_fingerprint() -> str:
    """Hash of blogtext's own code and data files.

    The version string alone does not change while the analyses are developed (an editable
    install stays "0.1.0"), and a cache that replays results of older code would hide the
    change. Hashing ~1 MB of sources takes a few milliseconds, once per process.
    """
    digest = hashlib.sha256()
    root = resources.files("blogtext")
    for path in sorted(_package_files(Path(str(root)))):
        digest.update(str(path.relative_to(Path(str(root)))).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _package_files(root: Path) -> Iterable[Path]:
    for path in root.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            yield path


def post_fingerprint(post: Post) -> str:
    """Hash of the post as read: text, identity (id, path, record) and metadata.

    The path and id are part of the report, so two copies of one file in different folders
    must not share an entry.
    """
    return _sha256(json.dumps(asdict(post), sort_keys=True, default=str))


def run_fingerprint(settings: Settings, pipeline: PipelineInfo) -> str:
    """The part of every key that is the same for all posts of a run."""
    parts = {
        "blogtext": __version__,
        "code": code_fingerprint(),
        "pipeline": f"{pipeline.name} {pipeline.version} {pipeline.path}",
        "settings": settings_fingerprint(settings),
        "cache_format": CACHE_FORMAT,
    }
    return _sha256(json.dumps(parts, sort_keys=True))


def cache_key(post: Post, run: str) -> str:
    """The cache key of ``post`` analysed under the run fingerprint ``run``."""
    return _sha256(post_fingerprint(post) + run)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ReportCache:
    """Report dicts by cache key, and which per-post files are complete.

    Writes are grouped: :meth:`put` and :meth:`mark_written` queue statements that
    :meth:`commit` applies in one transaction (a killed run loses at most the last group,
    which the rerun simply recomputes).
    """

    def __init__(self, path: Path, enabled: bool = True) -> None:
        """Open (or create) the cache at ``path``; ``enabled=False`` never reads from it."""
        self.path = path
        self.read_enabled = enabled
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        # NORMAL is safe with WAL against process death (only power loss can drop the last
        # transactions), and much faster than FULL.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        self._check_format()
        self._pending: list[tuple[str, tuple[Any, ...]]] = []

    def _check_format(self) -> None:
        row = self._db.execute("SELECT value FROM meta WHERE key='format'").fetchone()
        if row is not None and row[0] == CACHE_FORMAT:
            return
        with self._transaction():
            self._db.execute("DELETE FROM reports")
            self._db.execute("DELETE FROM outputs")
            self._db.execute("DELETE FROM meta WHERE key IN ('corpus_tables', 'corpus_summary')")
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (CACHE_FORMAT,))

    @contextlib.contextmanager
    def _transaction(self):  # type: ignore[no-untyped-def]
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def get(self, key: str) -> dict[str, Any] | None:
        """The cached report for ``key``, or ``None`` (always ``None`` with the cache off)."""
        if not self.read_enabled:
            return None
        row = self._db.execute("SELECT report FROM reports WHERE key=?", (key,)).fetchone()
        return loads(row[0]) if row else None

    def has(self, key: str) -> bool:
        """Whether a report for ``key`` is cached (without reading it; ``False`` with the cache off)."""
        if not self.read_enabled:
            return False
        return self._db.execute("SELECT 1 FROM reports WHERE key=?", (key,)).fetchone() is not None

    def written(self, post_id: str) -> tuple[str, str] | None:
        """(key, formats) of the files last completed for ``post_id``."""
        if not self.read_enabled:
            return None
        row = self._db.execute(
            "SELECT key, formats FROM outputs WHERE post_id=?", (post_id,)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def put(self, key: str, report: dict[str, Any], text: str | None = None) -> None:
        """Queue ``report`` under ``key``.

        ``text`` is the report as JSON when it exists already (the per-post file): it is stored
        as it is, which saves encoding the report a second time (:meth:`get` reads either form).
        """
        if text is None:
            text = json.dumps(report, ensure_ascii=False, separators=(",", ":"))
        self._pending.append(("INSERT OR REPLACE INTO reports VALUES (?, ?)", (key, text)))

    def mark_written(self, post_id: str, key: str, formats: str) -> None:
        """Queue: the files of ``post_id`` for ``key`` in ``formats`` are complete on disk."""
        self._pending.append(
            ("INSERT OR REPLACE INTO outputs VALUES (?, ?, ?)", (post_id, key, formats))
        )

    def corpus_state(self) -> tuple[str, str] | None:
        """(fingerprint, dashboard summary) of the corpus tables last written completely.

        ``None`` when unknown or with the cache off (``--no-cache`` rebuilds everything).
        """
        if not self.read_enabled:
            return None
        rows = dict(
            self._db.execute(
                "SELECT key, value FROM meta WHERE key IN ('corpus_tables', 'corpus_summary')"
            )
        )
        if "corpus_tables" not in rows or "corpus_summary" not in rows:
            return None
        return rows["corpus_tables"], rows["corpus_summary"]

    def set_corpus_state(self, fingerprint: str | None, summary: str = "") -> None:
        """Record (now, in its own transaction) which posts the tables on disk hold.

        ``None`` forgets it: called before tables are replaced, so a run killed halfway never
        leaves a record that describes tables it did not finish.
        """
        with self._transaction():
            self._db.execute("DELETE FROM meta WHERE key IN ('corpus_tables', 'corpus_summary')")
            if fingerprint is not None:
                self._db.executemany(
                    "INSERT INTO meta VALUES (?, ?)",
                    [("corpus_tables", fingerprint), ("corpus_summary", summary)],
                )

    def forget_outputs(self, keep: set[str]) -> None:
        """Drop output records of posts not in ``keep`` (their files were pruned)."""
        with self._transaction():
            ids = [row[0] for row in self._db.execute("SELECT post_id FROM outputs")]
            self._db.executemany(
                "DELETE FROM outputs WHERE post_id=?", [(i,) for i in ids if i not in keep]
            )

    def commit(self) -> None:
        """Apply the queued writes in one transaction."""
        if not self._pending:
            return
        with self._transaction():
            for statement, parameters in self._pending:
                self._db.execute(statement, parameters)
        self._pending.clear()

    def close(self) -> None:
        """Commit what is queued and close the database."""
        try:
            self.commit()
        finally:
            self._db.close()
