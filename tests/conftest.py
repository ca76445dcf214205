"""Shared fixtures: the trained German pipeline (loaded once) and CLI helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
#: ../shared beside the repository (real third-party pages: read-only, never copied in).
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The German pipeline blogtext resolves (de_core_news_sm or the offline stand-in)."""
    from blogtext.nlp.model import load_pipeline

    language, _info = load_pipeline()
    return language


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
