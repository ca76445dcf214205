"""Shared fixtures: the trained German pipeline (loaded once) and CLI helpers."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
#: ../shared beside the repository (real third-party pages: read-only, never copied in).
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The German pipeline exactly as the analyses use it (de_core_news_sm or the offline
    stand-in, without the parser, with blogtext's sentence splitter), loaded once per session
    and shared with every Analyzer the tests create."""
    from blogtext.pipeline import Analyzer

    return Analyzer().nlp


#: How long a test under :func:`hang_guard` may run before it counts as hung.
HANG_SECONDS = 60


@pytest.fixture
def hang_guard() -> Iterator[None]:
    """Fail the test when it runs for more than :data:`HANG_SECONDS`: a hang, not slowness.

    For hostile-input tests (catastrophic backtracking, unbounded recursion): they assert what
    the code returns, and this turns a hang into a failure instead of a stuck CI run. Speed is
    not judged here (a busy machine must not fail a test); ``bench/bench_hostile.py`` measures
    the same kinds of input.
    """
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def hung(signum: int, frame: object) -> None:
        pytest.fail(f"still running after {HANG_SECONDS} s: the input makes the code hang")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def write(tmp_path: Path):
    """Write a file under tmp_path: ``write("a.txt", "text" | b"bytes", encoding=...)``."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode(encoding))
        return path

    return _write
