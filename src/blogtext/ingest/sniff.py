"""Which reader fits an input: by file extension first, then by content."""

from __future__ import annotations

import re
from pathlib import Path

EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
}

_HTML_START = re.compile(
    r"\s{0,200}(<!doctype html|<html|<head|<body|<!--|<meta|<div|<article|<p[ >])", re.I
)
_FRONT_MATTER = re.compile(r"---[ \t]*\n")
_MARKDOWN_HINT = re.compile(r"^(#{1,6} \S|```|\* \S|- \S|\d+\. \S)", re.M)


def format_from_extension(path: Path) -> str | None:
    """The reader for a file name, or ``None`` when the extension says nothing."""
    return EXTENSIONS.get(path.suffix.lower())


def sniff_format(head: str) -> str:
    """Guess a format from the first characters of a decoded input."""
    if _HTML_START.match(head):
        return "html"
    stripped = head.lstrip()
    if stripped.startswith("{") and stripped.split("\n", 1)[0].rstrip().endswith("}"):
        return "jsonl"
    if _FRONT_MATTER.match(head) or len(_MARKDOWN_HINT.findall(head[:4096])) >= 2:
        return "markdown"
    return "text"
