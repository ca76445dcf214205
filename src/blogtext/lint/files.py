"""Which files ``blogtext lint`` reads: walk directories, honour ``.gitignore`` and ``ignore``.

Files named on the command line are linted unless a configured ``ignore`` glob covers them
(pre-commit passes every staged file by name, and users expect ``ignore`` to hold there too);
``.gitignore`` applies to what a directory walk finds, as in ruff and markdownlint-cli2.
Inside a git work tree git itself decides (``git check-ignore``), so nested ``.gitignore``
files, ``.git/info/exclude`` and the global excludes file all count; outside one, the
``.gitignore`` files met during the walk are applied by a small matcher.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from blogtext.config import SettingsLoader, glob_match
from blogtext.ingest.sniff import format_from_extension
from blogtext.lint._git import ignored_by_git, work_tree

#: Files in a walked directory that document the tree rather than being posts (as ingest).
_NOT_POSTS = ("readme", "license", "licence", "changelog", "contributing")
#: Directories never walked: tool caches and dependency folders with third-party text.
_NEVER_WALKED = ("node_modules", "site-packages", "__pycache__")


@dataclass
class Discovery:
    """Files to lint, plus what was left out and why (for ``--verbose`` style reporting)."""

    files: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    ignored: int = 0


def discover_files(
    paths: list[str], loader: SettingsLoader, *, respect_gitignore: bool = True
) -> Discovery:
    """Lintable files under ``paths`` in a stable order, without duplicates.

    Args:
        paths: Files and directories as given by the user.
        loader: Settings per file (for the configured ``ignore`` globs).
        respect_gitignore: Skip files git (or ``.gitignore``) ignores when walking directories.
    """
    found = Discovery()
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            found.missing.append(given)
            continue
        candidates = [path] if path.is_file() else _walk(path, respect_gitignore)
        for candidate in candidates:
            key = candidate.resolve()
            if key in seen:
                continue
            seen.add(key)
            if loader.for_file(candidate).is_ignored(candidate):
                found.ignored += 1
                continue
            found.files.append(candidate)
    return found


def _walk(directory: Path, respect_gitignore: bool) -> list[Path]:
    files = sorted(_candidates(directory), key=lambda p: p.relative_to(directory).parts)
    if not respect_gitignore or not files:
        return files
    top = work_tree(directory.resolve())
    ignored = ignored_by_git(top, files) if top is not None else None
    if ignored is None:
        return [file for file in files if not _ignored_without_git(file, directory)]
    return [file for file in files if file.resolve() not in ignored]


def _candidates(directory: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith((".", "_")) and d not in _NEVER_WALKED]
        for name in names:
            candidate = Path(root, name)
            if name.startswith(".") or candidate.stem.lower() in _NOT_POSTS:
                continue
            if format_from_extension(candidate):
                yield candidate


def _ignored_without_git(file: Path, walk_root: Path) -> bool:
    """Apply the ``.gitignore`` files from ``walk_root`` down to ``file`` (last match wins)."""
    ignored = False
    directory = walk_root
    parts = file.relative_to(walk_root).parts
    for depth in range(len(parts)):
        for pattern, negated in _gitignore_patterns(directory / ".gitignore"):
            relative = "/".join(parts[depth:])
            if glob_match(pattern, relative):
                ignored = not negated
        directory = directory / parts[depth]
    return ignored


def _gitignore_patterns(path: Path) -> list[tuple[str, bool]]:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    patterns = []
    for line in lines:
        line = line.rstrip()
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        patterns.append((line[1:] if negated else line, negated))
    return patterns
