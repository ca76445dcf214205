"""The notebook entry point: a corpus in, pandas DataFrames out."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from blogtext.batch.runner import BatchOptions, run_batch
from blogtext.config import Settings
from blogtext.report.corpus import read_tables


@dataclass
class CorpusTables:
    """The corpus tables of one run (columns in ``docs/corpus-tables.md``).

    Attributes:
        posts: One row per analysed post.
        findings: One row per finding.
        comments: One row per reader comment.
        quotes: One row per share-quote.
        themes: One row per theme of a post.
        errors: One row per input that failed (``input``, ``problem``).
    """

    posts: pd.DataFrame
    findings: pd.DataFrame
    comments: pd.DataFrame
    quotes: pd.DataFrame
    themes: pd.DataFrame
    errors: pd.DataFrame


def analyze_corpus(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str] | None = None,
    *,
    settings: Settings | None = None,
    jobs: int | None = None,
    use_cache: bool = True,
    formats: Iterable[str] = ("json", "md", "html"),
) -> CorpusTables:
    """Analyse every post under ``paths`` and return the corpus tables.

    Args:
        paths: Files or directories (one path or several).
        out_dir: Where reports, tables and the cache go (as ``blogtext analyze -o``); ``None``
            uses a temporary directory that is deleted afterwards (no cache between calls).
        settings: Analysis settings (default: built-in defaults).
        jobs: Worker processes (default: one per CPU core).
        use_cache: ``False`` analyses every post again.
        formats: Per-post files to write besides ``json``.

    Returns:
        The tables; inputs that failed are rows of ``errors`` (nothing is raised for them).

    Raises:
        ModelNotAvailableError: No German pipeline is installed.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    paths = list(paths)
    if out_dir is None:
        with tempfile.TemporaryDirectory(prefix="blogtext-") as temporary:
            return _run(paths, Path(temporary), settings, jobs, use_cache, ("json",))
    return _run(paths, Path(out_dir), settings, jobs, use_cache, tuple(formats))


def _run(
    paths: list[str | os.PathLike[str]],
    out_dir: Path,
    settings: Settings | None,
    jobs: int | None,
    use_cache: bool,
    formats: tuple[str, ...],
) -> CorpusTables:
    options = BatchOptions(out_dir, jobs=jobs, use_cache=use_cache, formats=formats)
    summary = run_batch(paths, settings, options)
    tables = read_tables(out_dir / "corpus")
    errors = pd.DataFrame(summary.failures, columns=["input", "problem"], dtype="string")
    return CorpusTables(errors=errors, **tables)
