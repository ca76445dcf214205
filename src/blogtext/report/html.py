"""The per-post HTML report (``DIR/posts/<id>.html``): self-contained, no script, hostile-safe.

Built from the per-post report dict only (plus the input's lines for the line view). Each
section shows "nicht verfügbar" when its key is absent from the report. The page runs no
JavaScript at all and its Content-Security-Policy says so (``script-src 'none'``).
"""

from __future__ import annotations

from typing import Any

from blogtext.report import _values as v
from blogtext.report._html import definition_list, esc, not_available, page, tag
from blogtext.report._post_view import finding_note, render_line_view, render_segment_view
from blogtext.report._svg import band_scale

__all__ = ["render_post_html"]

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;color:#1b1b1b}
h1{font-size:1.5rem;margin:.2rem 0 .6rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.4rem 0}dt{color:#555}dd{margin:0}
.na{color:#777;font-style:italic}.muted{color:#666;font-size:.9em}
table{border-collapse:collapse}td,th{padding:.15rem .5rem;vertical-align:top;text-align:left}
table.data th{border-bottom:1px solid #bbb}table.data td{border-bottom:1px solid #eee}
table.lines{width:100%;font:13px/1.4 ui-monospace,monospace}
table.lines td.ln{color:#888;text-align:right;user-select:none;width:3.5rem}
table.lines td.lab{color:#666;width:7rem;font-family:system-ui,sans-serif;font-size:12px}
table.lines td.tx{white-space:pre-wrap;word-break:break-word}
.seg-body{background:#fff}.seg-comment{background:#e8f1fb}.seg-boilerplate{background:#eeeeee;color:#666}
.seg-none{background:#fff;color:#888}
.box{margin:.35rem 0;padding:.4rem .6rem;border-radius:4px;border:1px solid #e2e2e2}
.box .lab{font-size:12px;color:#666}.box .tx{white-space:pre-wrap}
mark{padding:0 .1em;border-radius:2px}mark.sev-error{background:#ffc9c9}
mark.sev-warning{background:#ffe58f}mark.sev-info{background:#cfe8ff}
ul.notes{margin:.1rem 0 .3rem;padding-left:1.2rem;font:12px/1.35 system-ui,sans-serif}
li.sev-error{color:#a40000}li.sev-warning{color:#7a5200}li.sev-info{color:#1f4f82}.sugg{color:#2b6b2b}
.legend span{display:inline-block;padding:.1rem .5rem;margin-right:.4rem;border:1px solid #ddd}
blockquote{margin:.4rem 0;padding:.3rem .8rem;border-left:4px solid #8cb4e6;background:#f5f9ff}
svg text{font:11px system-ui,sans-serif}
"""


def render_post_html(report: dict[str, Any], lines: dict[int, str] | None = None) -> str:
    """The HTML report of one post.

    Args:
        report: The per-post report dict (DESIGN.md contract).
        lines: Input line number → text, when the report's line numbers refer to the input
            file (text and Markdown); ``None`` shows the segments instead of the lines.
    """
    title = v.title(report)
    body = [
        f"<header><h1>{esc(title)}</h1>{_source(report)}</header>",
        _readability(report),
        _findings_summary(report),
        _post(report, lines),
        _quotes(report),
        _themes(report),
        _gender(report),
    ]
    return page(f"{title} – blogtext", "\n".join(body), STYLE)


def _source(report: dict[str, Any]) -> str:
    source = v.section(report, "source") or {}
    pipeline = v.section(report, "pipeline") or {}
    model = v.text(pipeline.get("spacy_model"))
    if model and pipeline.get("spacy_model_stand_in"):
        model += " (Ersatzmodell, weniger genau)"
    rows: list[tuple[str, object]] = [
        ("Post-ID", v.text(report.get("id"))),
        ("Quelle", v.text(source.get("path"))),
        ("Datensatz", v.text(source.get("record"))),
        ("Format", v.text(source.get("format"))),
        ("Kodierung", v.text(source.get("encoding"))),
    ]
    # URLs stay text: a scraped href may be javascript:, and a report needs no live links.
    rows += [(label, v.metadata(report, key)) for key, label in _META]
    rows += [("Analyse", f"blogtext {pipeline.get('blogtext', '?')}, {model or 'kein Modell'}")]
    return definition_list(rows)


_META = (("url", "URL"), ("date", "Datum"), ("author", "Autor/in"), ("description", "Beschreibung"))


def _readability(report: dict[str, Any]) -> str:
    heading = "<h2>Lesbarkeit (Artikeltext)</h2>"
    data = v.section(report, "readability")
    if data is None:
        return heading + not_available("Lesbarkeit")
    amstad = v.num(data.get("flesch_amstad"))
    lix = v.num(data.get("lix"))
    rows: list[tuple[str, object]] = [
        ("Flesch–Amstad", f"{amstad:.1f} – {v.amstad_band(amstad)}" if amstad is not None else "–"),
        ("Wiener Sachtextformel", _fmt(v.wstf(data)) + " (Schulstufe, 4 = leicht … 15 = schwer)"),
        ("LIX", f"{lix:.1f} – {v.lix_band(lix)}" if lix is not None else "–"),
        (
            "Sätze / Wörter / Silben",
            " / ".join(_fmt(data.get(k), 0) for k in ("sentences", "words", "syllables")),
        ),
    ]
    scale = band_scale(amstad) if amstad is not None else ""
    note = (
        '<p class="muted">Flesch–Amstad: 0–100, höher = leichter; Bänder nach Amstad (1978). '
        "Gezählt wird nur der Artikeltext, ohne Kommentare und Seitenelemente.</p>"
    )
    return heading + definition_list(rows) + scale + note


def _fmt(value: Any, digits: int = 1) -> str:
    number = v.num(value)
    return "–" if number is None else f"{number:.{digits}f}"


def _findings_summary(report: dict[str, Any]) -> str:
    heading = "<h2>Hinweise</h2>"
    findings = v.items(report, "findings")
    if findings is None:
        return heading + not_available("Regelprüfung")
    if not findings:
        return heading + "<p>Keine Hinweise.</p>"
    counts = {
        s: sum(f.get("severity") == s for f in findings) for s in ("error", "warning", "info")
    }
    summary = f"<p>{len(findings)} Hinweise: {counts['error']} Fehler, {counts['warning']} Warnungen, {counts['info']} Infos. Sie sind unten im Text markiert.</p>"
    rows = "".join(
        f"<tr><td>{esc(f.get('line'))}:{esc(f.get('column'))}</td><td>{esc(f.get('text'))}</td>"
        f'<td><ul class="notes">{finding_note(f)}</ul></td></tr>'
        for f in findings
    )
    table = f'<table class="data"><tr><th>Zeile:Spalte</th><th>Stelle</th><th>Hinweis</th></tr>{rows}</table>'
    return (
        heading + summary + f"<details><summary>Alle Hinweise als Liste</summary>{table}</details>"
    )


def _post(report: dict[str, Any], lines: dict[int, str] | None) -> str:
    heading = "<h2>Der Beitrag</h2>"
    legend = (
        '<p class="legend"><span class="seg-body">Artikel</span><span class="seg-comment">'
        'Kommentar</span><span class="seg-boilerplate">Seitenelement</span>'
        '<mark class="sev-error">Fehler</mark> <mark class="sev-warning">Warnung</mark> '
        '<mark class="sev-info">Info</mark></p>'
    )
    segments = v.segments(report)
    findings = v.items(report, "findings") or []
    note = "" if segments is not None else not_available("Segmentierung (Artikel/Kommentare)")
    if lines:
        return heading + note + legend + render_line_view(lines, segments, findings)
    if segments is not None:
        return heading + legend + render_segment_view(segments, findings)
    return heading + note


def _quotes(report: dict[str, Any]) -> str:
    heading = "<h2>Share-Zitate</h2>"
    quotes = v.items(report, "share_quotes")
    if quotes is None:
        return heading + not_available("Share-Zitate")
    if not quotes:
        return heading + "<p>Keine Share-Zitate (Click-to-Tweet) gefunden.</p>"
    return heading + "".join(
        tag(
            "blockquote",
            esc(q.get("text")) + f' <span class="muted">(Zeile {esc(v.first_line(q))})</span>',
        )
        for q in quotes
    )


def _themes(report: dict[str, Any]) -> str:
    heading = "<h2>Themen</h2>"
    themes = v.items(report, "themes")
    if themes is None:
        return heading + not_available("Themen")
    if not themes:
        return heading + "<p>Keine Themen erkannt.</p>"
    rows = "".join(
        f"<tr><td>{esc(t.get('phrase'))}</td><td>{_fmt(t.get('score'), 2)}</td><td>{esc(t.get('count'))}</td></tr>"
        for t in themes
    )
    return (
        heading
        + f'<table class="data"><tr><th>Thema</th><th>Gewicht</th><th>Vorkommen</th></tr>{rows}</table>'
    )


def _gender(report: dict[str, Any]) -> str:
    heading = "<h2>Gendergerechte Sprache</h2>"
    data = v.section(report, "gender")
    if data is None:
        return heading + not_available("Gender-Analyse")
    styles = [v.text(s) for s in data.get("styles_used") or []]
    forms = v.items(data, "inclusive_forms") or []
    disclaimer = v.section(data, "disclaimer")
    rows: list[tuple[str, object]] = [
        ("Verwendete Schreibweisen", ", ".join(s for s in styles if s) or "keine"),
        ("Inklusive Formen", len(forms)),
        ("Generalklausel", (v.text(disclaimer.get("text")) if disclaimer else None) or "keine"),
    ]
    listing = ", ".join(f"{esc(f.get('text'))} ({esc(f.get('style'))})" for f in forms[:50])
    return heading + definition_list(rows) + (f'<p class="muted">{listing}</p>' if listing else "")
