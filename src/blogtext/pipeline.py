"""Orchestration: Post → segments → Doc → analyses → findings → Report.

The per-post analysis is one pure function of (post, settings, pipeline) so the batch runner,
the ``check`` command and the Python API share it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from blogtext import __version__
from blogtext.config import Settings
from blogtext.errors import InputError
from blogtext.ingest import read_inputs, read_post_text
from blogtext.ingest.sniff import sniff_format
from blogtext.model import PipelineInfo, Post, Report
from blogtext.nlp.model import require_pipeline
from blogtext.report.files import write_atomic, write_csv_atomic
from blogtext.report.json import dumps, report_to_dict


class Analyzer:
    """Analyses posts with one configuration and one German pipeline (resolved once)."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._pipeline: PipelineInfo | None = None

    @property
    def pipeline(self) -> PipelineInfo:
        """The German pipeline in use (raises ModelNotAvailableError when there is none)."""
        if self._pipeline is None:
            self._pipeline = require_pipeline(self.settings.model)
        return self._pipeline

    def analyze_post(self, post: Post) -> Report:
        """The report of one post."""
        return Report(post=post, pipeline=self.pipeline, blogtext_version=__version__)

    def analyze_posts(self, posts: Iterable[Post]) -> Iterator[Report]:
        """Reports of many posts, in input order."""
        for post in posts:
            yield self.analyze_post(post)


def analyze_text(
    text: str, *, input_format: str = "auto", name: str = "<text>", settings: Settings | None = None
) -> Report:
    """Analyse a post or draft given as a string (the notebook entry point).

    Raises:
        InputError: The text is empty or unusable in the given format.
    """
    fmt = sniff_format(text[:8192]) if input_format == "auto" else input_format
    post = read_post_text(text.encode("utf-8"), name, fmt, Path(name).stem or "text")
    return Analyzer(settings).analyze_post(post)


def analyze_file(path: str | os.PathLike[str], settings: Settings | None = None) -> list[Report]:
    """Reports of every post in one file (one for a post file, one per record for JSONL/CSV).

    Raises:
        InputError: The file (or its first failing record) cannot be read.
    """
    analyzer = Analyzer(settings)
    reports = []
    for item in read_inputs([path], analyzer.settings):
        if isinstance(item, InputError):
            raise item
        reports.append(analyzer.analyze_post(item))
    return reports


@dataclass
class RunSummary:
    """What a batch run did."""

    out_dir: Path
    posts: int = 0
    failures: list[InputError] = field(default_factory=list)


ERRORS_HEADER = ("input", "problem")


def run_analyze(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: Path,
    settings: Settings | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> RunSummary:
    """Analyse every post under ``paths`` into ``out_dir``; failures go to ``errors.csv``.

    Each report is written as soon as it is done (atomically), so an interrupted run keeps
    what it finished.
    """
    analyzer = Analyzer(settings)
    analyzer.pipeline  # noqa: B018 - fail early (exit 2) when no German pipeline exists
    summary = RunSummary(out_dir=out_dir)
    posts_dir = out_dir / "posts"

    def posts() -> Iterator[Post]:
        for item in read_inputs(paths, analyzer.settings):
            if isinstance(item, InputError):
                summary.failures.append(item)
                if on_error is not None:
                    on_error(item)
            else:
                yield item

    for report in analyzer.analyze_posts(posts()):
        write_atomic(posts_dir / f"{report.post.id}.json", dumps(report_to_dict(report)))
        summary.posts += 1
    write_csv_atomic(
        out_dir / "errors.csv", ERRORS_HEADER, ((e.location, e.problem) for e in summary.failures)
    )
    return summary
