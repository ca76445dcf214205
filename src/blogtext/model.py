"""Plain data carried through the stages: ingest → segment → nlp → analyze → report.

This module imports nothing from blogtext, so every stage can depend on it.
Line numbers are 1-based lines of the input file (for text and Markdown) or of the
extracted text view (HTML); columns are 0-based code-point offsets inside that line
unless a name says otherwise.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

#: Separator placed between body blocks when they are joined into one text for the NLP stage.
#: Two newlines make spaCy and our sentence splitter see a hard boundary.
BLOCK_SEPARATOR = "\n\n"


@dataclass
class Post:
    """One blog post or draft as read from its input, before any analysis.

    Attributes:
        id: Stable identifier (slug of the file name + short content hash; JSONL/CSV: file + row).
        path: The input file as given by the user (for display and reports).
        format: ``text``, ``html``, ``markdown`` (JSONL/CSV records take the format of their field).
        encoding: The encoding the bytes were decoded with (``utf-8``, ``cp1252``, …).
        text: The decoded text, line endings normalised to ``\\n`` and Unicode to NFC. For HTML
            this is the markup; for Markdown the document after the front matter.
        sha256: Hex digest of the input bytes of this post (the record for JSONL/CSV).
        title: Title if the input states one (front matter, ``<title>``/og:title, a JSONL field).
        metadata: url, date, author, description, … as found in the input.
        first_line: Input-file line number of the first line of ``text`` (front matter and
            JSONL records shift it); ``text`` line *i* (0-based) is file line ``first_line + i``.
        record: 1-based line (JSONL) or row (CSV) number of the record, else ``None``.
        container_format: ``jsonl`` or ``csv`` when the post came from a corpus file.
    """

    id: str
    path: str
    format: str
    encoding: str
    text: str
    sha256: str
    title: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    first_line: int = 1
    record: int | None = None
    container_format: str | None = None

    def source_line(self, text_line_index: int) -> int:
        """File line number for a 0-based line index into ``text``."""
        return self.first_line + text_line_index

    @property
    def location(self) -> str:
        """``path`` or ``path:record`` – how error messages name this post."""
        return f"{self.path}:{self.record}" if self.record is not None else self.path


@dataclass(frozen=True)
class LineSlice:
    """A piece of one input line: ``text`` starts at ``column`` (0-based) of ``line`` (1-based).

    ``glue`` joins the slice to the previous one without a space: markup removed between
    them had no whitespace (``**wichtig**,`` → "wichtig" + ","), so the words stay intact.
    """

    line: int
    column: int
    text: str
    glue: bool = False


@dataclass(frozen=True)
class Block:
    """A unit of the article body: the title, a heading, a paragraph or a list item.

    ``text`` is the slices' texts joined by single spaces (none before a ``glue`` slice), so
    every character of ``text`` maps back to an input position (see :class:`BodyText`).
    """

    kind: str  # "title" | "heading" | "paragraph" | "list-item" | "quote"
    slices: tuple[LineSlice, ...]

    @property
    def text(self) -> str:
        return "".join(
            piece.text if i == 0 or piece.glue else " " + piece.text
            for i, piece in enumerate(self.slices)
        )

    @property
    def lines(self) -> list[int]:
        return sorted({s.line for s in self.slices})


@dataclass(frozen=True)
class Comment:
    """A reader comment. ``parent`` is the index of the comment it replies to."""

    index: int
    parent: int | None
    author: str | None
    date: str | None  # ISO 8601 ("2017-04-08T11:59" or "2017-04-08") when the page shows it
    text: str
    lines: tuple[int, ...]


@dataclass(frozen=True)
class Boilerplate:
    """Page furniture that is neither article nor comment (share buttons, captcha, …).

    ``inline`` marks a piece that shares its line with body text (a "Share on X" suffix);
    such a line belongs to the body, the piece is listed here for completeness.
    """

    kind: str
    text: str
    lines: tuple[int, ...]
    inline: bool = False


@dataclass(frozen=True)
class ShareQuote:
    """A click-to-tweet quote: part of the article, shown with a share button."""

    text: str
    lines: tuple[int, ...]
    source: str  # "label" | "bctt" | "intent-link" | "shortcode" | …
    label: str | None = None


@dataclass
class Segments:
    """How a post splits into title, body, comments and boilerplate."""

    title: str | None
    body: list[Block] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    share_quotes: list[ShareQuote] = field(default_factory=list)
    #: For HTML input: the extracted text view that ``lines`` refer to.
    text_view: str | None = None


class BodyText:
    """The article body joined into one string, with a map back to input positions.

    Analyzers work on ``text`` (what the NLP pipeline sees); :meth:`position` turns a
    character offset into an input (line, column) so findings land on the right spot.
    """

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        parts: list[str] = []
        # Parallel arrays: offset in ``text`` where a slice starts, and the slice itself.
        self._starts: list[int] = []
        self._slices: list[LineSlice] = []
        self.block_starts: list[int] = []
        offset = 0
        for i, block in enumerate(blocks):
            if i:
                parts.append(BLOCK_SEPARATOR)
                offset += len(BLOCK_SEPARATOR)
            self.block_starts.append(offset)
            for j, piece in enumerate(block.slices):
                if j and not piece.glue:
                    parts.append(" ")
                    offset += 1
                self._starts.append(offset)
                self._slices.append(piece)
                parts.append(piece.text)
                offset += len(piece.text)
        self.text = "".join(parts)
        #: Values derived from the body once and shared by analyses (e.g. its sentences).
        self.memo: dict[str, Any] = {}

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the input for a character offset into ``text``."""
        if not self._slices:
            return (1, 1)
        i = max(0, bisect.bisect_right(self._starts, offset) - 1)
        piece = self._slices[i]
        within = min(max(offset - self._starts[i], 0), len(piece.text))
        return (piece.line, piece.column + within + 1)

    def block_at(self, offset: int) -> int:
        """Index of the block that contains (or precedes) ``offset``."""
        return max(0, bisect.bisect_right(self.block_starts, offset) - 1)


@dataclass(frozen=True)
class Finding:
    """One rule violation, positioned in the input."""

    rule: str
    severity: str  # "error" | "warning" | "info"
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    suggestions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "suggestions": list(self.suggestions),
        }


@dataclass
class PipelineInfo:
    """Which German pipeline produced a report."""

    name: str  # package name, e.g. "de_core_news_sm"
    version: str
    path: str | None = None
    components: tuple[str, ...] = ()
    stand_in: bool = False

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}"


@dataclass
class Report:
    """Everything blogtext found out about one post; serialised by :mod:`blogtext.report`.

    Analyses that did not run stay ``None`` (not available), never empty stand-ins.
    """

    post: Post
    pipeline: PipelineInfo | None
    segments: Segments | None = None
    body: BodyText | None = None
    readability: Any | None = None
    gender: Any | None = None
    themes: list[Any] | None = None
    quotes: list[Any] | None = None
    findings: list[Finding] = field(default_factory=list)
    blogtext_version: str = ""
