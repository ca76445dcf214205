"""Small wrappers around the ``git`` command line (work tree, ignore checks, diffs).

Only plumbing that every git since 2.x has; no library dependency. Every call fails soft:
``None`` means "not a git work tree or no git", and the caller falls back.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path


def run_git(
    args: list[str], cwd: Path, stdin: str | None = None
) -> subprocess.CompletedProcess[str] | None:
    """Run ``git ARGS`` in ``cwd``; ``None`` when git is missing or cannot start."""
    if shutil.which("git") is None:
        return None
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=false", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except OSError:
        return None


@cache
def work_tree(directory: Path) -> Path | None:
    """The top directory of the git work tree containing ``directory``, or ``None``."""
    result = run_git(["rev-parse", "--show-toplevel"], directory)
    if result is None or result.returncode != 0 or not result.stdout.strip():
        return None
    return Path(result.stdout.strip()).resolve()


def ignored_by_git(top: Path, files: list[Path]) -> set[Path] | None:
    """Which of ``files`` (inside work tree ``top``) git ignores; ``None`` if git failed.

    Tracked files are never reported (git's own rule: ignoring applies to untracked files).
    """
    if not files:
        return set()
    relative = [file.resolve().relative_to(top).as_posix() for file in files]
    result = run_git(["check-ignore", "--stdin", "-z"], top, stdin="\0".join(relative) + "\0")
    if result is None or result.returncode not in (0, 1):
        return None
    return {(top / name).resolve() for name in result.stdout.split("\0") if name}


def tracked_files(top: Path) -> set[Path] | None:
    """Every file git tracks in work tree ``top`` (absolute paths)."""
    result = run_git(["ls-files", "-z"], top)
    if result is None or result.returncode != 0:
        return None
    return {(top / name).resolve() for name in result.stdout.split("\0") if name}
