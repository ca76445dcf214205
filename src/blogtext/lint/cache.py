"""The lint cache: findings per post, so an unchanged tree is linted without the NLP pipeline.

One SQLite file (``lint-v1.sqlite``) in ``.blogtext_cache/`` of the current directory, or in
``$BLOGTEXT_CACHE_DIR``, or the directory given with ``--cache-dir``. A key is the hash of
everything a post's findings depend on: the post's bytes and position in its file, the
blogtext version and a fingerprint of the installed blogtext code and data (so an edited
rule invalidates entries even without a version bump), the German pipeline (name, version),
and the effective settings. Suppression, ``--min-level`` and ``--changed-only`` are applied
after the cache, so they never invalidate it.

A cache that cannot be opened or written is skipped silently: it only costs speed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import time
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from blogtext import __version__
from blogtext.config import Settings
from blogtext.model import Finding, Post

CACHE_DIR_NAME = ".blogtext_cache"
_FILE_NAME = "lint-v1.sqlite"
#: Entries not read for this long are removed when the cache is closed.
_MAX_AGE_SECONDS = 30 * 24 * 3600


def default_cache_dir() -> Path:
    """``$BLOGTEXT_CACHE_DIR``, else ``.blogtext_cache`` in the current directory."""
    configured = os.environ.get("BLOGTEXT_CACHE_DIR")
    return Path(configured) if configured else Path.cwd() / CACHE_DIR_NAME


class LintCache:
    """Findings of analysed posts, keyed by :func:`cache_key`.

    Args:
        directory: Where the SQLite file lives (created with a ``.gitignore`` of ``*``).
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.hits = 0
        self._db: sqlite3.Connection | None = None
        try:
            directory.mkdir(parents=True, exist_ok=True)
            ignore = directory / ".gitignore"
            if not ignore.exists():
                # Like ruff's cache: never committed, whatever the project's .gitignore says.
                ignore.write_text("# created by blogtext\n*\n", encoding="utf-8")
            self._db = sqlite3.connect(directory / _FILE_NAME, timeout=10, isolation_level=None)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS findings "
                "(key TEXT PRIMARY KEY, value TEXT NOT NULL, used REAL NOT NULL)"
            )
        except (OSError, sqlite3.Error):
            self._db = None

    def get(self, key: str) -> list[Finding] | None:
        """The cached findings for ``key``, or ``None``."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM findings WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            self._db.execute("UPDATE findings SET used = ? WHERE key = ?", (time.time(), key))
            findings = [
                Finding(**{**item, "suggestions": tuple(item["suggestions"])})
                for item in json.loads(row[0])
            ]
        except (sqlite3.Error, ValueError, TypeError, KeyError):
            return None
        self.hits += 1
        return findings

    def put(self, key: str, findings: list[Finding]) -> None:
        """Store the findings of one post."""
        if self._db is None:
            return
        value = json.dumps([finding.to_dict() for finding in findings], ensure_ascii=False)
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO findings (key, value, used) VALUES (?, ?, ?)",
                (key, value, time.time()),
            )
        except sqlite3.Error:
            self._db = None

    def close(self) -> None:
        """Drop stale entries and close the database."""
        if self._db is None:
            return
        try:
            self._db.execute(
                "DELETE FROM findings WHERE used < ?", (time.time() - _MAX_AGE_SECONDS,)
            )
            self._db.close()
        except sqlite3.Error:
            pass
        self._db = None


def cache_key(post: Post, settings: Settings, engine: str) -> str:
    """The key of one post's findings (see the module docstring for what goes in)."""
    parts = [
        __version__,
        code_fingerprint(),
        engine,
        settings_fingerprint(settings),
        post.sha256,
        post.format,
        post.first_line,
        post.record,
    ]
    return hashlib.sha256(json.dumps(parts, default=str).encode("utf-8")).hexdigest()


def settings_fingerprint(settings: Settings) -> str:
    """A stable text of the settings that affect findings (not where they came from)."""
    values: dict[str, Any] = dataclasses.asdict(settings)
    for key in ("source", "overrides", "ignore"):
        values.pop(key, None)
    return json.dumps(values, sort_keys=True, default=str)


@cache
def code_fingerprint() -> str:
    """Size and mtime of every file of the installed blogtext package (code and data)."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        # Source and data only: bytecode (and its temporary files) changes on every import.
        if "__pycache__" in path.parts or not path.is_file():
            continue
        stat = path.stat()
        digest.update(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@cache
def pipeline_identity(explicit: str | None) -> str:
    """Name and version of the German pipeline that would be used, without importing spaCy.

    Mirrors :func:`blogtext.nlp.model.resolve_pipeline` with package metadata only (importing
    spaCy costs seconds, which a fully cached run should not pay). When nothing resolves, the
    identity says so and the analysis itself reports the missing pipeline.
    """
    from blogtext.nlp.model import fallback_names

    explicit = explicit or os.environ.get("BLOGTEXT_MODEL") or None
    for name in (explicit,) if explicit else fallback_names():
        directory = Path(name).expanduser()
        if (directory / "meta.json").is_file():
            meta = (directory / "meta.json").read_bytes()
            return f"{directory.resolve()}#{hashlib.sha256(meta).hexdigest()[:16]}"
        try:
            return f"{name}=={metadata.version(name)}"
        except metadata.PackageNotFoundError:
            continue
    return "none"
