"""``--changed-only``: which lines of a file changed against a git ref.

The diff is taken against the merge base of REF and ``HEAD`` when there is one, so a pull
request sees only its own changes even when the target branch moved on (``git diff REF``
alone would count the target's new lines as "changed" in reverse). The working tree is
compared, so staged and unstaged edits count. Files git does not track count as wholly
changed. Hunk headers of ``git diff --unified=0`` give the new-side line ranges.
"""

from __future__ import annotations

import re
from pathlib import Path

from blogtext.errors import BlogtextError
from blogtext.lint._git import run_git, tracked_files, work_tree

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


class ChangedLines:
    """Changed line numbers per file, against one git ref (results cached per repository).

    Args:
        base: A commit-ish (``HEAD``, ``origin/main``, a SHA).
    """

    def __init__(self, base: str = "HEAD") -> None:
        self.base = base
        self._bases: dict[Path, str] = {}
        self._tracked: dict[Path, set[Path]] = {}

    def lines(self, path: Path) -> set[int] | None:
        """Changed 1-based lines of ``path``; ``None`` = the whole file is new (untracked).

        Raises:
            BlogtextError: ``path`` is not in a git work tree, or the ref does not exist.
        """
        resolved = path.resolve()
        top = work_tree(resolved.parent)
        if top is None:
            raise BlogtextError(f"{path}: --changed-only needs a git work tree (not inside one)")
        if top not in self._tracked:
            self._tracked[top] = tracked_files(top) or set()
            self._bases[top] = self._resolve_base(top)
        if resolved not in self._tracked[top]:
            return None
        relative = resolved.relative_to(top).as_posix()
        result = run_git(
            [
                "diff",
                "--no-color",
                "--no-ext-diff",
                "--unified=0",
                self._bases[top],
                "--",
                relative,
            ],
            top,
        )
        if result is None or result.returncode != 0:
            detail = result.stderr.strip() if result is not None else "git not available"
            raise BlogtextError(f"{path}: git diff against '{self.base}' failed: {detail}")
        return parse_hunks(result.stdout)

    def _resolve_base(self, top: Path) -> str:
        verified = run_git(["rev-parse", "--verify", "--quiet", f"{self.base}^{{commit}}"], top)
        if verified is None or verified.returncode != 0:
            raise BlogtextError(f"--base: '{self.base}' is not a commit in the repository at {top}")
        merge_base = run_git(["merge-base", self.base, "HEAD"], top)
        if merge_base is not None and merge_base.returncode == 0 and merge_base.stdout.strip():
            return merge_base.stdout.strip()
        return verified.stdout.strip()


def parse_hunks(diff: str) -> set[int]:
    """New-side line numbers of the hunks of a ``--unified=0`` diff (deletions add none)."""
    changed: set[int] = set()
    for match in _HUNK.finditer(diff):
        start = int(match.group(1))
        count = int(match.group(2)) if match.group(2) is not None else 1
        changed.update(range(start, start + count))
    return changed
