"""Stage 2: split a post into title, article body, reader comments and boilerplate.

One module per input shape: :mod:`.plaintext` (text dumps), :mod:`.html` (pages),
:mod:`.markdown` (drafts). :func:`segment_post` picks the right one.
"""

from __future__ import annotations

from blogtext.model import Post, Segments

#: Kinds of boilerplate a segmenter may report (``Boilerplate.kind``).
BOILERPLATE_KINDS = (
    "comment-heading",  # "2 thoughts on “…”", "3 Kommentare zu …"
    "comment-meta",  # "<Name> sagt:", dates, "Permalink", avatars
    "reply-link",  # "Antworten", "Reply"
    "comment-form",  # "Schreibe einen Kommentar", e-mail notice, checkboxes, Akismet
    "captcha",  # "zwanzig − 17 ="
    "share-button",  # "Share on X", "Teilen mit:", "WhatsApp"
    "pingback",
    "related-posts",
    "navigation",
    "byline",  # post meta: author, date, category above/below the article
    "tags",
    "author-box",
    "cookie-notice",
    "newsletter",
    "advertising",
    "footer",
    "sidebar",
    "other",
    "markup",  # Markdown syntax without prose: code, fences, comments, rules, front matter
)


def segment_post(post: Post) -> Segments:
    """Split ``post`` into its segments, by input format."""
    if post.format == "html":
        from blogtext.segment.html import segment_html

        return segment_html(post)
    if post.format == "markdown":
        from blogtext.segment.markdown import segment_markdown

        return segment_markdown(post)
    from blogtext.segment.plaintext import segment_text

    return segment_text(post)


def line_labels(segments: Segments) -> dict[int, str]:
    """Label per owned line: ``body``, ``comment`` or ``boilerplate``.

    Inline boilerplate (a share-button suffix) does not own its line. A line claimed twice
    keeps the first claim in the order body, comment, boilerplate; use
    :func:`overlapping_lines` to detect that (a segmenter bug).
    """
    labels: dict[int, str] = {}
    for block in segments.body:
        for line in block.lines:
            labels.setdefault(line, "body")
    for comment in segments.comments:
        for line in comment.lines:
            labels.setdefault(line, "comment")
    for item in segments.boilerplate:
        if not item.inline:
            for line in item.lines:
                labels.setdefault(line, "boilerplate")
    return labels


def overlapping_lines(segments: Segments) -> list[int]:
    """Lines claimed by more than one segment (should be empty)."""
    seen: set[int] = set()
    twice: set[int] = set()
    owners: list[list[int]] = [b.lines for b in segments.body]
    owners += [list(c.lines) for c in segments.comments]
    owners += [list(b.lines) for b in segments.boilerplate if not b.inline]
    for lines in owners:
        for line in set(lines):
            (twice if line in seen else seen).add(line)
    return sorted(twice)
