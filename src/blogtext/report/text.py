"""The terminal report an author reads (``blogtext check``).

Compact and in reading order: what was analysed, the readability scores with their bands, the
five hardest sentences, the gender summary, share quotes and themes when the report has them,
then every finding as ``line:col  severity  rule-id  message`` with ``→ suggestion`` lines,
sorted by position. Colours (click.style) only when writing to a terminal and ``NO_COLOR`` is
unset; the caller may force either way.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import click

from blogtext.analyzers.readability import flesch_amstad_band, wstf_band
from blogtext.analyzers.style import hardest_sentences
from blogtext.model import Finding, Report

#: How many of the hardest sentences are listed.
WORST_SENTENCES = 5
#: Sentence excerpts and quotes are cut to this many characters.
EXCERPT_CHARS = 72
#: LIX bands (lower bound, label) after Björnsson (1968), as commonly tabled for German.
LIX_BANDS = (
    (60, "sehr schwer"),
    (50, "schwer"),
    (40, "mittel"),
    (30, "leicht"),
    (-1e9, "sehr leicht"),
)
SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
#: Flesch-Amstad bands coloured like traffic lights (≥ 60 green, 30–60 yellow, < 30 red).
_GOOD_FLESCH, _BAD_FLESCH = 60.0, 30.0

Style = Callable[..., str]


def render_text(report: Report, color: bool | None = None) -> str:
    """A compact, readable report of one post.

    Args:
        report: The analysed post.
        color: ANSI colours on/off; ``None`` = on when stdout is a terminal and ``NO_COLOR``
            is not set.
    """
    if color is None:
        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ

    def style(text: str, **kwargs: Any) -> str:
        return click.style(text, **kwargs) if color else text

    sections = [
        _header(report, style),
        _readability(report, style),
        _hardest(report, style),
        _gender(report, style),
        _share_quotes(report, style),
        _themes(report, style),
        _findings(report.findings, style),
    ]
    return "\n\n".join(s for s in sections if s) + "\n"


def _header(report: Report, style: Style) -> str:
    post = report.post
    title = (report.segments.title if report.segments else None) or post.title or "(no title)"
    lines = [style(title, bold=True), "=" * min(len(title), 78)]
    lines.append(f"source:   {post.location} ({post.format}, {post.encoding})")
    if report.pipeline is not None:
        stand_in = " – offline stand-in, less accurate" if report.pipeline.stand_in else ""
        lines.append(f"pipeline: {report.pipeline.label}{stand_in}")
    for key in ("url", "author", "date", "description"):
        if post.metadata.get(key):
            lines.append(f"{key + ':':9} {post.metadata[key]}")
    return "\n".join(lines)


def _lix_band(value: float) -> str:
    return next(label for bound, label in LIX_BANDS if value >= bound)


def _readability(report: Report, style: Style) -> str:
    scores = report.readability
    if scores is None:
        return ""
    lines = [style("Readability", bold=True)]
    if scores.words == 0:
        return "\n".join([*lines, "  no words in the article body"])
    fre = scores.flesch_amstad
    colour = "green" if fre >= _GOOD_FLESCH else "yellow" if fre >= _BAD_FLESCH else "red"
    wstf = scores.wiener_sachtextformel[1]
    lines.append(
        f"  Flesch-Amstad {style(f'{fre:5.1f}', fg=colour, bold=True)} – {flesch_amstad_band(fre)}"
    )
    lines.append(f"  WSTF 1        {wstf:5.1f} – {wstf_band(wstf)}")
    lines.append(f"  LIX           {scores.lix:5.1f} – {_lix_band(scores.lix)}")
    lines.append(
        f"  {scores.sentences} sentences · {scores.words} words · "
        f"{scores.words / scores.sentences:.1f} words/sentence · "
        f"{scores.syllables / scores.words:.2f} syllables/word"
    )
    return "\n".join(lines)


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _hardest(report: Report, style: Style) -> str:
    scores = report.readability
    if scores is None or not scores.per_sentence:
        return ""
    kinds = [b.kind for b in report.body.blocks] if report.body is not None else []

    def is_prose(sentence: Any) -> bool:
        return not kinds or kinds[sentence.block] not in ("title", "heading")

    prose = [s for s in scores.per_sentence if is_prose(s)]
    worst = hardest_sentences(prose, WORST_SENTENCES)
    if not worst:
        return ""
    rows = [
        (
            f"{s.line}:{s.column}",
            f"{s.word_count} words, {s.syllables / s.word_count:.2f} syll./word",
            _excerpt(s.text, 56),
        )
        for s in worst
    ]
    width = max(len(r[0]) for r in rows)
    lines = [style(f"Hardest sentences ({len(rows)} of {len(scores.per_sentence)})", bold=True)]
    for position, numbers, text in rows:
        lines.append(f"  {style(position.ljust(width), dim=True)}  {numbers:28}  „{text}“")
    return "\n".join(lines)


def _gender(report: Report, style: Style) -> str:
    gender = report.gender
    if gender is None:
        return ""
    counts = getattr(gender, "style_counts", {}) or {}
    used = ", ".join(f"{name} ×{counts.get(name, 0)}" for name in gender.styles_used) or "none"
    density = getattr(gender, "density_per_1000", None)
    per_1000 = f" ({density:.1f} per 1,000 words)" if density is not None else ""
    lines = [
        style("Gender", bold=True),
        f"  inclusive styles: {used}",
        f"  generic masculine: {gender.generic_masculine}{per_1000}",
    ]
    if gender.disclaimer is not None:
        where = ""
        if report.body is not None:
            where = f" (line {report.body.position(gender.disclaimer.start)[0]})"
        lines.append(f"  disclaimer{where}: „{_excerpt(gender.disclaimer.text, 60)}“")
    return "\n".join(lines)


def _share_quotes(report: Report, style: Style) -> str:
    quotes = report.segments.share_quotes if report.segments is not None else []
    if not quotes:
        return ""
    lines = [style(f"Share quotes ({len(quotes)})", bold=True)]
    for quote in quotes:
        line = quote.lines[0] if quote.lines else "?"
        lines.append(f"  {style(str(line), dim=True)}  „{_excerpt(quote.text)}“")
    return "\n".join(lines)


def _themes(report: Report, style: Style) -> str:
    themes = report.themes
    if not themes:
        return ""
    shown = []
    for theme in themes[:8]:
        phrase = getattr(theme, "phrase", None) or str(theme)
        count = getattr(theme, "count", None)
        shown.append(f"{phrase} ({count}×)" if count else phrase)
    return "\n".join([style("Themes", bold=True), "  " + " · ".join(shown)])


def _findings(findings: Iterable[Finding], style: Style) -> str:
    ordered = sorted(findings, key=lambda f: (f.line, f.column, f.rule))
    if not ordered:
        return style("No findings.", fg="green", bold=True)
    counts = Counter(f.severity for f in ordered)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}"
             for s in ("error", "warning", "info") if counts[s]]  # fmt: skip
    lines = [style(f"Findings ({len(ordered)}: {', '.join(parts)})", bold=True)]
    position_width = max(len(f"{f.line}:{f.column}") for f in ordered)
    rule_width = max(len(f.rule) for f in ordered)
    indent = " " * (2 + position_width + 2 + 7 + 2)
    for f in ordered:
        position = f"{f.line}:{f.column}".ljust(position_width)
        severity = style(f.severity.ljust(7), fg=SEVERITY_COLOURS.get(f.severity))
        rule = style(f.rule.ljust(rule_width), dim=True)
        lines.append(
            f"  {style(position, dim=True)}  {severity}  {rule}  {' '.join(f.message.split())}"
        )
        for suggestion in f.suggestions:
            lines.append(f"{indent}{style('→', fg='green')} {' '.join(suggestion.split())}")
    return "\n".join(lines)
