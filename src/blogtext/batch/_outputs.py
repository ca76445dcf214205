"""The output directory of a run: lock, leftovers of killed runs, per-post files, pruning.

Layout (DESIGN.md): ``DIR/posts/<id>.{json,md,html}``, ``DIR/corpus/<table>.{csv,parquet}``,
``DIR/index.html``, ``DIR/errors.csv``, and the cache in ``DIR/.cache/``.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable
from pathlib import Path

from blogtext.errors import BlogtextError

FORMATS = ("json", "md", "html")


class OutputDir:
    """``DIR`` held exclusively for one run (an advisory lock on ``DIR/.cache/lock``).

    The lock dies with the process, so after ``kill -9`` the next run takes it at once. On entry
    the temporary files a killed run may have left (``.*.tmp``) are removed: every output is
    written to such a file and renamed into place, so they are never part of a finished output.
    """

    def __init__(self, root: Path) -> None:
        """Name the directory; nothing is touched before ``with``."""
        self.root = root
        self.posts = root / "posts"
        self.corpus = root / "corpus"
        self.cache = root / ".cache"
        self._lock: int | None = None

    def __enter__(self) -> OutputDir:
        for directory in (self.root, self.posts, self.corpus, self.cache):
            directory.mkdir(parents=True, exist_ok=True)
        self._lock = os.open(self.cache / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._lock)
            self._lock = None
            raise BlogtextError(
                f"{self.root}: another `blogtext analyze` is writing to this directory; "
                "wait for it or choose another output directory with -o"
            ) from None
        self.remove_leftovers()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._lock is not None:
            os.close(self._lock)  # closing releases the flock
            self._lock = None

    def remove_leftovers(self) -> int:
        """Delete temporary files of interrupted writes; returns how many there were."""
        removed = 0
        for directory in (self.root, self.posts, self.corpus):
            for leftover in directory.glob(".*.tmp"):
                leftover.unlink(missing_ok=True)
                removed += 1
        return removed

    def post_file(self, post_id: str, extension: str) -> Path:
        """Where the ``extension`` file of post ``post_id`` goes."""
        return self.posts / f"{post_id}.{extension}"

    def has_files(self, post_id: str, formats: Iterable[str]) -> bool:
        """Whether every requested file of ``post_id`` exists."""
        return all(self.post_file(post_id, ext).is_file() for ext in formats)

    def write_post_files(self, post_id: str, files: dict[str, str]) -> None:
        """Write the rendered files of one post; the JSON last, as it is the one that counts."""
        for extension in sorted(files, key=lambda ext: ext == "json"):
            write_file(self.post_file(post_id, extension), files[extension])

    def prune(self, keep: set[str], formats: Iterable[str]) -> int:
        """Delete per-post files that are not ``<id>.<ext>`` for an id in ``keep`` and a format.

        These are reports of inputs that are gone, changed (the id carries a content hash),
        failed this run, or of formats not asked for: ``posts/`` mirrors the last run.
        """
        wanted = set(formats)
        removed = 0
        for path in self.posts.iterdir():
            stem, _, extension = path.name.rpartition(".")
            if extension in FORMATS and not (stem in keep and extension in wanted):
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def write_file(path: Path, content: str) -> None:
    """Write ``content`` atomically: a temporary file beside ``path``, then a rename.

    Unlike :func:`blogtext.report.files.write_atomic` there is no ``fsync`` per file: a rename
    is atomic against the process being killed, which is the failure batch runs must survive;
    ``fsync`` protects against power loss only and costs ~5 ms per file (three files per post).

    The temporary name is fixed (``.<name>.tmp``), not random as from :mod:`tempfile`: only the
    run holding the directory's lock writes here, and with ``O_EXCL`` a leftover of a killed
    run (normally removed on entry) is replaced rather than written through. The mode is that of
    any new file of the user (0o666 minus the umask), as :func:`write_atomic` gives.
    """
    temporary = path.with_name(f".{path.name}.tmp")
    data = content.encode("utf-8")
    try:
        descriptor = os.open(temporary, _CREATE_FLAGS, 0o666)
    except FileExistsError:
        temporary.unlink()
        descriptor = os.open(temporary, _CREATE_FLAGS, 0o666)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view) :]
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


#: A new file only (never through a symlink or into an existing file).
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
