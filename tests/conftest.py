"""Shared fixtures: the trained German pipeline (loaded once) and CLI helpers."""

from __future__ import annotations

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
