"""Reading the per-post report dict defensively, and the readability bands.

Every renderer (Markdown, HTML, corpus tables, dashboard) works from the per-post report dict,
the JSON contract of DESIGN.md, never from the ``Report`` object: an analysis that lands later
flows through unchanged. A key that is absent means "analysis not available"; these helpers
turn malformed values into ``None`` rather than crashing a whole corpus run.
"""

from __future__ import annotations

import math
from typing import Any

#: Flesch reading-ease bands, used for the German adaptation by Amstad (1978,
#: "Wie verständlich sind unsere Zeitungen?"): score → (label, meaning for a reader).
#: Lower bound inclusive; scores are clipped to 0–100.
AMSTAD_BANDS: tuple[tuple[float, str, str], ...] = (
    (90.0, "sehr leicht", "very easy"),
    (80.0, "leicht", "easy"),
    (70.0, "mittelleicht", "fairly easy"),
    (60.0, "mittel", "standard"),
    (50.0, "mittelschwer", "fairly difficult"),
    (30.0, "schwer", "difficult"),
    (-math.inf, "sehr schwer", "very difficult"),
)

#: LIX bands after Björnsson (1968, "Läsbarhet"): lower bound inclusive.
LIX_BANDS: tuple[tuple[float, str], ...] = (
    (60.0, "sehr schwer"),
    (50.0, "schwer"),
    (40.0, "mittel"),
    (30.0, "leicht"),
    (-math.inf, "sehr leicht"),
)


def amstad_band(score: float | None) -> str | None:
    """The band label of a Flesch–Amstad score (``None`` when there is no score)."""
    if score is None:
        return None
    return next(label for bound, label, _ in AMSTAD_BANDS if score >= bound)


def lix_band(score: float | None) -> str | None:
    """The band label of a LIX score."""
    if score is None:
        return None
    return next(label for bound, label in LIX_BANDS if score >= bound)


def num(value: Any) -> float | None:
    """A finite number, or ``None`` (for absent, non-numeric, NaN or boolean values)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def integer(value: Any) -> int | None:
    """An int, or ``None``."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def text(value: Any) -> str | None:
    """A string, or ``None`` (other scalars are turned into their string form)."""
    if value is None or isinstance(value, dict | list):
        return None
    return value if isinstance(value, str) else str(value)


def items(report: dict[str, Any], key: str) -> list[dict[str, Any]] | None:
    """The list under ``key`` keeping only dict entries; ``None`` when the key is absent."""
    value = report.get(key)
    if not isinstance(value, list):
        return None
    return [entry for entry in value if isinstance(entry, dict)]


def section(report: dict[str, Any], key: str) -> dict[str, Any] | None:
    """The dict under ``key``, or ``None`` when absent (analysis not available)."""
    value = report.get(key)
    return value if isinstance(value, dict) else None


def segments(report: dict[str, Any]) -> dict[str, Any] | None:
    """The ``segments`` section."""
    return section(report, "segments")


def comments(report: dict[str, Any]) -> list[dict[str, Any]] | None:
    """Reader comments, or ``None`` when segmentation is not available."""
    parts = segments(report)
    return items(parts, "comments") if parts is not None else None


def first_line(entry: dict[str, Any]) -> int | None:
    """The first input line of an entry with ``lines`` (or a ``line``)."""
    lines = entry.get("lines")
    if isinstance(lines, list):
        numbers = [n for n in lines if integer(n) is not None]
        return min(numbers) if numbers else None
    return integer(entry.get("line"))


def title(report: dict[str, Any]) -> str:
    """The post title, or a placeholder naming the post."""
    return text(report.get("title")) or f"(ohne Titel: {report.get('id', '?')})"


def metadata(report: dict[str, Any], key: str) -> str | None:
    """A metadata value (url, date, author, …) as text."""
    meta = section(report, "metadata") or {}
    return text(meta.get(key))


def wstf(readability: dict[str, Any], variant: str = "1") -> float | None:
    """Wiener Sachtextformel variant ``variant`` (1–4) from the readability section."""
    formula = readability.get("wiener_sachtextformel")
    if isinstance(formula, dict):
        return num(formula.get(variant))
    return num(formula) if variant == "1" else None
