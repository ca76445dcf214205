"""The per-post Markdown summary (``DIR/posts/<id>.md``), from the per-post report dict.

Markdown viewers (GitHub, GitLab, IDE previews) render inline HTML and links, and post text is
hostile, so every value from the post is escaped: HTML-significant characters become entities
and Markdown syntax characters are backslash-escaped; nothing from the post becomes a link.
"""

from __future__ import annotations

import re
from typing import Any

from blogtext.report import _values as v

__all__ = ["md_escape", "render_markdown"]

#: Characters with inline meaning; line-start syntax (#, >, -, 1.) cannot occur because every
#: value is placed after a fixed prefix. Each becomes itself behind a backslash, and the
#: HTML-significant ones become entities, in one pass.
_MD_ESCAPES = str.maketrans(
    {char: "\\" + char for char in "\\`*_[]|~"} | {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
)
#: Most values (numbers, rule ids, plain sentences) hold none of them and are returned as they are.
_MD_NEEDS_ESCAPE = re.compile(r"[\\`*_\[\]|~&<>]").search


def md_escape(value: object) -> str:
    """``value`` as inert Markdown text on one line."""
    text = "" if value is None else " ".join(str(value).split())
    if _MD_NEEDS_ESCAPE(text) is None:
        return text
    return text.translate(_MD_ESCAPES)


def render_markdown(report: dict[str, Any]) -> str:
    """A readable summary of one post: source, readability, findings, gender, themes, quotes."""
    parts = [f"# {md_escape(v.title(report))}", "", *_source(report)]
    for section in (_readability, _findings, _gender, _themes, _quotes, _comments):
        parts += ["", *section(report)]
    return "\n".join(parts) + "\n"


_NA = "_nicht verfügbar (diese Analyse lief für den Beitrag nicht)_"


def _source(report: dict[str, Any]) -> list[str]:
    source = v.section(report, "source") or {}
    pipeline = v.section(report, "pipeline") or {}
    rows = [
        ("Post-ID", report.get("id")),
        ("Quelle", source.get("path")),
        ("Format", f"{source.get('format', '?')}, {source.get('encoding', '?')}"),
        ("URL", v.metadata(report, "url")),
        ("Datum", v.metadata(report, "date")),
        ("Autor/in", v.metadata(report, "author")),
        (
            "Analyse",
            f"blogtext {pipeline.get('blogtext', '?')}, {pipeline.get('spacy_model', 'kein Modell')}",
        ),
    ]
    return [f"- **{label}:** {md_escape(value)}" for label, value in rows if value is not None]


def _readability(report: dict[str, Any]) -> list[str]:
    lines = ["## Lesbarkeit (Artikeltext)", ""]
    data = v.section(report, "readability")
    if data is None:
        return [*lines, _NA]
    amstad, lix = v.num(data.get("flesch_amstad")), v.num(data.get("lix"))
    rows = [
        ("Flesch–Amstad (0–100, höher = leichter)", _fmt(amstad), v.amstad_band(amstad) or "–"),
        ("Wiener Sachtextformel (Schulstufe 4–15)", _fmt(v.wstf(data)), "–"),
        ("LIX", _fmt(lix), v.lix_band(lix) or "–"),
        ("Sätze", _fmt(data.get("sentences"), 0), ""),
        ("Wörter", _fmt(data.get("words"), 0), ""),
    ]
    table = ["| Maß | Wert | Band |", "|---|---:|---|"]
    table += [f"| {label} | {value} | {band} |" for label, value, band in rows]
    return lines + table


def _fmt(value: Any, digits: int = 1) -> str:
    number = v.num(value)
    return "–" if number is None else f"{number:.{digits}f}"


def _findings(report: dict[str, Any]) -> list[str]:
    lines = ["## Hinweise", ""]
    findings = v.items(report, "findings")
    if findings is None:
        return [*lines, _NA]
    if not findings:
        return [*lines, "Keine Hinweise."]
    for f in findings:
        suggestions = [md_escape(s) for s in f.get("suggestions") or []]
        hint = f" → {', '.join(suggestions)}" if suggestions else ""
        lines.append(
            f"- Zeile {md_escape(f.get('line'))}:{md_escape(f.get('column'))} "
            f"**{md_escape(f.get('severity'))}** `{md_escape(f.get('rule'))}`: "
            f"{md_escape(f.get('message'))} („{md_escape(f.get('text'))}“){hint}"
        )
    return lines


def _gender(report: dict[str, Any]) -> list[str]:
    lines = ["## Gendergerechte Sprache", ""]
    data = v.section(report, "gender")
    if data is None:
        return [*lines, _NA]
    styles = ", ".join(md_escape(s) for s in data.get("styles_used") or []) or "keine"
    forms = v.items(data, "inclusive_forms") or []
    disclaimer = v.section(data, "disclaimer")
    lines += [f"- Schreibweisen: {styles}", f"- Inklusive Formen: {len(forms)}"]
    if disclaimer:
        lines.append(
            f"- Generalklausel (Zeile {md_escape(disclaimer.get('line'))}): {md_escape(disclaimer.get('text'))}"
        )
    return lines


def _themes(report: dict[str, Any]) -> list[str]:
    lines = ["## Themen", ""]
    themes = v.items(report, "themes")
    if themes is None:
        return [*lines, _NA]
    if not themes:
        return [*lines, "Keine Themen erkannt."]
    table = ["| Thema | Gewicht | Vorkommen |", "|---|---:|---:|"]
    table += [
        f"| {md_escape(t.get('phrase'))} | {_fmt(t.get('score'), 2)} | {_fmt(t.get('count'), 0)} |"
        for t in themes
    ]
    return lines + table


def _quotes(report: dict[str, Any]) -> list[str]:
    lines = ["## Share-Zitate", ""]
    quotes = v.items(report, "share_quotes")
    if quotes is None:
        return [*lines, _NA]
    if not quotes:
        return [*lines, "Keine Share-Zitate gefunden."]
    return lines + [f"> {md_escape(q.get('text'))}\n" for q in quotes]


def _comments(report: dict[str, Any]) -> list[str]:
    lines = ["## Kommentare", ""]
    comments = v.comments(report)
    if comments is None:
        return [*lines, _NA]
    if not comments:
        return [*lines, "Keine Kommentare."]
    for c in comments:
        who = md_escape(c.get("author") or "anonym")
        when = f" ({md_escape(c.get('date'))})" if c.get("date") else ""
        excerpt = " ".join(str(c.get("text") or "").split())
        excerpt = excerpt if len(excerpt) <= 160 else excerpt[:159] + "…"
        lines.append(f"- **{who}**{when}: {md_escape(excerpt)}")
    return lines
