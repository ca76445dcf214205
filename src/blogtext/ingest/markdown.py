"""Front matter of Markdown drafts (YAML between ``---`` lines, TOML between ``+++``)."""

from __future__ import annotations

import datetime as dt
import tomllib
from typing import Any

from blogtext.errors import InputError


def split_front_matter(text: str, location: str) -> tuple[dict[str, Any], str, int]:
    """Split a Markdown document into ``(front matter, rest, line count of the front matter)``.

    The rest begins on file line ``count + 1``; field lines are kept in
    ``front_matter["_lines"]`` (key → file line) so title/description can be linted in place.

    Raises:
        InputError: The front matter is not closed or not valid YAML/TOML.
    """
    lines = text.split("\n")
    fence = lines[0].rstrip() if lines else ""
    if fence not in ("---", "+++"):
        return {}, text, 0
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (fence, "..." if fence == "---" else fence):
            raw = "\n".join(lines[1:index])
            data = _parse(raw, fence, location)
            data["_lines"] = _key_lines(lines[1:index])
            return data, "\n".join(lines[index + 1 :]), index + 1
    raise InputError(location, f"front matter opened with '{fence}' on line 1 is never closed")


def _parse(raw: str, fence: str, location: str) -> dict[str, Any]:
    if fence == "+++":
        try:
            data: Any = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(location, f"invalid TOML front matter ({exc})") from None
    else:
        import yaml

        try:
            data = yaml.safe_load(raw) if raw.strip() else {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" on line {mark.line + 2}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or "syntax error"
            raise InputError(location, f"invalid YAML front matter{where} ({problem})") from None
    if not isinstance(data, dict):
        raise InputError(location, "front matter is not a mapping of keys to values")
    return {str(k): _plain(v) for k, v in data.items()}


def _plain(value: Any) -> Any:
    """YAML dates become ISO strings so metadata stays JSON-serialisable."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _key_lines(lines: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for offset, line in enumerate(lines):
        if line and not line[0].isspace() and (":" in line or "=" in line):
            key = line.split(":" if ":" in line else "=", 1)[0].strip().strip("\"'")
            if key and key not in found:
                found[key] = offset + 2  # +1 for the fence line, +1 for 1-based lines
    return found
