"""Corpus files: JSONL (one post per line) and CSV (one post per row), streamed.

A bad record becomes an :class:`~blogtext.errors.InputError` naming ``file:line`` and the
run goes on with the next record; memory stays bounded by the largest record.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from blogtext.config import Settings
from blogtext.errors import InputError
from blogtext.ingest._ids import record_post_id
from blogtext.ingest.decode import decode_bytes, normalise_text
from blogtext.ingest.html import read_html_metadata
from blogtext.ingest.markdown import split_front_matter
from blogtext.model import Post


def read_jsonl(path: Path, display: str, settings: Settings) -> Iterator[Post | InputError]:
    """Posts of a JSONL file, one per non-blank line."""
    limit = settings.max_file_bytes
    seen_any = False
    with path.open("rb") as handle:
        for number, raw in enumerate(_bounded_lines(handle, limit), start=1):
            location = f"{display}:{number}"
            if raw is None:
                yield InputError(location, f"record larger than the size limit ({limit} bytes)")
                continue
            if not raw.strip():
                continue
            seen_any = True
            try:
                text, encoding = decode_bytes(raw, location)
                record = json.loads(text)
            except InputError as error:
                yield error
                continue
            except json.JSONDecodeError as exc:
                yield InputError(location, f"invalid JSON ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(record, dict):
                yield InputError(location, "record is not a JSON object")
                continue
            yield _record_post(record, path, display, number, encoding, raw, settings, "jsonl")
    if not seen_any:
        yield InputError(display, "file is empty (no JSONL records)")


def _bounded_lines(handle: io.BufferedReader, limit: int) -> Iterator[bytes | None]:
    """Lines of a binary file; ``None`` stands for a line longer than ``limit`` (skipped)."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the oversized line
                line = handle.readline(1 << 20)
            yield None
            continue
        yield line


def read_csv(path: Path, display: str, settings: Settings) -> Iterator[Post | InputError]:
    """Posts of a CSV file with a header row, one per row."""
    with path.open("rb") as probe:
        head = probe.read(262144)
    if not head.strip():
        yield InputError(display, "file is empty")
        return
    try:
        _, encoding = decode_bytes(head, display)
    except InputError as error:
        yield error
        return
    codec = "utf-8-sig" if encoding.startswith("utf-8") else encoding
    csv.field_size_limit(max(settings.max_file_bytes, 131072))
    with path.open(encoding=codec, errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        row_start = 2
        try:
            for row in reader:
                location = f"{display}:{row_start}"
                row_start = reader.line_num + 1
                if None in row:  # more cells than header columns
                    row.pop(None)
                raw = json.dumps(row, ensure_ascii=False).encode()
                yield _record_post(
                    row,
                    path,
                    display,
                    int(location.rsplit(":", 1)[1]),
                    encoding,
                    raw,
                    settings,
                    "csv",
                )
        except csv.Error as exc:
            yield InputError(f"{display}:{reader.line_num}", f"CSV cannot be parsed ({exc})")


def _record_post(
    record: dict[str, Any],
    path: Path,
    display: str,
    number: int,
    encoding: str,
    raw: bytes,
    settings: Settings,
    container: str,
) -> Post | InputError:
    fields = settings.fields
    location = f"{display}:{number}"
    picked = _pick_text(record, settings)
    if picked is None:
        wanted = ", ".join(f"'{n}'" for n in (fields.text, fields.html, fields.markdown))
        return InputError(location, f"record has no text field (expected one of {wanted})")
    fmt, value = picked
    if len(value.encode()) > settings.max_file_bytes:
        return InputError(
            location, f"record text larger than the size limit ({settings.max_file_bytes} bytes)"
        )
    text = normalise_text(value)
    title = _string(record.get(fields.title))
    metadata = {
        key: record[name]
        for key, name in (("url", fields.url), ("date", fields.date), ("author", fields.author))
        if record.get(name) not in (None, "")
    }
    first_line = 1
    try:
        if fmt == "html":
            page_title, page_meta = read_html_metadata(text, location)
            title = title or page_title
            metadata = {**page_meta, **metadata}
        elif fmt == "markdown":
            front, text, consumed = split_front_matter(text, location)
            first_line += consumed
            title = title or _string(front.get("title"))
            metadata = {**{k: v for k, v in front.items() if k != "title"}, **metadata}
    except InputError as error:
        return error
    return Post(
        id=record_post_id(path.stem, number, record.get(fields.id)),
        path=display,
        format=fmt,
        encoding=encoding,
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        title=title,
        metadata=metadata,
        first_line=first_line,
        record=number,
        container_format=container,
    )


def _pick_text(record: dict[str, Any], settings: Settings) -> tuple[str, str] | None:
    """The first non-empty text field of a record and the format it implies."""
    fields = settings.fields
    for name, fmt in ((fields.text, "text"), (fields.html, "html"), (fields.markdown, "markdown")):
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return fmt, value
    return None


def _string(value: Any) -> str | None:
    return " ".join(str(value).split()) if value not in (None, "") else None
