"""The post itself in the per-post HTML report: lines shaded by segment, findings inline.

Two views, chosen by what the report allows:

* **line view** (text and Markdown input): every input line with its number, shaded as body,
  comment or boilerplate from the segments' ``lines``; findings are marked at their
  ``line``/``column``…``end_column`` (1-based, end exclusive) with the message right below;
* **segment view** (HTML input, whose line numbers refer to an extracted text view the report
  does not carry): the body blocks, comments and boilerplate as separate shaded boxes, and a
  finding is marked where its ``text`` occurs in a block that owns its line.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from blogtext.report import _values as v
from blogtext.report._html import esc

LABELS = {"body": "Artikel", "comment": "Kommentar", "boilerplate": "Seitenelement", "": "—"}


def line_labels(segments: dict[str, Any] | None) -> dict[int, str]:
    """Line number → ``body``/``comment``/``boilerplate`` (first claim wins)."""
    labels: dict[int, str] = {}
    if segments is None:
        return labels
    body = v.section(segments, "body") or {}
    owners: list[tuple[str, list[Any]]] = [("body", body.get("lines") or [])]
    owners += [("comment", c.get("lines") or []) for c in v.items(segments, "comments") or []]
    owners += [
        ("boilerplate", b.get("lines") or [])
        for b in v.items(segments, "boilerplate") or []
        if not b.get("inline")
    ]
    for label, lines in owners:
        for line in lines if isinstance(lines, list) else []:
            if v.integer(line) is not None:
                labels.setdefault(line, label)
    return labels


def findings_by_line(findings: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    """Findings grouped by their (start) line."""
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for finding in findings:
        line = v.integer(finding.get("line"))
        if line is not None:
            grouped[line].append(finding)
    return grouped


def severity_class(finding: dict[str, Any]) -> str:
    """CSS class for a finding's severity (unknown severities look like ``info``)."""
    severity = finding.get("severity")
    return f"sev-{severity}" if severity in ("error", "warning", "info") else "sev-info"


def finding_note(finding: dict[str, Any]) -> str:
    """One finding as a note: rule, message and suggestions (all escaped)."""
    suggestions = [esc(s) for s in finding.get("suggestions") or [] if isinstance(s, str)]
    hint = f' <span class="sugg">→ {", ".join(suggestions)}</span>' if suggestions else ""
    return (
        f'<li class="{severity_class(finding)}"><code>{esc(finding.get("rule"))}</code> '
        f"{esc(finding.get('message'))}{hint}</li>"
    )


def mark_spans(text: str, spans: list[tuple[int, int, dict[str, Any]]]) -> str:
    """``text`` escaped, with non-overlapping ``spans`` (start, end, finding) as ``<mark>``."""
    out: list[str] = []
    position = 0
    for start, end, finding in sorted(spans, key=lambda span: (span[0], -span[1])):
        start, end = max(start, position), min(end, len(text))
        if end <= start:
            continue  # overlaps an earlier mark or is empty: the note below still lists it
        out.append(esc(text[position:start]))
        message = esc(finding.get("message"))
        out.append(
            f'<mark class="{severity_class(finding)}" title="{message}">{esc(text[start:end])}</mark>'
        )
        position = end
    out.append(esc(text[position:]))
    return "".join(out)


def _line_spans(line_text: str, found: list[dict[str, Any]]) -> list[tuple[int, int, Any]]:
    spans = []
    for finding in found:
        column = v.integer(finding.get("column"))
        if column is None:
            continue
        end_column = v.integer(finding.get("end_column"))
        same_line = v.integer(finding.get("end_line")) in (None, finding.get("line"))
        end = end_column - 1 if end_column is not None and same_line else len(line_text)
        spans.append((column - 1, end, finding))
    return spans


def render_line_view(
    lines: dict[int, str], segments: dict[str, Any] | None, findings: list[dict[str, Any]]
) -> str:
    """The line view: one table row per input line, notes for the findings on that line."""
    labels = line_labels(segments)
    grouped = findings_by_line(findings)
    rows = []
    for number in sorted(lines):
        label = labels.get(number, "")
        content = lines[number]
        found = grouped.get(number, [])
        cell = mark_spans(content, _line_spans(content, found)) if found else esc(content)
        notes = f'<ul class="notes">{"".join(map(finding_note, found))}</ul>' if found else ""
        rows.append(
            f'<tr class="seg-{label or "none"}"><td class="ln">{number}</td>'
            f'<td class="lab">{esc(LABELS[label])}</td><td class="tx">{cell}{notes}</td></tr>'
        )
    return f'<table class="lines">{"".join(rows)}</table>'


def _text_spans(
    content: str, lines: list[Any], grouped: dict[int, list[dict[str, Any]]]
) -> tuple[list[tuple[int, int, Any]], list[dict[str, Any]]]:
    spans, notes = [], []
    for line in lines:
        for finding in grouped.get(line, []) if isinstance(line, int) else []:
            needle = v.text(finding.get("text")) or ""
            at = content.find(needle) if needle else -1
            if at >= 0:
                spans.append((at, at + len(needle), finding))
            notes.append(finding)
    return spans, notes


def _box(kind: str, label: str, content: str, lines: Any, grouped: dict[int, list[Any]]) -> str:
    spans, notes = _text_spans(content, lines if isinstance(lines, list) else [], grouped)
    listed = f'<ul class="notes">{"".join(map(finding_note, notes))}</ul>' if notes else ""
    return (
        f'<div class="box seg-{kind}"><div class="lab">{esc(label)}</div>'
        f'<div class="tx">{mark_spans(content, spans)}</div>{listed}</div>'
    )


def render_segment_view(segments: dict[str, Any], findings: list[dict[str, Any]]) -> str:
    """The segment view: body blocks, then comments, then boilerplate, each shaded."""
    grouped = findings_by_line(findings)
    body = v.section(segments, "body") or {}
    blocks = v.items(body, "blocks")
    if blocks is None:  # a report without blocks: the body text as one box
        blocks = [{"kind": "paragraph", "text": body.get("text"), "lines": body.get("lines")}]
    boxes = [
        _box(
            "body",
            f"Artikel · {b.get('kind', '')}",
            v.text(b.get("text")) or "",
            b.get("lines"),
            grouped,
        )
        for b in blocks
    ]
    for comment in v.items(segments, "comments") or []:
        who = " · ".join(
            x for x in (v.text(comment.get("author")), v.text(comment.get("date"))) if x
        )
        label = f"Kommentar {comment.get('index', '')}" + (f" · {who}" if who else "")
        text = v.text(comment.get("text")) or ""
        boxes.append(_box("comment", label, text, comment.get("lines"), grouped))
    for item in v.items(segments, "boilerplate") or []:
        label = f"Seitenelement · {v.text(item.get('kind')) or ''}"
        text = v.text(item.get("text")) or ""
        boxes.append(_box("boilerplate", label, text, item.get("lines"), grouped))
    return "".join(boxes)
