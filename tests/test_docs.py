"""Generated docs are current, and every command is documented in the README."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from blogtext.cli.main import COMMANDS

REPO = Path(__file__).resolve().parents[1]


def test_docs_generated_files_are_current():
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_docs.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_docs_readme_shows_every_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"blogtext {name}" in readme, name
