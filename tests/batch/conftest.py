"""Fixtures of the batch tests: a stand-in analyzer so the runner is tested without spaCy."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest
from batch_samples import FAKE_PIPELINE

from blogtext.errors import InputError
from blogtext.model import Finding, Post, Report


class FakeAnalyzer:
    """Behaves like ``pipeline.Analyzer``: "KAPUTT" in a post raises, "LEER" is an InputError."""

    def __init__(self) -> None:
        self.analysed: list[str] = []

    def analyze_posts(self, posts: Iterable[Post]) -> Iterator[Report | InputError]:
        for post in posts:
            if "KAPUTT" in post.text:
                raise ZeroDivisionError("kaputt")
            if "LEER" in post.text:
                yield InputError(post.location, "article body is empty")
                continue
            self.analysed.append(post.id)
            finding = Finding(
                "gender/generic-masculine",
                "warning",
                "Generisches Maskulinum",
                3,
                7,
                3,
                12,
                "Kunde",
            )
            yield Report(
                post=post, pipeline=FAKE_PIPELINE, findings=[finding], blogtext_version="0.1.0"
            )

    def analyze_post(self, post: Post) -> Report:
        [result] = list(self.analyze_posts([post]))
        if isinstance(result, InputError):
            raise result
        return result


@pytest.fixture
def fake_analyzer(monkeypatch) -> FakeAnalyzer:
    """Route the batch worker (in-process, ``jobs=1``) to a :class:`FakeAnalyzer`."""
    import blogtext.batch._sink as sink
    import blogtext.batch.worker as worker

    analyzer = FakeAnalyzer()
    monkeypatch.setattr(worker, "_analyzer", lambda settings: analyzer)
    monkeypatch.setattr(sink, "require_pipeline", lambda model=None: FAKE_PIPELINE)
    return analyzer
