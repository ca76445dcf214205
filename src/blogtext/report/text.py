"""The terminal report an author reads (``blogtext check``)."""

from __future__ import annotations

from blogtext.model import Report


def render_text(report: Report) -> str:
    """A compact plain-text report of one post."""
    post = report.post
    title = (report.segments.title if report.segments else None) or post.title or "(no title)"
    lines = [title, "=" * min(len(title), 78)]
    source = f"{post.location} ({post.format}, {post.encoding})"
    lines.append(f"source:   {source}")
    if report.pipeline is not None:
        stand_in = " – offline stand-in, less accurate" if report.pipeline.stand_in else ""
        lines.append(f"pipeline: {report.pipeline.label}{stand_in}")
    for key in ("url", "author", "date", "description"):
        if post.metadata.get(key):
            lines.append(f"{key + ':':9} {post.metadata[key]}")
    return "\n".join(lines) + "\n"
