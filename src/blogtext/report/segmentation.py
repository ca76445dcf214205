"""``blogtext segment`` output: every input line with the segment it belongs to."""

from __future__ import annotations

from typing import Any

from blogtext.model import Post, Segments
from blogtext.report.json import segments_to_dict

_STYLES = {"body": "green", "comment": "cyan", "boilerplate": "bright_black"}


def segmentation_to_dict(post: Post, segments: Segments) -> dict[str, Any]:
    """The ``title``/``segments``/``share_quotes`` parts of the per-post report."""
    data = {
        "source": {"path": post.path, "format": post.format, "encoding": post.encoding},
        "title": segments.title,
        "segments": segments_to_dict(segments),
        "share_quotes": [
            {"text": q.text, "lines": list(q.lines), "source": q.source}
            for q in segments.share_quotes
        ],
    }
    if segments.text_view is not None:
        data["text_view"] = segments.text_view
    return data


def render_segmentation(post: Post, segments: Segments, color: bool = False) -> str:
    """Each non-blank line tagged: ``B`` body, ``C3`` comment 3 (``↳0`` replies to 0), ``-`` boilerplate.

    For HTML the lines are those of the extracted text view.
    """
    import click

    labels: dict[int, str] = {}
    for block in segments.body:
        for line in block.lines:
            labels[line] = "H" if block.kind in ("heading", "title") else "B"
    for comment in segments.comments:
        tag = f"C{comment.index}" + (f"↳{comment.parent}" if comment.parent is not None else "")
        for line in comment.lines:
            labels[line] = tag
    kinds: dict[int, str] = {}
    for item in segments.boilerplate:
        for line in item.lines:
            if item.inline:
                kinds.setdefault(line, f"+{item.kind}")
            else:
                labels.setdefault(line, "-")
                kinds[line] = item.kind
    if segments.text_view is not None:
        text_lines, first = segments.text_view.split("\n"), 1
    else:
        text_lines, first = post.text.split("\n"), post.first_line
    width = max((len(v) for v in labels.values()), default=1)
    out = [
        f"{segments.title or '(no title)'}  [{post.format}, {len(segments.comments)} comment(s)]",
        "",
    ]
    for index, text in enumerate(text_lines):
        number = first + index
        if not text.strip():
            continue
        label = labels.get(number, "?")
        note = f"  ({kinds[number]})" if number in kinds else ""
        row = f"{number:>5} {label:<{width}} │ {text.strip()}{note}"
        if color:
            group = (
                "comment" if label.startswith("C") else "boilerplate" if label == "-" else "body"
            )
            row = click.style(row, fg=_STYLES[group], bold=label == "H")
        out.append(row)
    summary = (
        f"{sum(1 for v in labels.values() if v in 'BH')} body, "
        f"{sum(1 for v in labels.values() if v.startswith('C'))} comment, "
        f"{sum(1 for v in labels.values() if v == '-')} boilerplate line(s); "
        f"{len(segments.share_quotes)} share-quote(s)"
    )
    return "\n".join([*out, "", summary]) + "\n"
