"""Small inline SVG charts, drawn in Python (no chart library, nothing loaded at view time).

Every label is escaped with :func:`~blogtext.report._html.esc`; colours are presentation
attributes (``fill=``), not ``style=``, so the strict Content-Security-Policy holds.
"""

from __future__ import annotations

from collections.abc import Sequence

from blogtext.report._html import esc
from blogtext.report._values import AMSTAD_BANDS

BAND_COLOURS = ("#2e7d32", "#66a84d", "#a5c85a", "#e3c84f", "#f0a04b", "#e0703c", "#c0392b")
BAR = "#4a7fb5"


def _label(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def band_scale(score: float, width: int = 520) -> str:
    """The Flesch–Amstad scale 0–100 in its seven bands, with a marker at ``score``."""
    height, top = 46, 6
    scale = width / 100
    parts = [f'<svg class="scale" width="{width}" height="{height}" role="img" aria-label="Skala">']
    upper = 100.0
    for (bound, label, _), colour in zip(AMSTAD_BANDS, BAND_COLOURS, strict=True):
        lower = max(bound, 0.0)
        x, w = lower * scale, (upper - lower) * scale
        parts.append(
            f'<rect x="{x:.1f}" y="{top}" width="{w:.1f}" height="16" fill="{colour}">'
            f"<title>{esc(label)}: {lower:.0f}–{upper:.0f}</title></rect>"
        )
        upper = lower
    marker = min(max(score, 0.0), 100.0) * scale
    parts.append(f'<rect x="{marker - 1.5:.1f}" y="2" width="3" height="24" fill="#111"/>')
    parts.append(
        f'<text x="0" y="40">0 sehr schwer</text><text x="{width}" y="40" text-anchor="end">leicht 100</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def hbar_chart(
    rows: Sequence[tuple[str, float]],
    unit: str = "",
    width: int = 640,
    colours: Sequence[str] | None = None,
) -> str:
    """Horizontal bars, one per (label, value), largest scale = the largest value."""
    if not rows:
        return ""
    label_width, bar_width, row = 260, width - 260 - 60, 20
    peak = max(value for _, value in rows) or 1.0
    height = row * len(rows) + 6
    parts = [f'<svg width="{width}" height="{height}" role="img">']
    for i, (label, value) in enumerate(rows):
        y = i * row + 3
        w = max(bar_width * value / peak, 1.0)
        colour = colours[i] if colours else BAR
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end">{esc(_label(label, 40))}<title>{esc(label)}</title></text>'
            f'<rect x="{label_width}" y="{y}" width="{w:.1f}" height="15" fill="{colour}"/>'
            f'<text x="{label_width + w + 4:.1f}" y="{y + 12}">{_number(value)}{esc(unit)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def column_chart(
    rows: Sequence[tuple[str, float]],
    width: int = 640,
    height: int = 200,
    colours: Sequence[str] | None = None,
) -> str:
    """Vertical columns with labels below (a histogram over named bins)."""
    if not rows:
        return ""
    base, top = height - 36, 14
    slot = (width - 20) / len(rows)
    peak = max(value for _, value in rows) or 1.0
    parts = [f'<svg width="{width}" height="{height}" role="img">']
    parts.append(f'<line x1="10" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#999"/>')
    for i, (label, value) in enumerate(rows):
        h = (base - top) * value / peak
        x = 10 + i * slot
        colour = colours[i] if colours else BAR
        parts.append(
            f'<rect x="{x + 4:.1f}" y="{base - h:.1f}" width="{slot - 8:.1f}" height="{h:.1f}" fill="{colour}">'
            f"<title>{esc(label)}: {_number(value)}</title></rect>"
            f'<text x="{x + slot / 2:.1f}" y="{base - h - 3:.1f}" text-anchor="middle">{_number(value)}</text>'
            f'<text x="{x + slot / 2:.1f}" y="{base + 14}" text-anchor="middle">{esc(_label(label, 16))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def scatter_chart(
    points: Sequence[tuple[float, float, str]],
    x_ticks: Sequence[tuple[float, str]],
    width: int = 640,
    height: int = 240,
) -> str:
    """Points (x, y, tooltip) on a plane; x ticks given as (value, label), y from 0 to max."""
    if not points:
        return ""
    left, right, top, base = 40, width - 14, 12, height - 30
    xs = [p[0] for p in points]
    x0, x1 = min(xs), max(xs)
    span = (x1 - x0) or 1.0
    peak = max(max(p[1] for p in points), 1.0)

    def px(x: float) -> float:
        return left + (x - x0) / span * (right - left)

    def py(y: float) -> float:
        return base - y / peak * (base - top)

    parts = [f'<svg width="{width}" height="{height}" role="img">']
    parts.append(f'<line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="#999"/>')
    parts.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{base}" stroke="#999"/>')
    parts.append(f'<text x="{left - 4}" y="{top + 4}" text-anchor="end">{_number(peak)}</text>')
    parts.append(f'<text x="{left - 4}" y="{base}" text-anchor="end">0</text>')
    for value, label in x_ticks:
        if x0 <= value <= x1:
            parts.append(
                f'<text x="{px(value):.1f}" y="{base + 16}" text-anchor="middle">{esc(label)}</text>'
            )
    for x, y, tip in points:
        parts.append(
            f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="4" fill="{BAR}" fill-opacity="0.7">'
            f"<title>{esc(tip)}</title></circle>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
