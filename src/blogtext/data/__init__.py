"""Access to the package's data files (lexicons, phrase lists).

Every file lives in ``blogtext/data/<area>/`` and is read with :mod:`importlib.resources`,
so it works from a wheel, a zip or an editable install alike.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def read_text(area: str, name: str) -> str:
    """The content of ``data/<area>/<name>`` as text (cached)."""
    return resources.files(__package__).joinpath(area, name).read_text(encoding="utf-8")


def read_lines(area: str, name: str) -> list[str]:
    """Non-empty lines of a list file, without ``#`` comment lines."""
    return [
        line.rstrip("\n")
        for line in read_text(area, name).splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def read_tsv(area: str, name: str) -> list[list[str]]:
    """Rows of a TSV file; blank lines and ``#`` comment lines (the header) are skipped."""
    return [line.split("\t") for line in read_lines(area, name)]
