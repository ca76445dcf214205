"""Stage 1: read inputs into :class:`~blogtext.model.Post` objects.

Readers: plain-text dumps (``.txt``), HTML pages (``.html``/``.htm``), Markdown drafts with
front matter (``.md``/``.markdown``/``.mdx``), JSONL and CSV corpora (one post per record).
Directories are walked recursively in a stable order, hidden files skipped. A bad input
never stops the run: :func:`read_inputs` yields an :class:`~blogtext.errors.InputError` in
its place and goes on.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from blogtext.config import Settings
from blogtext.errors import InputError
from blogtext.ingest._ids import file_post_id
from blogtext.ingest.decode import decode_bytes
from blogtext.ingest.html import read_html_metadata
from blogtext.ingest.markdown import split_front_matter
from blogtext.ingest.records import read_csv, read_jsonl
from blogtext.ingest.sniff import EXTENSIONS, format_from_extension, sniff_format
from blogtext.model import Post

__all__ = ["discover", "read_file", "read_inputs", "read_post_text", "read_posts_of"]

#: Files in a walked directory that document the corpus rather than being posts.
_NOT_POSTS = ("readme", "license", "licence", "changelog", "contributing")


def discover(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | InputError]:
    """Input files under ``paths`` (files as given; directories recursively, sorted)."""
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield InputError(str(given), "no such file or directory")
        elif path.is_dir():
            found = False
            for file in _walk(path):
                found = True
                yield file
            if not found:
                known = ", ".join(sorted(set(EXTENSIONS)))
                yield InputError(str(given), f"directory has no posts (looked for {known})")
        else:
            yield path


def _walk(directory: Path) -> Iterator[Path]:
    """Post files below ``directory``, ordered by their relative path (stable across runs)."""
    found: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith((".", "_"))]
        for name in files:
            candidate = Path(root, name)
            if name.startswith(".") or candidate.stem.lower() in _NOT_POSTS:
                continue
            if format_from_extension(candidate):
                found.append(candidate)
    yield from sorted(found, key=lambda path: path.relative_to(directory).parts)


def read_inputs(
    paths: Iterable[str | os.PathLike[str]], settings: Settings | None = None
) -> Iterator[Post | InputError]:
    """Every post under ``paths``, or an :class:`InputError` for each input that fails."""
    settings = settings or Settings()
    for item in discover(paths):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield from read_file(item, settings)
        except InputError as error:
            yield error


def read_file(path: Path, settings: Settings | None = None) -> Iterator[Post | InputError]:
    """The post(s) of one file; a corpus file yields one item per record.

    Raises:
        InputError: The file itself is unusable (missing, unreadable, too large, binary, empty).
    """
    settings = settings or Settings()
    display = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(display, f"cannot read file ({exc.strerror})") from None
    if path.is_dir():
        raise InputError(display, "is a directory, not a post file")
    fmt = settings.input_format if settings.input_format != "auto" else format_from_extension(path)
    if fmt in ("jsonl", "csv"):
        reader = read_jsonl if fmt == "jsonl" else read_csv
        yield from reader(path, display, settings)
        return
    if size == 0:
        raise InputError(display, "file is empty")
    if size > settings.max_file_bytes:
        raise InputError(
            display,
            f"file is larger than the size limit ({size} > {settings.max_file_bytes} bytes)",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(display, f"cannot read file ({exc.strerror})") from None
    if fmt is None:
        head, _ = decode_bytes(data[:8192], display)
        fmt = sniff_format(head)
        if fmt in ("jsonl", "csv"):
            yield from read_jsonl(path, display, settings)
            return
    yield read_post_text(data, display, fmt, path.stem)


def read_post_text(data: bytes, display: str, fmt: str, stem: str) -> Post:
    """Build a post from the bytes of one text, HTML or Markdown file.

    Raises:
        InputError: The bytes are binary, empty, or the front matter/HTML is unusable.
    """
    text, encoding = decode_bytes(data, display, html=fmt == "html")
    sha256 = hashlib.sha256(data).hexdigest()
    title: str | None = None
    metadata: dict[str, object] = {}
    first_line = 1
    if fmt == "html":
        title, metadata = read_html_metadata(text, display)
    elif fmt == "markdown":
        front, text, consumed = split_front_matter(text, display)
        first_line += consumed
        title = _clean(front.pop("title", None))
        metadata = front
        if not text.strip() and not title:
            raise InputError(display, "Markdown file has no text after its front matter")
    return Post(
        id=file_post_id(stem, sha256),
        path=display,
        format=fmt,
        encoding=encoding,
        text=text,
        sha256=sha256,
        title=title,
        metadata=metadata,
        first_line=first_line,
    )


def _clean(value: object) -> str | None:
    return " ".join(str(value).split()) if value not in (None, "") else None


def read_posts_of(
    given: str, settings: Settings | None = None, stdin: bytes | None = None
) -> list[Post]:
    """The posts of one input named on the command line; ``-`` reads ``stdin`` bytes.

    Raises:
        InputError: The input (or one of its records) cannot be read.
    """
    settings = settings or Settings()
    if given == "-":
        data = stdin or b""
        fmt = settings.input_format
        if fmt == "auto":
            fmt = sniff_format(decode_bytes(data[:8192], "<stdin>")[0]) if data.strip() else "text"
        return [read_post_text(data, "<stdin>", fmt, "stdin")]
    posts = []
    for item in read_inputs([given], settings):
        if isinstance(item, InputError):
            raise item
        posts.append(item)
    return posts
